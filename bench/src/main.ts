/**
 * `pnpm bench`: every client's speed against raw fetch, the size of an app that imports it, and the
 * modules one `addUser` call runs code in. `pnpm bench speed|atlas|size|modules|rackspace` runs one of them.
 */
import { atlas } from "./atlas.js";
import { measureModules } from "./modules.js";
import { reportRackspace } from "./rackspace.js";
import { measureSize, SIZE_TARGET_BYTES } from "./size.js";
import { speed } from "./speed/index.js";
import { kB, table } from "./table.js";

const only = process.argv[2];
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

async function size(): Promise<void> {
  const result = await measureSize();
  console.log("\nAn app importing only @dbusers/digitalocean (esbuild, minify, platform browser, gzip -9)\n");
  console.log(
    table(
      ["minified", "min+gzip", `target <= ${kB(SIZE_TARGET_BYTES)}`],
      [[kB(result.minifiedBytes), kB(result.gzipBytes), verdict(result.gzipBytes <= SIZE_TARGET_BYTES)]],
    ),
  );
  console.log(
    `\nWith every string literal emptied (no messages at all), the same code gzips to ${kB(result.codeOnlyGzipBytes)}.`,
  );
  const share = (bytes: number) => `${((bytes / result.minifiedBytes) * 100).toFixed(1)}%`;
  console.log("\nWhat is in it, by package (minified bytes before gzip)\n");
  console.log(
    table(
      ["package", "minified", "share"],
      result.packages.map((p) => [p.path, kB(p.bytes), share(p.bytes)]),
    ),
  );
  console.log("\nLargest inputs\n");
  console.log(
    table(
      ["file", "minified", "share"],
      result.files.slice(0, 12).map((f) => [f.path, kB(f.bytes), share(f.bytes)]),
    ),
  );
}

async function modules(): Promise<void> {
  const result = await measureModules();
  console.log(`\nModules one addUser call runs code in: ${result.total}\n`);
  console.log(
    table(
      ["package", "modules"],
      [...result.byPackage].map(([name, files]) => [name, `${files.length}: ${files.join(", ")}`]),
    ),
  );
}

if (only === undefined || only === "speed" || only === "rps") await speed();
if (only === undefined || only === "atlas") await atlas();
if (only === undefined || only === "size") await size();
if (only === undefined || only === "modules") await modules();
if (only === undefined || only === "rackspace") await reportRackspace(table, kB);
