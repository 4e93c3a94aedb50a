import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runCli, ScriptError } from "../lib/errors.js";
import { repoRoot } from "../lib/repo.js";
import { checkLoads, installConsumer, type Published, runPublishedExamples, toolsFor } from "./consumer.js";
import { commitAll, copyRepository } from "./copy-repo.js";
import { exec, releaseEnv } from "./exec.js";
import { startLocalRegistry } from "./registry.js";
import { tarballFiles } from "./tarball.js";
import { listPublishedPackages } from "./workspace.js";

/*
 * `pnpm release:rehearse [--keep]` — the whole release, for real, against a registry of our own:
 * a copy of the repository runs `pnpm version-packages` (changeset version + VERSION constants),
 * builds from scratch, and `changeset publish`es to a Verdaccio on 127.0.0.1 whose storage lives in a
 * temporary directory; then an empty project installs every published package with npm, loads each
 * with import and require(), and runs each published README's `run` examples. The repository
 * itself is never written to. Packages are found in packages/* each time, so new ones are rehearsed
 * without registration.
 */

const log = (line: string) => process.stderr.write(`${line}\n`);

async function step<T>(title: string, action: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await action();
  log(`rehearsal: ${title} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** How to run the pnpm that runs us (npm_execpath under `pnpm <script>`), else the pinned one via npx. */
function pnpmCommand(): string[] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, execPath];
  const pinned = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).packageManager as string;
  return ["npx", "-y", pinned];
}

function upstreamRegistry(): string {
  const configured = process.env.npm_config_registry ?? "https://registry.npmjs.org/";
  return configured.endsWith("/") ? configured : `${configured}/`;
}

/**
 * The repository's `git status`, compared before and after: the rehearsal must not change a file.
 * A used checkout can hold many untracked files (a package store, caches), more than
 * execFileSync's default 1 MB of output.
 */
function gitStatus(): string {
  return execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
}

interface TarballReport extends Published {
  tarballBytes: number;
  unpackedBytes: number;
  files: number;
}

async function publishedReport(registryUrl: string, names: readonly string[]): Promise<TarballReport[]> {
  const reports: TarballReport[] = [];
  for (const name of names) {
    const response = await fetch(`${registryUrl}${name.replace("/", "%2f")}`);
    if (!response.ok)
      throw new ScriptError(
        "not-published",
        `${name} is not on the local registry (HTTP ${response.status})`,
      );
    const packument = (await response.json()) as {
      "dist-tags": { latest: string };
      versions: Record<
        string,
        { dependencies?: Record<string, string>; dist: { tarball: string; fileCount?: number } }
      >;
    };
    const version = packument["dist-tags"].latest;
    const manifest = packument.versions[version];
    if (!manifest) throw new ScriptError("not-published", `${name}@${version} has no manifest`);
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      if (range.startsWith("workspace:")) {
        throw new ScriptError(
          "workspace-range",
          `${name}@${version} was published depending on ${dependency}@${range}`,
        );
      }
    }
    const tarball = await fetch(manifest.dist.tarball);
    const bytes = new Uint8Array(await tarball.arrayBuffer());
    const files = tarballFiles(bytes);
    for (const required of ["package/LICENSE", "package/README.md", "package/package.json"]) {
      if (!files.some((file) => file.path === required)) {
        throw new ScriptError(
          "tarball",
          `${name}@${version} was published without ${required.slice("package/".length)}`,
        );
      }
    }
    const unpackedBytes = files.reduce((sum, file) => sum + file.size, 0);
    reports.push({ name, version, tarballBytes: bytes.byteLength, unpackedBytes, files: files.length });
  }
  return reports;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { keep: { type: "boolean", default: false } } });
  const work = mkdtempSync(join(tmpdir(), "dbusers-rehearsal-"));
  const repo = join(work, "repo");
  const env = releaseEnv(join(work, "bin"), pnpmCommand());
  const pnpm = (args: string[]) => exec("pnpm", args, { cwd: repo, env });
  const names = listPublishedPackages().map((pkg) => pkg.manifest.name);
  const statusBefore = gitStatus();
  log(`rehearsal: ${names.join(", ")} in ${work}`);
  let registry: Awaited<ReturnType<typeof startLocalRegistry>> | undefined;
  try {
    await step("copied the repository", () => copyRepository(repoRoot, repo));
    await step("installed the workspace", () => pnpm(["install", "--frozen-lockfile", "--prefer-offline"]));
    await step("versioned (pnpm version-packages)", async () => {
      commitAll(repo, "before release");
      await pnpm(["run", "version-packages"]);
      commitAll(repo, "version packages");
    });
    const versions: Published[] = listPublishedPackages(repo).map((pkg) => ({
      name: pkg.manifest.name,
      version: pkg.manifest.version,
    }));
    log(`rehearsal: versions ${versions.map((pkg) => `${pkg.name}@${pkg.version}`).join(", ")}`);
    await step("built every package from a clean dist", () =>
      pnpm(["exec", "turbo", "run", "build", "--filter=./packages/*", "--output-logs=errors-only"]),
    );
    registry = await step("started Verdaccio on 127.0.0.1", () =>
      startLocalRegistry({ dir: join(work, "registry"), ownPackages: names, upstream: upstreamRegistry() }),
    );
    const host = registry.url.replace(/^http:/, "");
    const npmrc = `registry=${registry.url}\n${host}:_authToken=${registry.token}\n`;
    writeFileSync(join(repo, ".npmrc"), npmrc);
    const publishEnv = { ...env, npm_config_registry: registry.url };
    await step("published (changeset publish)", () =>
      exec("pnpm", ["exec", "changeset", "publish", "--no-git-tag"], { cwd: repo, env: publishEnv }),
    );
    const reports = await step("checked what the registry serves", () =>
      publishedReport(registry!.url, names),
    );
    const consumer = { dir: join(work, "consumer"), registryUrl: registry.url, env, tools: [] as string[] };
    const readmes = listPublishedPackages(repo).map((pkg) =>
      readFileSync(join(pkg.dir, "README.md"), "utf8"),
    );
    const vitestVersion = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).devDependencies
      .vitest;
    consumer.tools = toolsFor(readmes, vitestVersion);
    await step(`installed into an empty project with npm (${[...names, ...consumer.tools].join(" ")})`, () =>
      installConsumer(versions, consumer),
    );
    await step("imported and required every package", () => checkLoads(versions, consumer));
    const examples = await step("ran the published READMEs' examples", () =>
      runPublishedExamples(versions, consumer),
    );
    log("");
    log("| package | version | tarball (gzip) | unpacked | files | README examples run |");
    log("| --- | --- | ---: | ---: | ---: | --- |");
    for (const report of reports) {
      const lines = examples
        .filter((example) => example.name === report.name)
        .map((e) => `line ${e.line} (${e.runner})`);
      log(
        `| ${report.name} | ${report.version} | ${(report.tarballBytes / 1024).toFixed(1)} kB | ${(report.unpackedBytes / 1024).toFixed(1)} kB | ${report.files} | ${lines.join(", ")} |`,
      );
    }
    if (gitStatus() !== statusBefore)
      throw new ScriptError("repo-changed", "the rehearsal changed files in the repository");
    return 0;
  } catch (error) {
    const output = registry?.output().trim();
    if (output) log(`rehearsal: Verdaccio said:\n${output.split("\n").slice(-30).join("\n")}`);
    throw error;
  } finally {
    await registry?.close();
    if (values.keep) log(`rehearsal: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

runCli(main);
