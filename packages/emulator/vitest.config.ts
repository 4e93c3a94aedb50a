import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The README's examples import the package by name; inside it, that is the source.
    alias: { "@dbusers/emulator": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    name: "emulator",
    // Real loopback HTTP on shared CI machines: generous per-test budget, no timing assertions.
    testTimeout: 30_000,
    include: ["test/**/*.test.ts"],
  },
});
