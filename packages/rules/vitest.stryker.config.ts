import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The suite Stryker mutates against: everything but the lean-build test, which compiles src with
 * the TypeScript compiler (it checks the build script, and Stryker's instrumented src is not what
 * that script is for).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ["test/digitalocean/lean.test.ts", "**/node_modules/**"],
    },
  }),
);
