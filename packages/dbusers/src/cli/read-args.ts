/**
 * `dbusers users list` and `dbusers users get`, the commands scripts run most, read without
 * commander: defining every command costs a short-lived process more than the request it makes
 * (bench/cold-start.mjs). Node's own `util.parseArgs` reads them, strictly and with the same
 * options as their commander definitions (define-users.ts, held equal by test/read-args.test.ts).
 * Anything it does not take as it stands (help, an unknown or malformed option, a missing or extra
 * argument) is left to commander, which answers as it always has.
 */
import { parseArgs } from "node:util";

type OptionTable = Readonly<Record<string, { readonly type: "string" | "boolean" }>>;

/** `connection()` and `--json`: the options of `users list`. */
export const LIST_OPTIONS: OptionTable = {
  "base-url": { type: "string" },
  engine: { type: "string" },
  region: { type: "string" },
  debug: { type: "boolean" },
  json: { type: "boolean" },
};

/** `users get` adds `keyFlags()`. */
export const GET_OPTIONS: OptionTable = {
  ...LIST_OPTIONS,
  host: { type: "string" },
  "auth-db": { type: "string" },
};

/** The flags as commander would hand them to the action: camelCase, only those given. */
export interface ReadFlags {
  readonly baseUrl?: string;
  readonly engine?: string;
  readonly region?: string;
  readonly debug?: boolean;
  readonly json?: boolean;
  readonly host?: string;
  readonly authDb?: string;
}

export type ReadCommand =
  | { readonly verb: "list"; readonly target: string; readonly flags: ReadFlags }
  | { readonly verb: "get"; readonly target: string; readonly name: string; readonly flags: ReadFlags };

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The read command `argv` asks for, or `undefined` when commander should read it. */
export function parseReadCommand(argv: readonly string[]): ReadCommand | undefined {
  const [group, verb, ...rest] = argv;
  if (group !== "users" || (verb !== "list" && verb !== "get")) return undefined;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: verb === "list" ? LIST_OPTIONS : GET_OPTIONS,
      strict: true,
      allowPositionals: true,
    });
  } catch {
    return undefined;
  }
  const flags = Object.fromEntries(
    Object.entries(parsed.values).map(([name, value]) => [camel(name), value]),
  ) as ReadFlags;
  const [target, name, ...extra] = parsed.positionals;
  if (target === undefined || extra.length > 0) return undefined;
  if (verb === "list") return name === undefined ? { verb, target, flags } : undefined;
  return name === undefined ? undefined : { verb, target, name, flags };
}
