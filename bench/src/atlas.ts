/** `pnpm bench atlas`: `getUser` through @dbusers/atlas vs raw fetch, and its bundle beside DigitalOcean's. */
import { fileURLToPath } from "node:url";
import { ATLAS_RPS_TARGET_RATIO, measureAtlasRps } from "./atlas-rps.js";
import { measureSize, SIZE_TARGET_BYTES } from "./size.js";
import { kB, table } from "./table.js";

const ATLAS_APP = fileURLToPath(new URL("../fixtures/atlas-app.ts", import.meta.url));

export async function atlas(): Promise<void> {
  console.log("\ngetUser through @dbusers/atlas vs raw fetch with the same auth (same emulator, same run)\n");
  const rows: string[][] = [];
  for (const scheme of ["service account", "digest"] as const) {
    for (const concurrency of [1, 8]) {
      const r = await measureAtlasRps(scheme, concurrency);
      const target =
        scheme === "service account"
          ? `>= ${ATLAS_RPS_TARGET_RATIO}x: ${r.ratio >= ATLAS_RPS_TARGET_RATIO ? "met" : "MISSED"}`
          : "reported";
      rows.push([
        scheme,
        String(concurrency),
        String(r.requestsPerSide),
        `${r.ratio.toFixed(2)}x`,
        `${r.min.toFixed(2)}-${r.max.toFixed(2)}`,
        target,
      ]);
    }
  }
  console.log(
    table(["scheme", "in flight", "requests/side", "client/raw", "min-max of rounds", "target"], rows),
  );
  // Platform node for both: Digest needs MD5, which Web Crypto lacks, so @dbusers/atlas uses
  // node:crypto (Node's own module, not bundled).
  const [atlasSize, doSize] = [await measureSize(ATLAS_APP, "node"), await measureSize(undefined, "node")];
  console.log("\nAn app importing only one client (esbuild, minify, platform node, gzip -9)\n");
  console.log(
    table(
      ["app imports", "minified", "min+gzip", `target <= ${kB(SIZE_TARGET_BYTES)}`],
      [
        [
          "@dbusers/atlas",
          kB(atlasSize.minifiedBytes),
          kB(atlasSize.gzipBytes),
          atlasSize.gzipBytes <= SIZE_TARGET_BYTES ? "met" : "MISSED",
        ],
        [
          "@dbusers/digitalocean",
          kB(doSize.minifiedBytes),
          kB(doSize.gzipBytes),
          doSize.gzipBytes <= SIZE_TARGET_BYTES ? "met" : "MISSED",
        ],
      ],
    ),
  );
  console.log("\n@dbusers/atlas app, by package (minified bytes)\n");
  console.log(
    table(
      ["package", "minified"],
      atlasSize.packages.map((p) => [p.path, kB(p.bytes)]),
    ),
  );
}
