import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

/**
 * The suite Stryker mutates against (stryker.config.json): every test, with property budgets a
 * quarter of CI's (each mutant reruns every property that covers it). Test files share modules
 * (`isolate: false`): loading src again for every file costs ~0.5 s, paid for every mutant, and the
 * rules keep no state a mutant could leave behind (the only caches are frozen contexts).
 */
const strykerSuite = defineConfig({
  test: {
    env: { DBUSERS_PROPERTY_SCALE: "0.25" },
    isolate: false,
  },
});

export default mergeConfig(base, strykerSuite);
