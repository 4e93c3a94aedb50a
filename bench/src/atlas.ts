/** `pnpm bench atlas`: the bundle of an app importing only @dbusers/atlas, beside DigitalOcean's (its speed is in speed/). */
import { fileURLToPath } from "node:url";
import { measureSize, SIZE_TARGET_BYTES } from "./size.js";
import { kB, table } from "./table.js";

const ATLAS_APP = fileURLToPath(new URL("../fixtures/atlas-app.ts", import.meta.url));

export async function atlas(): Promise<void> {
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
