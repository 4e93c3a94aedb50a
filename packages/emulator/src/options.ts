/** `startEmulator` options: the server's own, plus one section per registered vendor. */
import { EmulatorError } from "./errors.js";
import type { RateLimitOptions } from "./rate-limit.js";
import type { RequestLogOptions } from "./request-log.js";
import type { OptionsOf, StateOf } from "./vendor.js";
import type { RegisteredVendor } from "./vendors.js";

/** Each vendor's section, e.g. `digitalocean: { token, clusters }`, keyed by its name. */
export type VendorSections = { readonly [M in RegisteredVendor as M["name"]]?: OptionsOf<M> };

/** Each vendor's state handle, e.g. `emulator.state.digitalocean`. */
export type VendorStates = { readonly [M in RegisteredVendor as M["name"]]: StateOf<M> };

export interface ServerOptions {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /**
   * Also listen for HTTPS on 127.0.0.1, with a certificate for `localhost`/`127.0.0.1`/`::1` signed
   * by a CA the emulator makes; `emulator.caCertPath` is that CA as a PEM file. `true` picks a port.
   */
  readonly https?: boolean | { readonly port?: number };
  /** Overrides every vendor's limits (DigitalOcean: 250/minute, 5,000/hour); `false` never answers 429. */
  readonly rateLimit?: RateLimitOptions | false;
  /** Seeds the PRNG behind fault `probability`; random when left out (see `faults.seed`). */
  readonly faultSeed?: number;
  /** @deprecated The old name of `faultSeed` (it seeds faults, not data). */
  readonly seed?: number;
  /** Bounds of the request log: newest 1,000 requests, bodies up to 64 KiB and 64 levels deep. */
  readonly requestLog?: RequestLogOptions;
}

export type EmulatorOptions = ServerOptions & VendorSections;

function checkPort(name: string, port: unknown): void {
  if (port !== undefined && (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65535)) {
    throw new EmulatorError(
      "invalid-option",
      `${name} must be an integer from 0 to 65535, got ${String(port)}`,
    );
  }
}

/** The fault seed to use, after checking the server's own options. */
export function checkServerOptions(options: ServerOptions): number | undefined {
  checkPort("port", options.port);
  const { https } = options;
  if (https !== undefined && typeof https !== "boolean") {
    if (typeof https !== "object" || https === null) {
      throw new EmulatorError("invalid-option", "https must be true, false or { port }");
    }
    checkPort("https.port", https.port);
  }
  if (options.faultSeed !== undefined && options.seed !== undefined && options.faultSeed !== options.seed) {
    throw new EmulatorError("invalid-option", "give faultSeed only (seed is its deprecated name)");
  }
  const seed = options.faultSeed ?? options.seed;
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new EmulatorError(
      "invalid-option",
      `the fault seed (faultSeed) must be an integer from 0 to 4294967295, got ${String(seed)}`,
    );
  }
  return seed;
}
