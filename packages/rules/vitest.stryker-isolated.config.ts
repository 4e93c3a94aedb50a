import { mergeConfig } from "vitest/config";
import base from "./vitest.config.js";
import { strykerSuite } from "./vitest.stryker.config.js";

/** The Stryker suite with every test file isolated, for the cached field plans (see vitest.stryker.config.ts). */
export default mergeConfig(base, strykerSuite);
