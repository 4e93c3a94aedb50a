import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "atlas",
    include: ["test/**/*.test.ts"],
    // Property tests make dozens of real loopback round trips; shared CI machines can be slow.
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
