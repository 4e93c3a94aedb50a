import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "rules",
    include: ["test/**/*.test.ts"],
    // Mutation runs instrument every line; generous timeouts keep them from flagging slow-but-correct tests.
    testTimeout: 30_000,
  },
});
