/**
 * `dbusers.yaml` → `DesiredState`, or a `DesiredStateError` listing every problem with its file,
 * line and column: YAML errors, then the file's shape (unknown keys, wrong types), then what each
 * target's vendor has and allows (fields, built-in users, credentials, every rule). Nothing here
 * sends a request, so one bad user means nothing is sent.
 */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { Env } from "../cli/config.js";
import { DesiredStateError, type FileIssue } from "./errors.js";
import { type DocPath, formatDocPath, positionOf } from "./positions.js";
import { checkShape } from "./schema-check.js";
import { checkSemantics, type RawFile } from "./semantics.js";
import type { DesiredState } from "./types.js";

export interface LoadOptions {
  /** The file name used in messages (and the folder `{ file: … }` references are read from). */
  readonly file?: string;
  /** Where credentials by `{ env: … }` (and the vendors' usual variables) are read. Default `process.env`. */
  readonly env?: Env;
  /** Folder of `{ file: … }` references. Default: the folder of `file`, else the working directory. */
  readonly baseDir?: string;
}

/** Parses and checks a desired state given as text. */
export async function parseDesiredState(text: string, options: LoadOptions = {}): Promise<DesiredState> {
  const file = options.file ?? "dbusers.yaml";
  const baseDir =
    options.baseDir ?? (options.file === undefined ? process.cwd() : dirname(resolve(options.file)));
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const at = (path: DocPath, atKey = false) => positionOf(doc, counter, path, atKey);
  const issue = (path: DocPath, rule: string, message: string, atKey = false): FileIssue => ({
    file,
    ...at(path, atKey),
    path: formatDocPath(path),
    rule,
    message,
  });

  if (doc.errors.length > 0) {
    throw new DesiredStateError(
      doc.errors.map((error) => {
        const { line, col } = counter.linePos(error.pos[0]);
        return {
          file,
          line,
          column: col,
          path: "",
          rule: `dbusers.file.yaml.${error.code}`,
          message: error.message.split("\n")[0]!,
        };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const shape = checkShape(data);
  if (shape.length > 0) {
    throw new DesiredStateError(shape.map((s) => issue(s.at, s.rule, s.message, s.atKey)));
  }
  const result = await checkSemantics(data as RawFile, { env: options.env ?? process.env, baseDir });
  if (result.issues.length > 0) {
    throw new DesiredStateError(result.issues.map((s) => issue(s.at, s.rule, s.message, s.atKey ?? false)));
  }
  return { file, baseDir, targets: result.targets, users: result.users };
}

/** Reads and checks a desired-state file (`options.file` names it in messages; default `path`). */
export async function loadDesiredState(path: string, options: LoadOptions = {}): Promise<DesiredState> {
  const file = options.file ?? path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "error";
    throw new DesiredStateError([
      {
        file,
        line: 1,
        column: 1,
        path: "",
        rule: "dbusers.file.read",
        message: `cannot read the file (${code})`,
      },
    ]);
  }
  return parseDesiredState(text, { baseDir: dirname(resolve(path)), ...options, file });
}
