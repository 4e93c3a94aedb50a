/**
 * Checks a vendor's section of a state file (or of `PUT /_emulator/state`) against a JSON Schema the
 * vendor writes, so a bad file gets one `EmulatorError` naming every wrong field
 * (`digitalocean.clusters[0].engine must be one of …`) before any state changes.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { EmulatorError } from "./errors.js";
import { issueOf } from "./spec-validator.js";

const ajv = new Ajv2020({ strict: true, allErrors: true });

/**
 * A compiled check for one vendor's section; `vendor` prefixes each field in the message. The code
 * is `invalid-option` for `startEmulator` options and `invalid-state` for a loaded state.
 */
export function sectionChecker(
  vendor: string,
  schema: object,
): (value: unknown, code: "invalid-option" | "invalid-state") => void {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value, code) => {
    if (validate(value)) return;
    // A field path reads `clusters[0].engine`; the section itself has the empty path.
    const qualify = (m: string) => `${vendor}${m.startsWith(" ") || m.startsWith("[") ? "" : "."}${m}`;
    const messages = new Set((validate.errors ?? []).map((e) => qualify(issueOf(e, "").message)));
    throw new EmulatorError(code, [...messages].join("; "));
  };
}
