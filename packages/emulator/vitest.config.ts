import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "emulator",
    // Real loopback HTTP on shared CI machines: generous per-test budget, no timing assertions.
    testTimeout: 30_000,
    include: ["test/**/*.test.ts"],
  },
});
