// Bundles the `dbusers` binary (after tsc) into dist/bin/, in two builds that a process never mixes:
// - dbusers.js: the entry and the path of `users list` and `users get` as scripts usually write them
//   (src/cli/main.ts reads those without commander), with each vendor's client in its own chunk;
// - program.js: the commander program, for everything else (help and usage errors included),
//   imported by the entry only when it hands over, with each command's work in its own chunk.
// A process starts in the first and either stays there or hands the whole command line to the
// second, so no object made by one build's copy of a module meets the other's. Fewer, larger files
// than one chunk per module: Node resolves, reads and compiles each file it loads, at every start
// (bench/cold-start.mjs). Whitespace and syntax are minified; names are kept, so a `--debug` stack
// still reads. The library (dist/index.js) is not bundled. yaml and ajv stay dependencies,
// imported only by the commands that read files.
import { createRequire } from "node:module";
import { build } from "esbuild";

const dist = (path) => new URL(`../dist/${path}`, import.meta.url).pathname;

/**
 * Node's built-in modules through `process.getBuiltinModule`, not as ES imports: an ES import of a
 * built-in builds its whole export list, which loads every part the module loads lazily (for
 * `node:crypto`, all of Web Crypto), at every start. Each name is read only where the bundle uses
 * it (unused ones are pure and dropped).
 */
const builtinsWithoutEsImport = {
  name: "builtins-without-es-import",
  setup(build) {
    const require = createRequire(import.meta.url);
    build.onResolve({ filter: /^node:/ }, ({ path }) => ({ path, namespace: "node-builtin" }));
    build.onLoad({ filter: /.*/, namespace: "node-builtin" }, ({ path }) => {
      const names = Object.keys(require(path)).filter((name) => name !== "default");
      const lines = [
        `const builtin = process.getBuiltinModule(${JSON.stringify(path)});`,
        "const get = (name) => builtin[name];",
        "export default builtin;",
        ...names.flatMap((name, i) => [
          `const name${i} = /* @__PURE__ */ get(${JSON.stringify(name)});`,
          `export { name${i} as ${JSON.stringify(name)} };`,
        ]),
      ];
      return { contents: lines.join("\n"), loader: "js" };
    });
  },
};

const common = {
  plugins: [builtinsWithoutEsImport],
  outdir: dist("bin"),
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
};

/** commander is CommonJS: its `require("node:events")` needs a require in an ES module. */
const requireForCommonJs = {
  js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
};

/** The entry's hand-over to the program stays an import of the other build's file. */
const programIsExternal = {
  name: "program-is-external",
  setup(build) {
    build.onResolve({ filter: /^\.\/program\.js$/ }, () => ({ path: "./program.js", external: true }));
  },
};

await build({
  ...common,
  entryPoints: { dbusers: dist("cli/bin.js") },
  plugins: [builtinsWithoutEsImport, programIsExternal],
});
await build({ ...common, entryPoints: { program: dist("cli/program.js") }, banner: requireForCommonJs });
