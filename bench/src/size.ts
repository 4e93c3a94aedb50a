/**
 * Minified + gzipped size of an app that imports only one vendor client (esbuild, then zlib gzip),
 * and what is in it (metafile inputs, grouped by package): one fixture per vendor in fixtures/.
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import ts from "typescript";

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
  /** The literals that weigh most (bytes times occurrences), heaviest first. */
  readonly literals: readonly Literal[];
}

/** One distinct string, template or regex literal of the minified output. */
export interface Literal {
  readonly text: string;
  readonly count: number;
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

/** Where the literals of minified code sit: [start, end, kind] per string, template part or regex. */
function literalSpans(code: string): [number, number, "text" | "regex"][] {
  const file = ts.createSourceFile("bundle.js", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const spans: [number, number, "text" | "regex"][] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateLiteralToken(node)
    )
      spans.push([node.getStart(file), node.end, "text"]);
    else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral)
      spans.push([node.getStart(file), node.end, "regex"]);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return spans;
}

/**
 * Empties every string literal and every text part of a template literal of minified code
 * (messages, patterns' sources, names), keeping the `${…}` code: how small the bundle would be if
 * it carried no text at all. Parsed with TypeScript, so regex literals and nested templates count
 * as what they are.
 */
export function withoutStrings(code: string): string {
  let out = "";
  let from = 0;
  for (const [start, end, kind] of literalSpans(code)) {
    if (kind === "regex") continue;
    const text = code.slice(start, end);
    // Keep the delimiters: `"`, `'`, a template's "`", "${" and "}".
    const open = text.startsWith("}") ? "}" : text[0]!;
    const close = text.endsWith("${") ? "${" : text.at(-1)!;
    out += code.slice(from, start) + open + close;
    from = end;
  }
  return out + code.slice(from);
}

/** Every distinct literal of minified code with its count, heaviest (length times count) first. */
export function largestLiterals(code: string, limit = 12): Literal[] {
  const counts = new Map<string, number>();
  for (const [start, end] of literalSpans(code)) {
    const text = code.slice(start, end);
    // Template delimiters alone (`${`, `}`, "}`") are syntax, not text.
    if (text.length <= 3) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts]
    .map(([text, count]) => ({ text, count }))
    .sort((a, b) => b.text.length * b.count - a.text.length * a.count)
    .slice(0, limit);
}

/**
 * What each package adds to the gzip figure: the app is bundled unminified (esbuild marks where
 * each file starts), each file minified on its own, and a package's share is the gzip size of the
 * whole minus the gzip size without that package's files. The shares overlap a little (text two
 * packages share is counted for neither), so they do not sum exactly to the total.
 */
export async function gzipShareByPackage(app: string, platform: "browser" | "node" = "node") {
  const result = await build({
    entryPoints: [app],
    bundle: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text ?? "";
  const sections: { name: string; code: string }[] = [];
  for (const part of text.split(/^(?=\/\/ \S+\.[cm]?[jt]s$)/m)) {
    const path = /^\/\/ (\S+)/.exec(part)?.[1] ?? "(prelude)";
    const { code } = await transform(part, { minify: true, format: "esm", target: "es2022" });
    sections.push({ name: packageOf(path), code });
  }
  const gzip = (parts: readonly { code: string }[]) =>
    gzipSync(parts.map((p) => p.code).join(""), { level: 9 }).byteLength;
  const total = gzip(sections);
  return [...new Set(sections.map((s) => s.name))]
    .map((name) => ({ path: name, bytes: total - gzip(sections.filter((s) => s.name !== name)) }))
    .sort((a, b) => b.bytes - a.bytes);
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
    literals: largestLiterals(output.text),
  };
}
