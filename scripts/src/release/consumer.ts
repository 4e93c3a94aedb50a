import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ScriptError } from "../lib/errors.js";
import { exec } from "./exec.js";
import { extractExamples, type ReadmeExample } from "./readme-examples.js";
import { exampleFailure, runExample } from "./run-example.js";

export interface Published {
  name: string;
  version: string;
}

export interface ConsumerOptions {
  dir: string;
  registryUrl: string;
  env: NodeJS.ProcessEnv;
  /** Extra packages the README examples need in a user's project (a test runner), as `name@version`. */
  tools: readonly string[];
}

/** An empty ESM project whose npm reads only the local registry, with every published package installed. */
export async function installConsumer(
  published: readonly Published[],
  options: ConsumerOptions,
): Promise<void> {
  mkdirSync(options.dir, { recursive: true });
  writeFileSync(
    join(options.dir, "package.json"),
    `${JSON.stringify({ name: "rehearsal-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  writeFileSync(
    join(options.dir, ".npmrc"),
    `registry=${options.registryUrl}\naudit=false\nfund=false\nupdate-notifier=false\n`,
  );
  const specs = [...published.map((pkg) => `${pkg.name}@${pkg.version}`), ...options.tools];
  await exec("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...specs], {
    cwd: options.dir,
    env: options.env,
  });
}

/**
 * Each package loads the way users load it: `import` and `require()` (Node 20.19+ requires ES
 * modules), from the installed copy, and a `VERSION` export — if there is one — names the version
 * that was installed, so a release can never send the previous version in its User-Agent.
 */
export async function checkLoads(published: readonly Published[], options: ConsumerOptions): Promise<void> {
  const script = `
    import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    const expected = ${JSON.stringify(published)};
    for (const { name, version } of expected) {
      const imported = await import(name);
      const required = require(name);
      // A types-only package (no runtime exports) is fine: loading it must simply not throw.
      if (Object.keys(imported).join() !== Object.keys(required).join()) throw new Error(name + ": import and require() disagree");
      const installed = require(name + "/package.json").version;
      if (installed !== version) throw new Error(name + " installed " + installed + ", expected " + version);
      if ("VERSION" in imported && imported.VERSION !== version) {
        throw new Error(name + " exports VERSION " + imported.VERSION + " but was published as " + version);
      }
    }`;
  const file = join(options.dir, "check-loads.mjs");
  writeFileSync(file, script);
  await exec(process.execPath, [file], { cwd: options.dir, env: options.env });
}

export interface ExampleResult {
  name: string;
  line: number;
  runner: ReadmeExample["runner"];
}

/** Runs the `run` examples of each package's *published* README inside the consumer project. */
export async function runPublishedExamples(
  published: readonly Published[],
  options: ConsumerOptions,
): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  for (const { name } of published) {
    const readme = join(options.dir, "node_modules", name, "README.md");
    const examples = extractExamples(readFileSync(readme, "utf8"), `${name}/README.md`);
    for (const example of examples) {
      const run = await runExample(example, {
        cwd: options.dir,
        name: `${name.replace(/\W+/g, "-")}-${example.line}`,
      });
      const failure = exampleFailure(example, run);
      if (failure) throw new ScriptError("example-failed", `${name} README line ${example.line}: ${failure}`);
      results.push({ name, line: example.line, runner: example.runner });
    }
  }
  return results;
}

/** What README examples need installed next to the packages: vitest, at the repository's own version. */
export function toolsFor(readmes: readonly string[], vitestVersion: string): string[] {
  const runners = readmes.flatMap((text) =>
    extractExamples(text, "README.md").map((example) => example.runner),
  );
  return runners.includes("vitest") ? [`vitest@${vitestVersion}`] : [];
}
