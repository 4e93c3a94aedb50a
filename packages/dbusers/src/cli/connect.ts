/** From a command's `<target>` and flags to a `Target` with the vendor's credentials. */

import { VendorUnavailableError } from "../errors.js";
import { createDbUsers, type DbUsers } from "../facade.js";
import type { Target } from "../target.js";
import { type DigitalOceanEngine, parseTarget } from "../target-ref.js";
import { isAvailableVendor } from "../vendors/registry.js";
import { optionsFor } from "./config.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";

export interface ConnectionOptions {
  readonly baseUrl?: string;
  readonly engine?: string;
  readonly region?: string;
}

const ENGINES: readonly string[] = ["pg", "mysql", "redis", "valkey", "mongodb", "kafka", "opensearch"];

export interface Connected {
  readonly dbusers: DbUsers;
  readonly target: Target;
}

export async function connect(io: CliIo, input: string, flags: ConnectionOptions): Promise<Connected> {
  const ref = parseTarget(input);
  if (!isAvailableVendor(ref.vendor)) {
    throw new VendorUnavailableError(ref.vendor, "this version of dbusers has no adapter for it");
  }
  let engine: DigitalOceanEngine | undefined;
  if (flags.engine !== undefined) {
    if (ref.vendor !== "digitalocean") throw new UsageError("--engine applies to DigitalOcean targets only");
    if (!ENGINES.includes(flags.engine)) {
      throw new UsageError(
        `--engine must be one of ${ENGINES.join(", ")}, not ${JSON.stringify(flags.engine)}`,
      );
    }
    engine = flags.engine as DigitalOceanEngine;
  }
  if (flags.region !== undefined && (ref.vendor as string) !== "rackspace") {
    throw new UsageError("--region applies to Rackspace targets only");
  }
  const dbusers = createDbUsers(await optionsFor(ref.vendor, io.env, flags, io.cwd));
  const target = dbusers.target(engine === undefined ? ref : { ...ref, engine });
  return { dbusers, target };
}
