// Bundles the `dbusers` binary (after tsc): its commands, commander and the vendor clients become a
// few files in dist/bin/ instead of about 75 modules, each of which Node would resolve through the
// workspace's links, read and compile at every start. Commands and vendors stay separate chunks,
// loaded only when used, as in the unbundled build. The library (dist/index.js) is not bundled.
// yaml and ajv stay dependencies, imported only by the commands that read files.
import { build } from "esbuild";

await build({
  entryPoints: { dbusers: new URL("../dist/cli/bin.js", import.meta.url).pathname },
  outdir: new URL("../dist/bin", import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  external: ["yaml", "ajv"],
  // commander is CommonJS: its `require("node:events")` needs a require in an ES module.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
