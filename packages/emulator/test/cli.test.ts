/** `dbusers-emulator`: arguments, the URL on stdout, and a clean stop on SIGINT/SIGTERM. */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type CliArgs,
  type CliIo,
  cliOptions,
  DEFAULT_CLUSTER,
  main,
  parseCliArgs,
  USAGE,
} from "../src/cli.js";
import { EmulatorError } from "../src/index.js";
import { checkedFetch } from "./helpers/digitalocean.js";

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Map<string, () => void>();
  const io: CliIo = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    onSignal: (signal, handler) => handlers.set(signal, handler),
  };
  return { io, out, err, handlers };
}

describe("parseCliArgs", () => {
  it("reads every option", () => {
    const id = randomUUID();
    expect(
      parseCliArgs([
        "--port",
        "0",
        "--state",
        "s.yaml",
        "--token",
        "t",
        "--cluster",
        `pg:${id}`,
        "--cluster",
        "mysql",
        "--fault-seed",
        "9",
        "--https",
        "--https-port",
        "0",
        "--no-rate-limit",
      ]),
    ).toEqual({
      port: 0,
      statePath: "s.yaml",
      token: "t",
      clusters: [{ engine: "pg", id }, { engine: "mysql" }],
      https: { port: 0 },
      faultSeed: 9,
      rateLimit: false,
      warnings: [],
    });
  });

  it("defaults to port 4010, no clusters (the default one is added later), no HTTPS", () => {
    expect(parseCliArgs([])).toEqual({
      port: 4010,
      statePath: undefined,
      token: undefined,
      clusters: [],
      https: false,
      faultSeed: undefined,
      rateLimit: true,
      warnings: [],
    });
  });

  it("takes --seed as the deprecated name of --fault-seed, with a warning", () => {
    const args = parseCliArgs(["--seed", "7"]);
    expect(args).toMatchObject({ faultSeed: 7, warnings: [expect.stringContaining("--fault-seed")] });
    expect(() => parseCliArgs(["--seed", "7", "--fault-seed", "8"])).toThrow(/--fault-seed only/);
  });

  it("asks for help", () => {
    expect(parseCliArgs(["--help"])).toBe("help");
  });

  it.each([[["--port", "abc"]], [["--fault-seed", "-1"]], [["--unknown"]], [["--https-port", "x"]]])(
    "refuses %j",
    (argv) => {
      expect(() => parseCliArgs(argv)).toThrow();
    },
  );
});

describe("cliOptions", () => {
  const args = (more: Partial<CliArgs> = {}): CliArgs => ({ ...(parseCliArgs([]) as CliArgs), ...more });

  it("adds the default PostgreSQL cluster when no cluster is named anywhere", async () => {
    expect((await cliOptions(args())).digitalocean?.clusters).toEqual([DEFAULT_CLUSTER]);
  });

  it("starts from the state file, adds --cluster and lets --token win", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-cli-"));
    const file = join(dir, "state.yaml");
    const id = randomUUID();
    writeFileSync(
      file,
      `digitalocean:\n  token: from-file\n  clusters:\n    - { id: ${id}, engine: mysql, users: [app] }\n`,
    );
    try {
      const options = await cliOptions(
        args({ statePath: file, token: "from-flag", clusters: [{ engine: "kafka" }] }),
      );
      expect(options.digitalocean).toEqual({
        token: "from-flag",
        clusters: [{ id, engine: "mysql", users: ["app"] }, { engine: "kafka" }],
      });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it.each([
    ["state.json", '{"digitalocean": {"token": "s3cret-token", }', /not valid JSON/],
    ["state.yaml", "digitalocean: [s3cret-token\n", /not valid YAML/],
    ["state.yaml", "- a list\n", /must hold an object/],
    ["state.yaml", "nimbus: {}\n", /unknown vendor "nimbus"/],
  ])("refuses a bad %s without quoting it", async (name, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), "emulator-cli-"));
    try {
      writeFileSync(join(dir, name), text);
      const error = await cliOptions(args({ statePath: join(dir, name) })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmulatorError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("s3cret");
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("names a state file that cannot be read", async () => {
    await expect(cliOptions(args({ statePath: "/nonexistent/state.json" }))).rejects.toThrow(
      /cannot read state file/,
    );
  });
});

describe("main", () => {
  it("prints the URL on stdout, the clusters on stderr, and stops on SIGTERM", async () => {
    const id = randomUUID();
    const { io, out, err, handlers } = fakeIo();
    const done = main(["--port", "0", "--token", "t", "--cluster", `kafka:${id}`], io);
    while (out.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const url = out.join("").trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(err.join("")).toContain(`kafka cluster ${id}`);
    const res = await checkedFetch(url, `/v2/databases/${id}/users`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.status).toBe(200);
    handlers.get("SIGTERM")!();
    expect(await done).toBe(0);
    await expect(fetch(`${url}/v2/databases/${id}/users`)).rejects.toThrow();
  });

  it("never prints a token it was given, and shows HTTPS, the CA file and the default cluster", async () => {
    const { io, out, err, handlers } = fakeIo();
    const done = main(["--port", "0", "--token", "s3cret-token-value", "--https"], io);
    while (out.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const text = err.join("");
    expect(text).not.toContain("s3cret");
    expect(text).toContain("the bearer token you gave");
    expect(text).toMatch(/HTTPS on https:\/\/localhost:\d+; trust the CA in \S+ca\.pem/);
    expect(text).toContain(`pg cluster ${DEFAULT_CLUSTER.id} (default-pg)`);
    expect(text).toContain("/_emulator");
    handlers.get("SIGTERM")!();
    expect(await done).toBe(0);
  });

  it("prints usage and exits 2 on a bad argument", async () => {
    const { io, err } = fakeIo();
    expect(await main(["--port", "x"], io)).toBe(2);
    expect(err.join("")).toContain("--port must be a whole number");
    expect(err.join("")).toContain(USAGE);
  });

  it("exits 1 when the emulator cannot start", async () => {
    const { io, err } = fakeIo();
    expect(await main(["--port", "0", "--cluster", "oracle"], io)).toBe(1);
    expect(err.join("")).toContain("engine must be one of");
  });

  it("prints usage on --help and exits 0", async () => {
    const { io, out } = fakeIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(out.join("")).toBe(USAGE);
  });
});

describe("the dbusers-emulator process", () => {
  it("starts, prints its URL, and exits 0 on SIGINT", async () => {
    const bin = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", bin, "--port", "0", "--cluster", "pg"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<string>((resolve) =>
      child.once("exit", (code, signal) => resolve(`${code} ${signal} ${stderr}`)),
    );
    const url = await new Promise<string>((resolve, reject) => {
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes("\n")) resolve(text.trim());
      });
      child.once("exit", () => reject(new Error(`exited before printing a URL: ${text}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    child.kill("SIGINT");
    const result = await exited;
    expect(result).toMatch(/^0 null /);
    expect(result).toContain("pg cluster ");
  }, 20_000);
});
