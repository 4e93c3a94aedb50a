/**
 * Which modules one `addUser` call runs code in: V8's precise coverage (call counts) is reset after
 * the client and the emulator are set up, then read after the call. A module counts when at least
 * one of its functions ran during the call. The emulator runs in this process too, so its modules
 * are left out; the rules (validation) and openapi-fetch are counted, since the call goes through them.
 */
import { randomUUID } from "node:crypto";
import { Session } from "node:inspector/promises";
import { fileURLToPath } from "node:url";

export interface ModulesResult {
  /** Modules per package, e.g. `@dbusers/core` → `["dist/transport.js", …]`. */
  readonly byPackage: ReadonlyMap<string, readonly string[]>;
  readonly total: number;
}

interface FunctionCoverage {
  readonly functionName: string;
  readonly ranges: ReadonlyArray<{ readonly count: number }>;
}

/** `…/packages/core/dist/transport.js` → [`@dbusers/core`, `dist/transport.js`]. */
function ownerOf(url: string): readonly [string, string] | undefined {
  if (!url.startsWith("file:")) return undefined;
  const path = fileURLToPath(url);
  const workspace = /\/packages\/([^/]+)\/(.+)$/.exec(path);
  if (workspace && !path.includes("/node_modules/")) return [`@dbusers/${workspace[1]}`, workspace[2]!];
  const dependency = /node_modules\/(?!\.pnpm\/)((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(path);
  if (dependency) {
    const name = dependency[1]!;
    if (name.startsWith("@dbusers/")) return [name, dependency[2]!];
    return [name, dependency[2]!];
  }
  return undefined;
}

export async function measureModules(): Promise<ModulesResult> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
  const { createDigitalOceanClient } = await import("@dbusers/digitalocean");
  const { startEmulator } = await import("@dbusers/emulator");
  const token = `dop_v1_${randomUUID()}`;
  const clusterId = randomUUID();
  const emulator = await startEmulator({
    rateLimit: false,
    digitalocean: { token, clusters: [{ id: clusterId, engine: "pg" }] },
  });
  try {
    const client = createDigitalOceanClient({ token, baseUrl: emulator.url });
    // A first call warms up lazy set-up (caches, compiled patterns) so it is not counted as the call.
    await client.addUser(clusterId, { name: "warm-up" }, { engine: "pg" });
    await session.post("Profiler.takePreciseCoverage");
    await client.addUser(clusterId, { name: "app-reader" }, { engine: "pg" });
    const { result } = (await session.post("Profiler.takePreciseCoverage")) as {
      result: ReadonlyArray<{ url: string; functions: readonly FunctionCoverage[] }>;
    };
    const byPackage = new Map<string, string[]>();
    for (const script of result) {
      const owner = ownerOf(script.url);
      if (!owner || owner[0] === "@dbusers/emulator") continue;
      // The first entry is the module's own top level, which ran when it was imported.
      const ran = script.functions.slice(1).some((fn) => (fn.ranges[0]?.count ?? 0) > 0);
      if (!ran) continue;
      const files = byPackage.get(owner[0]) ?? [];
      files.push(owner[1]);
      byPackage.set(owner[0], files);
    }
    for (const files of byPackage.values()) files.sort();
    const total = [...byPackage.values()].reduce((sum, files) => sum + files.length, 0);
    return { byPackage, total };
  } finally {
    await session.post("Profiler.stopPreciseCoverage");
    session.disconnect();
    await emulator.close();
  }
}
