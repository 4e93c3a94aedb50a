/**
 * The min+gzip size of an app that imports only `@dbusers/rackspace` (its speed beside the other
 * clients is in speed/).
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export const RACKSPACE_SIZE_TARGET_BYTES = 20 * 1024;

export async function measureRackspaceSize(): Promise<{ minifiedBytes: number; gzipBytes: number }> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../fixtures/rackspace-app.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output");
  return {
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
  };
}

/** Prints the Rackspace bundle size (`pnpm bench rackspace`). */
export async function reportRackspace(
  table: (head: string[], rows: string[][]) => string,
  kB: (bytes: number) => string,
): Promise<void> {
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const size = await measureRackspaceSize();
  console.log("\nAn app importing only @dbusers/rackspace (esbuild, minify, platform browser, gzip -9)\n");
  console.log(
    table(
      ["minified", "min+gzip", `target <= ${kB(RACKSPACE_SIZE_TARGET_BYTES)}`],
      [[kB(size.minifiedBytes), kB(size.gzipBytes), verdict(size.gzipBytes <= RACKSPACE_SIZE_TARGET_BYTES)]],
    ),
  );
}
