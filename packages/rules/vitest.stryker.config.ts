import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The suite Stryker mutates against (stryker.config.json): the engine's and each provider's own
 * tests. Left out: the lean-build test, which compiles src with the TypeScript compiler (it checks
 * the build script, not rules), and the cross-provider sweeps (every provider × context × field),
 * which cover every mutant and would make each one cost a full sweep.
 *
 * Test files share modules (`isolate: false`): loading src again for every file costs ~0.5 s, paid
 * for every mutant. That is safe for all code but the lazily built, cached field plans (plan.ts,
 * screen.ts): a plan built before a mutant is switched on would outlive it, so those two files are
 * mutated in their own, isolated run (stryker.isolated.config.json, vitest.stryker-isolated.config.ts).
 */
export const strykerSuite = defineConfig({
  test: {
    exclude: ["test/digitalocean/lean.test.ts", "test/cross/**", "**/node_modules/**"],
  },
});

export default mergeConfig(mergeConfig(base, strykerSuite), defineConfig({ test: { isolate: false } }));
