/** `dbusers-emulator`: arguments, the URL on stdout, and a clean stop on SIGINT/SIGTERM. */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CliIo, main, parseCliArgs, USAGE } from "../src/cli.js";
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
  it("reads port, token, clusters (with and without id), seed and --no-rate-limit", () => {
    const id = randomUUID();
    expect(
      parseCliArgs([
        "--port",
        "0",
        "--token",
        "t",
        "--cluster",
        `pg:${id}`,
        "--cluster",
        "mysql",
        "--seed",
        "9",
        "--no-rate-limit",
      ]),
    ).toEqual({
      port: 0,
      digitalocean: { token: "t", clusters: [{ engine: "pg", id }, { engine: "mysql" }] },
      seed: 9,
      rateLimit: false,
    });
  });

  it("defaults to port 4010 and no clusters", () => {
    expect(parseCliArgs([])).toEqual({ port: 4010, digitalocean: { clusters: [] } });
  });

  it("asks for help", () => {
    expect(parseCliArgs(["--help"])).toBe("help");
  });

  it.each([[["--port", "abc"]], [["--seed", "-1"]], [["--unknown"]]])("refuses %j", (argv) => {
    expect(() => parseCliArgs(argv)).toThrow();
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
