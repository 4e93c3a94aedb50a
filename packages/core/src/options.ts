/** Checking what a caller passes: credentials from an option or the environment, signals, bodies. */
import { InvalidOptionError } from "./request-errors.js";
import { Secret } from "./secret.js";

export interface CredentialOptions {
  /** The option's name, for messages: `token`. */
  readonly option: string;
  /** What the caller passed (`undefined` when left out). */
  readonly value: unknown;
  /** Environment variables read, in order, when the option is left out: `DIGITALOCEAN_TOKEN`. */
  readonly env?: readonly string[];
  /** Who asks, for messages: `createDigitalOceanClient`. */
  readonly where: string;
}

function environment(name: string): string | undefined {
  // Not every runtime has `process` (browsers, workers).
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[name];
}

/**
 * A credential from its option, or (when the option is left out) from the first environment
 * variable that is set, as the vendor's own tools read it. Missing, empty or not a string/`Secret`:
 * `InvalidOptionError` naming the option and the variables; the value is never in the message.
 */
export function credentialFrom(options: CredentialOptions): Secret {
  const { option, value, env = [], where } = options;
  const variables = env.length === 0 ? "" : ` or set ${env.join(" or ")}`;
  let found: unknown = value;
  let source = `\`${option}\``;
  if (value === undefined) {
    for (const name of env) {
      const text = environment(name);
      if (text !== undefined && text !== "") {
        found = text;
        source = name;
        break;
      }
    }
  }
  if (found === undefined) {
    throw new InvalidOptionError({
      option,
      rule: "missing",
      message: `${where}: \`${option}\` is required: pass it${variables}`,
    });
  }
  const text = found instanceof Secret ? found.reveal() : found;
  if (typeof text !== "string") {
    throw new InvalidOptionError({
      option,
      rule: "type",
      message: `${where}: \`${option}\` must be a string or a Secret`,
    });
  }
  if (text.trim() === "") {
    throw new InvalidOptionError({
      option,
      rule: "empty",
      message: `${where}: ${source} is empty: pass a non-empty \`${option}\`${variables}`,
    });
  }
  return found instanceof Secret ? found : new Secret(text);
}

/** `signal` when it is an `AbortSignal` or left out; anything else (`null` too) is refused. */
export function checkSignal(signal: unknown, option = "signal"): AbortSignal | undefined {
  if (signal === undefined || signal instanceof AbortSignal) return signal;
  throw new InvalidOptionError({
    option,
    rule: "type",
    message: `\`${option}\` must be an AbortSignal or left out`,
  });
}

/** A count or duration option: a finite number ≥ `min`, or the default when left out. */
export function checkNumber(value: unknown, option: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value >= min) return value;
  throw new InvalidOptionError({
    option,
    rule: "range",
    message: `\`${option}\` must be a finite number of at least ${min}`,
  });
}
