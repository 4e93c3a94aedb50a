import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The suite Stryker mutates against: the engine's and each provider's own tests. Left out: the
 * lean-build test, which compiles src with the TypeScript compiler (it checks the build script, not
 * rules), and the cross-provider sweeps (every provider × context × field), which cover every
 * mutant and would make each one cost a full sweep: the score is what the focused tests catch.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ["test/digitalocean/lean.test.ts", "test/cross/**", "**/node_modules/**"],
    },
  }),
);
