import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ScriptError } from "../lib/errors.js";

const require = createRequire(import.meta.url);

/** A Verdaccio running on 127.0.0.1 for one rehearsal, with one user allowed to publish. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** The publishing user's token: only ever written to an .npmrc, never printed. */
  token: string;
  /** Verdaccio's own output so far (errors only, such as an upstream it cannot reach). */
  output(): string;
  close(): Promise<void>;
}

export interface RegistryOptions {
  /** Storage, config and htpasswd go here. */
  dir: string;
  /** Names served only from this registry: never looked up upstream, so a namesake on npmjs.com cannot leak in. */
  ownPackages: readonly string[];
  /** Where every other package comes from (the consumer's third-party dependencies). */
  upstream: string;
}

function verdaccioConfig(options: RegistryOptions): Record<string, unknown> {
  const configFile = join(options.dir, "verdaccio.json");
  const own = Object.fromEntries(
    options.ownPackages.map((name) => [
      name,
      { access: "$all", publish: "$authenticated", unpublish: "$authenticated" },
    ]),
  );
  return {
    self_path: configFile,
    storage: join(options.dir, "storage"),
    auth: { htpasswd: { file: join(options.dir, "htpasswd"), max_users: 1 } },
    uplinks: { upstream: { url: options.upstream, timeout: "60s" } },
    packages: { ...own, "**": { access: "$all", proxy: "upstream" } },
    log: { type: "stdout", format: "pretty", level: "error" },
    web: { enable: false },
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new ScriptError("registry", `Verdaccio did not start within 120 s:\n${seen}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /^listening (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new ScriptError("registry", `Verdaccio exited with ${code} before listening:\n${seen}`));
    });
  });
}

/** Starts Verdaccio in a child process (so our own blocking calls never stall it) and signs up a publisher. */
export async function startLocalRegistry(options: RegistryOptions): Promise<LocalRegistry> {
  mkdirSync(options.dir, { recursive: true });
  const configFile = join(options.dir, "verdaccio.json");
  writeFileSync(configFile, JSON.stringify(verdaccioConfig(options), null, 2));
  const server = fileURLToPath(new URL("./verdaccio-server.ts", import.meta.url));
  const tsx = pathToFileURL(require.resolve("tsx/esm")).href;
  const child = spawn(process.execPath, ["--import", tsx, server, configFile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  try {
    const url = await waitForUrl(child);
    const password = randomBytes(18).toString("base64url");
    const response = await fetch(`${url}-/user/org.couchdb.user:rehearsal`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "rehearsal", password }),
    });
    const body = (await response.json()) as { token?: string };
    if (!response.ok || typeof body.token !== "string") {
      throw new ScriptError(
        "registry",
        `Verdaccio refused to create the publishing user (HTTP ${response.status})`,
      );
    }
    return { url, token: body.token, output: () => output, close };
  } catch (error) {
    await close();
    throw error;
  }
}
