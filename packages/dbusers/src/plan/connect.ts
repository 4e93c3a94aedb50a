/**
 * One facade `Target` per target of the file, each with its own credentials. Targets that share a
 * credential (the same vendor, API URL and secret) share one client and one pacer: vendors count
 * their limits per credential, and one client fetches one token (an Atlas service account's, a
 * Rackspace identity token) for all of them instead of one per project or instance.
 */
import { createHash } from "node:crypto";
import type { Env } from "../cli/config.js";
import { VendorUnavailableError } from "../errors.js";
import { createDbUsers, type DbUsers, type DbUsersOptions } from "../facade.js";
import type { Target } from "../target.js";
import { isAvailableVendor } from "../vendors/registry.js";
import { targetOptions } from "./credentials.js";
import { createPacer, type Pacer, type PacerOptions } from "./pacer.js";
import type { TargetConnection } from "./types.js";

export interface ConnectOptions {
  /** Where credentials are read from. Default `process.env`. */
  readonly env?: Env;
  /** Folder `{ file: … }` references are relative to. */
  readonly baseDir?: string;
  /** Rate-limit pacing (tests make it quick). */
  readonly pacing?: PacerOptions;
  /**
   * What sends the requests. Default: the global `fetch`, whose connection pool copes with a
   * server closing an idle kept-alive connection, as happens during a long, rate-limited apply.
   * The CLI passes its own `node:http` transport (its process has no platform `Request`).
   */
  readonly fetch?: typeof fetch;
}

export interface Connections {
  target(name: string, connection: TargetConnection): Promise<Target>;
  /** Every pacer, for statistics (the benchmark reports requests and pauses). */
  readonly pacers: ReadonlyMap<string, Pacer>;
  close(): Promise<void>;
}

export function createConnections(baseDir: string, options: ConnectOptions = {}): Connections {
  const env = options.env ?? process.env;
  const pacers = new Map<string, Pacer>();
  const clients = new Map<string, DbUsers>();
  const targets = new Map<string, Promise<Target>>();

  async function connect(connection: TargetConnection): Promise<Target> {
    const vendor = connection.vendor;
    if (!isAvailableVendor(vendor)) {
      throw new VendorUnavailableError(vendor, "this version of dbusers has no adapter for it");
    }
    const vendorOptions = (await targetOptions(vendor, connection, env, baseDir))[
      vendor
    ] as unknown as Record<string, unknown>;
    // The options hold the credential itself; only its hash is kept.
    const { fetch: _fetch, ...identity } = vendorOptions;
    const key = createHash("sha256").update(vendor).update(JSON.stringify(identity)).digest("hex");
    let dbusers = clients.get(key);
    if (dbusers === undefined) {
      const pacer = createPacer(options.pacing);
      pacers.set(key, pacer);
      const inner = options.fetch ?? globalThis.fetch;
      dbusers = createDbUsers({ [vendor]: { ...vendorOptions, fetch: pacer.wrap(inner) } } as DbUsersOptions);
      clients.set(key, dbusers);
    }
    const ref = { vendor, id: connection.id, ...(connection.engine ? { engine: connection.engine } : {}) };
    return dbusers.target(ref);
  }

  return {
    pacers,
    target(name, connection) {
      let found = targets.get(name);
      if (found === undefined) {
        found = connect(connection);
        targets.set(name, found);
      }
      return found;
    },
    async close() {
      await Promise.all([...clients.values()].map((d) => d.close()));
    },
  };
}
