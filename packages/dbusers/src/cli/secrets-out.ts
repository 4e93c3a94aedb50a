/**
 * `--secrets-out FILE`: the only place new credentials go. The file is opened (created with mode
 * 0600, or truncated and set to 0600) before anything is sent, so a path that cannot be written
 * fails the command before a password exists that would have nowhere to go.
 */
import { type FileHandle, open, unlink } from "node:fs/promises";
import { resolve } from "node:path";
import type { Secret } from "@dbusers/core";
import type { Credentials } from "../model.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";

export type SecretsFormat = "json" | "env";

export interface SecretsFile {
  readonly path: string;
  write(credentials: Credentials): Promise<void>;
  /** Removes the file again when nothing was written to it (the call failed). */
  discard(): Promise<void>;
}

const reveal = (secret: Secret | undefined) => secret?.reveal();

function asJson(c: Credentials): string {
  const plain = {
    target: c.target,
    name: c.name,
    host: c.host,
    authDatabase: c.authDatabase,
    password: reveal(c.password),
    accessKey: reveal(c.accessKey),
    accessCert: reveal(c.accessCert),
  };
  return `${JSON.stringify(plain, null, 2)}\n`;
}

/** A dotenv value: single-quoted (taken literally) when it can be, else double-quoted with escapes. */
function envValue(value: string): string {
  if (!/['\n\r\\]/.test(value)) return `'${value}'`;
  return JSON.stringify(value);
}

function asEnv(c: Credentials): string {
  const pairs: [string, string | undefined][] = [
    ["DBUSERS_TARGET", c.target],
    ["DBUSERS_USERNAME", c.name],
    ["DBUSERS_HOST", c.host],
    ["DBUSERS_AUTH_DATABASE", c.authDatabase],
    ["DBUSERS_PASSWORD", reveal(c.password)],
    ["DBUSERS_ACCESS_KEY", reveal(c.accessKey)],
    ["DBUSERS_ACCESS_CERT", reveal(c.accessCert)],
  ];
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([k, v]) => `${k}=${envValue(v)}\n`)
    .join("");
}

export async function openSecretsFile(io: CliIo, file: string, format: SecretsFormat): Promise<SecretsFile> {
  const path = resolve(io.cwd, file);
  let handle: FileHandle;
  let existed = true;
  try {
    handle = await open(path, "r+");
  } catch {
    existed = false;
    try {
      handle = await open(path, "wx", 0o600);
    } catch (error) {
      const code = (error as { code?: string }).code ?? "error";
      throw new UsageError(`--secrets-out ${file}: cannot create the file (${code})`);
    }
  }
  // An existing file may have been readable by others: it is made private before anything goes in.
  await handle.chmod(0o600);
  let written = false;
  return {
    path,
    async write(credentials) {
      await handle.truncate(0);
      await handle.write(format === "env" ? asEnv(credentials) : asJson(credentials), 0);
      await handle.close();
      written = true;
    },
    async discard() {
      if (written) return;
      await handle.close().catch(() => undefined);
      if (!existed) await unlink(path).catch(() => undefined);
    },
  };
}
