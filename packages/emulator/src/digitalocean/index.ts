/** The DigitalOcean part of the emulator: its state (for tests) and its router (for the server). */
import { EmulatorError } from "../errors.js";
import type { RateLimitOptions } from "../rate-limit.js";
import type { RequestLog } from "../request-log.js";
import { DigitalOceanRouter } from "./routes.js";
import { type ClusterSeed, DigitalOceanState } from "./state.js";

/** The token accepted when `digitalocean.token` is not given. */
export const DEFAULT_DIGITALOCEAN_TOKEN = "dbusers-emulator-token";

export interface DigitalOceanOptions {
  /** The only bearer token the emulator accepts; default `DEFAULT_DIGITALOCEAN_TOKEN`. */
  readonly token?: string;
  /** Clusters to start with; more can be added with `state.digitalocean.addCluster`. */
  readonly clusters?: readonly ClusterSeed[];
}

export function createDigitalOcean(
  options: DigitalOceanOptions | undefined,
  log: RequestLog,
  rateLimit: RateLimitOptions | false | undefined,
): { readonly state: DigitalOceanState; readonly router: DigitalOceanRouter } {
  const token = options?.token ?? DEFAULT_DIGITALOCEAN_TOKEN;
  if (typeof token !== "string" || !/^\S+$/.test(token)) {
    throw new EmulatorError("invalid-option", "digitalocean.token must be a non-empty string without spaces");
  }
  const state = new DigitalOceanState(log);
  for (const cluster of options?.clusters ?? []) state.addCluster(cluster);
  const router = new DigitalOceanRouter({ token, state, rateLimit });
  return { state, router };
}
