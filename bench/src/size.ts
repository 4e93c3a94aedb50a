/**
 * Minified + gzipped size of an app that imports only one vendor client (esbuild, then zlib gzip),
 * and what is in it (metafile inputs, grouped by package): one fixture per vendor in fixtures/.
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** The budget for an app that imports only one vendor client (issues 10, 11 and 12). */
export const SIZE_TARGET_BYTES = 20 * 1024;

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Each vendor's app: it imports only that vendor's client and calls every method. */
export const VENDOR_APPS = [
  { client: "@dbusers/digitalocean", app: fixture("app.ts") },
  { client: "@dbusers/atlas", app: fixture("atlas-app.ts") },
  { client: "@dbusers/rackspace", app: fixture("rackspace-app.ts") },
] as const;

export interface SizeInput {
  readonly path: string;
  readonly bytes: number;
}

export interface SizeResult {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  /** The same output with every string and template literal emptied: the code alone, without prose. */
  readonly codeOnlyGzipBytes: number;
  /** Minified bytes per package, largest first. */
  readonly packages: readonly SizeInput[];
  /** Minified bytes per file, largest first. */
  readonly files: readonly SizeInput[];
}

const APP = VENDOR_APPS[0].app;

/** `…/node_modules/.pnpm/openapi-fetch@0.17.0/node_modules/openapi-fetch/dist/index.mjs` → `openapi-fetch`. */
export function packageOf(path: string): string {
  const inModules = /node_modules\/(?!\.pnpm\/)((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1]!;
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path);
  if (workspace) return `@dbusers/${workspace[1]}`;
  return path.includes("fixtures/") ? "(the app)" : path;
}

/** Strips the machine-specific part of a path for the report. */
function shortPath(path: string): string {
  return path.replace(/^.*node_modules\/(?!\.pnpm\/)/, "").replace(/^(\.\.\/)+/, "");
}

/**
 * Empties every string and template literal of minified code (messages, patterns' sources, names):
 * how small the bundle could get if it carried no text at all. A rough lexer, good enough for a
 * figure: a regex literal holding a quote may throw it off by a few bytes.
 */
export function withoutStrings(code: string): string {
  return code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
}

/**
 * `app` defaults to the DigitalOcean fixture. Platform `node` leaves Node's own modules out of the
 * bundle (`@dbusers/atlas` needs `node:crypto` for Digest's MD5, which Web Crypto lacks).
 */
export async function measureSize(app = APP, platform: "browser" | "node" = "browser"): Promise<SizeResult> {
  const result = await build({
    entryPoints: [app],
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error("esbuild produced no output");
  const meta = Object.values(result.metafile.outputs)[0];
  const files = Object.entries(meta?.inputs ?? {})
    .map(([path, input]) => ({ path: shortPath(path), bytes: input.bytesInOutput }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(meta?.inputs ?? {})) {
    const name = packageOf(path);
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  const packages = [...byPackage]
    .map(([path, bytes]) => ({ path, bytes }))
    .filter((input) => input.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return {
    minifiedBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents, { level: 9 }).byteLength,
    codeOnlyGzipBytes: gzipSync(withoutStrings(output.text), { level: 9 }).byteLength,
    packages,
    files,
  };
}
