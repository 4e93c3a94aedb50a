import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "dbusers",
    include: ["test/**/*.test.ts"],
    // The CLI tests spawn the built binary as a user would; a process start costs on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
