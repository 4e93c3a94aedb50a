/** `dbusers rules check` and `dbusers rules describe`: the vendors' rules without sending anything. */
import { UsageError } from "../errors.js";
import { json } from "../format.js";
import type { CliIo } from "../io.js";

interface RuleFlags {
  readonly engine?: string;
  readonly authType?: string;
  readonly profile?: "strict" | "server";
  readonly json?: boolean;
}

type Rules = typeof import("@dbusers/rules");
type ProviderName = keyof Rules["providers"];

async function load(vendor: string): Promise<{ rules: Rules; provider: ProviderName }> {
  const rules = await import("@dbusers/rules");
  if (!Object.hasOwn(rules.providers, vendor)) {
    throw new UsageError(
      `unknown vendor ${JSON.stringify(vendor)}; known: ${Object.keys(rules.providers).join(", ")}`,
    );
  }
  return { rules, provider: vendor as ProviderName };
}

/** The rules' context for the vendor: only the keys it has, so none is refused as unknown. */
function contextFor(provider: ProviderName, flags: RuleFlags): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  if (flags.profile !== undefined) context.profile = flags.profile;
  if (flags.engine !== undefined) {
    if (provider !== "digitalocean") throw new UsageError("--engine applies to digitalocean only");
    context.engine = flags.engine;
  }
  if (flags.authType !== undefined) {
    if (provider !== "atlas") throw new UsageError("--auth-type applies to atlas only");
    context.authType = flags.authType;
  }
  return context;
}

/** The rules package's own errors (an unknown field, a bad context) are usage errors here. */
async function asUsage<T>(step: () => T): Promise<T> {
  try {
    return step();
  } catch (error) {
    if (error instanceof Error && error.name.endsWith("Error") && "code" in error) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

export async function checkRule(
  io: CliIo,
  vendor: string,
  field: string,
  value: string,
  flags: RuleFlags,
): Promise<number> {
  const { rules, provider } = await load(vendor);
  const input = value === "-" ? (await io.readStdin()).replace(/\r?\n$/, "") : value;
  const untyped = rules.validateField as (
    p: string,
    f: string,
    v: unknown,
    c?: unknown,
  ) => readonly {
    path: string;
    rule: string;
    message: string;
  }[];
  const violations = await asUsage(() => untyped(provider, field, input, contextFor(provider, flags)));
  if (flags.json) {
    io.writeOut(json({ valid: violations.length === 0, violations }));
  } else if (violations.length === 0) {
    io.writeOut("valid\n");
  } else {
    for (const v of violations) io.writeOut(`${v.rule}: ${v.message}\n`);
  }
  return violations.length === 0 ? 0 : 2;
}

export async function describeRule(
  io: CliIo,
  vendor: string,
  field: string,
  flags: RuleFlags,
): Promise<number> {
  const { rules, provider } = await load(vendor);
  const describe = rules.describeRules as (
    p: string,
    f: string,
    c?: unknown,
  ) => readonly {
    id: string;
    line: string;
  }[];
  const lines = await asUsage(() => describe(provider, field, contextFor(provider, flags)));
  io.writeOut(flags.json ? json(lines) : lines.map((l) => `- ${l.line}\n`).join(""));
  return 0;
}
