import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The suite Stryker mutates against (stryker.config.json): every test but the lean-build test, which
 * compiles src with the TypeScript compiler (it checks the build script, not rules). Property
 * budgets are a quarter of CI's: each mutant reruns every property that covers it.
 *
 * Test files share modules (`isolate: false`): loading src again for every file costs ~0.5 s, paid
 * for every mutant. That is safe for all code but the lazily built, cached field plans (plan.ts,
 * screen.ts, and check-field.ts, which caches each plan's message info): a plan built before a
 * mutant is switched on would outlive it, so those files are mutated in their own, isolated run
 * (stryker.isolated.config.json, vitest.stryker-isolated.config.ts).
 */
const strykerSuite = defineConfig({
  test: {
    exclude: ["test/digitalocean/lean.test.ts", "**/node_modules/**"],
    env: { DBUSERS_PROPERTY_SCALE: "0.25" },
  },
});

export default mergeConfig(mergeConfig(base, strykerSuite), defineConfig({ test: { isolate: false } }));
