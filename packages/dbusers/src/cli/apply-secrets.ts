/**
 * `apply --secrets-out FILE`: every new credential of one apply, as a JSON list, in a file created
 * with mode 0600 before anything is sent. A file that already holds data is refused rather than
 * overwritten: it may hold the only copy of earlier passwords. The whole list is written again as
 * each credential arrives, so a crash midway loses none that were made.
 */
import { type FileHandle, open, stat, unlink } from "node:fs/promises";
import { resolve } from "node:path";
import type { Credentials } from "../model.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";

export interface CredentialsFile {
  readonly path: string;
  add(credentials: Credentials): Promise<void>;
  /** How many credentials were written. */
  readonly count: number;
  /** Closes the file; removes it when nothing was written to a file this apply created. */
  close(): Promise<void>;
}

function plain(c: Credentials): Record<string, string> {
  const out: Record<string, string> = { target: c.target, name: c.name };
  if (c.host !== undefined) out.host = c.host;
  if (c.authDatabase !== undefined) out.authDatabase = c.authDatabase;
  if (c.password !== undefined) out.password = c.password.reveal();
  if (c.accessKey !== undefined) out.accessKey = c.accessKey.reveal();
  if (c.accessCert !== undefined) out.accessCert = c.accessCert.reveal();
  return out;
}

export async function openCredentialsFile(io: CliIo, file: string): Promise<CredentialsFile> {
  const path = resolve(io.cwd, file);
  let handle: FileHandle;
  let created = true;
  try {
    handle = await open(path, "wx", 0o600);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "EEXIST")
      throw new UsageError(`--secrets-out ${file}: cannot create the file (${code ?? "error"})`);
    if ((await stat(path)).size > 0) {
      throw new UsageError(
        `--secrets-out ${file} already holds data; choose a new file (it may hold the only copy of earlier credentials)`,
      );
    }
    created = false;
    handle = await open(path, "r+");
  }
  await handle.chmod(0o600);
  const written: Record<string, string>[] = [];
  let queue = Promise.resolve();
  return {
    path,
    get count() {
      return written.length;
    },
    add(credentials) {
      written.push(plain(credentials));
      const text = `${JSON.stringify(written, null, 2)}\n`;
      // Writes run one after another, each replacing the whole list.
      queue = queue.then(async () => {
        await handle.truncate(0);
        await handle.write(text, 0);
        await handle.sync();
      });
      return queue;
    },
    async close() {
      await queue.catch(() => undefined);
      await handle.close().catch(() => undefined);
      if (written.length === 0 && created) await unlink(path).catch(() => undefined);
    },
  };
}
