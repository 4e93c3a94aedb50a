import { defineConfig } from "vitest/config";

/**
 * The isolated run for the cached field plans (plan.ts, screen.ts, check-field.ts; see
 * vitest.stryker.config.ts): every file loads src afresh, so only the tests written for the plans
 * run (the engine's and the all-provider fast-path sweep); the whole suite would cost ~20 s a
 * mutant. Its break threshold is 80: many screen mutants are equivalent (a bound moved onto a
 * table's missing entry, `charCodeAt` past the end giving NaN, a slower path giving the same bits).
 */
export default defineConfig({
  test: {
    name: "rules",
    include: ["test/engine/**/*.test.ts", "test/cross/fast-paths.test.ts"],
    testTimeout: 30_000,
    env: { DBUSERS_PROPERTY_SCALE: "0.25" },
  },
});
