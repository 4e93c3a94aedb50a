import { defineConfig } from "vitest/config";

/**
 * The isolated run for the cached field plans (plan.ts, screen.ts; see vitest.stryker.config.ts):
 * every file loads src afresh, so only the tests written for the plans run (the engine's and the
 * all-provider fast-path sweep); the whole suite would cost ~20 s a mutant. Its break threshold
 * is 80: a screen mutant that only says "not proven" more often gives the same violations through
 * the ordered loop (same `check` calls too; test/engine/fast-path-use.test.ts), so it is slower
 * but equivalent, and these files hold most of those.
 */
export default defineConfig({
  test: {
    name: "rules",
    include: ["test/engine/**/*.test.ts", "test/cross/fast-paths.test.ts"],
    testTimeout: 30_000,
    env: { DBUSERS_PROPERTY_SCALE: "0.25" },
  },
});
