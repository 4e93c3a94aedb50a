/** Every provider with the contexts worth sweeping, for tests that hold across all providers. */
import { providers } from "../../src/index.js";
import { ATLAS_AUTH_TYPES } from "../../src/providers/atlas/index.js";
import { ENGINES } from "../../src/providers/digitalocean/index.js";

type AnyApi = {
  readonly id: string;
  readonly fieldNames: readonly string[];
  readonly operationNames: readonly string[];
  validateField(field: string, value: unknown, context?: unknown): { rule: string }[];
  validateRequest(operation: string, input: unknown, context?: unknown): { rule: string }[];
  toJSONSchema(shape: string, context?: unknown): Record<string, unknown>;
};

const DO_ENGINES = [undefined, ...ENGINES];
const NOW = new Date("2026-11-22T12:00:00Z");

/** Contexts without the profile; each is swept in both profiles. */
const CONTEXTS: Record<string, Record<string, unknown>[]> = {
  rackspace: [{}],
  atlas: ATLAS_AUTH_TYPES.map((authType) => ({ authType, now: NOW })),
  digitalocean: DO_ENGINES.map((engine) => (engine ? { engine } : {})),
};

export interface Case {
  readonly provider: string;
  readonly api: AnyApi;
  readonly context: Record<string, unknown>;
  readonly label: string;
}

export function cases(): Case[] {
  const out: Case[] = [];
  for (const [id, api] of Object.entries(providers) as [string, AnyApi][]) {
    for (const base of CONTEXTS[id] ?? [{}]) {
      for (const profile of ["strict", "server"] as const) {
        const context = { ...base, profile };
        out.push({ provider: id, api, context, label: `${id} ${JSON.stringify(context)}` });
      }
    }
  }
  return out;
}

/** Strings likely to land on both sides of typical rules: short names, DNs, ARNs, IPs, dates. */
export const SAMPLES = [
  "alice",
  "a",
  "ab",
  "root",
  "doadmin",
  "pg_role",
  "public",
  "my db",
  "user@name",
  "%",
  "192.168.1.1",
  "192.168.1.%",
  "CN=Ellen,OU=users,DC=example,DC=com",
  "arn:aws:iam::123456789012:user/alice",
  "arn:aws:iam::123456789012:role/app",
  "5dd7496c7a3e5a648454341c/sales",
  "5dd7496c7a3e5a648454341c",
  "2026-11-23T12:00:00Z",
  "2026-11-24",
  "utf8mb4",
  "utf8mb4_general_ci",
  " lead",
  "trail ",
  "x".repeat(16),
  "x".repeat(17),
  "x".repeat(63),
  "x".repeat(64),
  "x".repeat(65),
  "é".repeat(32),
  "a:b",
  "a\u0000b",
  "a/b",
  "a'b",
  "\uD800",
  "",
];
