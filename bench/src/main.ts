/**
 * `pnpm bench`: every client's speed against raw fetch, the size of an app that imports only one
 * client, and the modules one `addUser` call runs code in. `pnpm bench speed|size|modules` runs one.
 */
import { measureModules } from "./modules.js";
import {
  gzipShareByPackage,
  measureSize,
  SIZE_TARGET_BYTES,
  type SizeInput,
  type SizeResult,
  VENDOR_APPS,
} from "./size.js";
import { speed } from "./speed/index.js";
import { kB, table } from "./table.js";

const only = process.argv[2];
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

/** One row per package, one column per app: its bytes in that app, or "-". */
function packageTable(clients: readonly string[], byApp: readonly (readonly SizeInput[])[]): string {
  const names = [...new Set(byApp.flatMap((inputs) => inputs.map((p) => p.path)))];
  return table(
    ["package", ...clients],
    names.map((name) => [
      name,
      ...byApp.map((inputs) => {
        const bytes = inputs.find((p) => p.path === name)?.bytes;
        return bytes === undefined ? "-" : kB(bytes);
      }),
    ]),
  );
}

async function size(): Promise<void> {
  const results: (SizeResult & { readonly client: string })[] = [];
  for (const { client, app } of VENDOR_APPS) results.push({ client, ...(await measureSize(app, "node")) });
  console.log("\nAn app importing only one vendor client (esbuild, minify, platform node, ESM, gzip -9)\n");
  console.log(
    table(
      ["app imports", "minified", "min+gzip", "strings emptied", `target <= ${kB(SIZE_TARGET_BYTES)}`],
      results.map((r) => [
        r.client,
        kB(r.minifiedBytes),
        kB(r.gzipBytes),
        kB(r.codeOnlyGzipBytes),
        verdict(r.gzipBytes <= SIZE_TARGET_BYTES),
      ]),
    ),
  );
  console.log(
    "\n'strings emptied': the same bundle with every string literal and template text emptied (no messages at all), gzipped.",
  );
  const clients = results.map((r) => r.client);
  const shares: SizeInput[][] = [];
  for (const { app } of VENDOR_APPS) shares.push(await gzipShareByPackage(app, "node"));
  console.log(
    "\nWhat each package adds to the gzip figure (gzip bytes of the whole minus gzip bytes without it)\n",
  );
  console.log(packageTable(clients, shares));
  console.log("\nWhat is in each, by package (minified bytes before gzip)\n");
  console.log(
    packageTable(
      clients,
      results.map((r) => r.packages),
    ),
  );
  for (const r of results) {
    const share = (bytes: number) => `${((bytes / r.minifiedBytes) * 100).toFixed(1)}%`;
    console.log(`\nLargest inputs of the ${r.client} app\n`);
    console.log(
      table(
        ["file", "minified", "share"],
        r.files.slice(0, 10).map((f) => [f.path, kB(f.bytes), share(f.bytes)]),
      ),
    );
    console.log(`\nHeaviest literals of the ${r.client} app (length times count, minified)\n`);
    console.log(
      table(
        ["bytes", "count", "literal"],
        r.literals.map((l) => [
          String(l.text.length * l.count),
          String(l.count),
          l.text.length > 90 ? `${l.text.slice(0, 87)}...` : l.text,
        ]),
      ),
    );
  }
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
if (only === undefined || only === "size") await size();
if (only === undefined || only === "modules") await modules();
