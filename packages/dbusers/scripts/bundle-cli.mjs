// Bundles the `dbusers` binary (after tsc) into dist/bin/, in two builds that a process never mixes:
// - dbusers.cjs: the entry and the path of `users list` and `users get` as scripts usually write them
//   (src/cli/main.ts reads those without commander), with each vendor's client in its own chunk;
// - program.cjs: the commander program, for everything else (help and usage errors included),
//   loaded by the entry only when it hands over, with each command's work in its own chunk.
// A process starts in the first and either stays there or hands the whole command line to the
// second, so no object made by one build's copy of a module meets the other's. Fewer, larger files
// than one chunk per module: Node resolves, reads and compiles each file it loads, at every start
// (bench/cold-start.mjs). Whitespace and syntax are minified; names are kept, so a `--debug` stack
// still reads. The library (dist/index.js) is not bundled. yaml and ajv stay dependencies,
// loaded only by the commands that read files.
//
// The binary's files are CommonJS (esbuild splits ES modules, so each chunk is turned into CommonJS
// after the split): on Node 20, the first ES module a process loads starts the ES module loader,
// about 9 ms of CPU at every start, some 0.12x of `node -e 0`, while `require` is already running.
// The packages themselves stay ES modules; only the binary's own copy of their code changes form.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { build, transform } from "esbuild";

const dist = (path) => new URL(`../dist/${path}`, import.meta.url).pathname;

const common = {
  outdir: dist("bin"),
  outExtension: { ".js": ".cjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  external: ["yaml", "ajv"],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
  write: false,
};

/** The entry's hand-over to the program stays a load of the other build's file. */
const programIsExternal = {
  name: "program-is-external",
  setup(build) {
    build.onResolve({ filter: /^\.\/program\.js$/ }, () => ({ path: "./program.cjs", external: true }));
  },
};

/**
 * Each ES module esbuild made, written as CommonJS: `import()` becomes a `require()` in a promise,
 * and `import.meta.url` the file's own URL.
 */
async function writeAsCommonJs(result) {
  for (const file of result.outputFiles) {
    const usesMeta = file.text.includes("import.meta");
    const { code } = await transform(file.text, {
      format: "cjs",
      platform: "node",
      target: "node20",
      supported: { "dynamic-import": false },
      define: usesMeta ? { "import.meta.url": "__importMetaUrl" } : {},
      banner: usesMeta ? 'var __importMetaUrl=require("node:url").pathToFileURL(__filename).href;' : "",
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: "none",
    });
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, code);
  }
}

await writeAsCommonJs(
  await build({
    ...common,
    entryPoints: { dbusers: dist("cli/bin.js") },
    plugins: [programIsExternal],
  }),
);
await writeAsCommonJs(await build({ ...common, entryPoints: { program: dist("cli/program.js") } }));
