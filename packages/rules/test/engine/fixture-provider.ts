/** A small provider written for the engine tests: every engine feature, no vendor facts. */
import { forbidsChars, maxChars, minChars, notReserved } from "../../src/checks.js";
import { bindProvider } from "../../src/engine/bind.js";
import { array, boolean, field, object, oneOf, optional, required } from "../../src/engine/shape.js";
import { replaceDisallowed, truncateCodePoints } from "../../src/engine/suggest.js";
import type { BaseContext, FieldSpec, Profile, ProviderDefinition, Violation } from "../../src/types.js";

export interface AcmeContext extends BaseContext {
  readonly flavour: "plain" | "fancy" | undefined;
}

const DEFAULT: AcmeContext = Object.freeze({ profile: "strict", flavour: undefined });

function resolveContext(input: unknown): { ctx: AcmeContext; violations: Violation[] } {
  if (input === undefined) return { ctx: DEFAULT, violations: [] };
  const violations: Violation[] = [];
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  let profile: Profile = "strict";
  if (raw.profile === "server" || raw.profile === "strict") profile = raw.profile;
  else if (raw.profile !== undefined)
    violations.push({ path: "context.profile", rule: "acme.context.profile", message: "bad profile" });
  const flavour = raw.flavour === "plain" || raw.flavour === "fancy" ? raw.flavour : undefined;
  return { ctx: { profile, flavour }, violations };
}

export const name: FieldSpec<AcmeContext> = {
  name: "name",
  label: "name",
  rules: [
    minChars({ id: "acme.name.minLength", min: 1, source: "test" }),
    maxChars({ id: "acme.name.maxLength", max: 8, source: "test" }),
    maxChars({ id: "acme.name.strictMaxLength", max: 6, source: "test", profile: "strict" }),
    forbidsChars({ id: "acme.name.forbiddenChars", chars: "/;", source: "test" }),
    notReserved({ id: "acme.name.reserved", names: ["root"], source: "test" }),
    maxChars({ id: "acme.name.fancyMax", max: 4, source: "test", when: (c) => c.flavour === "fancy" }),
  ],
  suggest: (raw) => {
    const cleaned = truncateCodePoints(replaceDisallowed(raw, /[a-z0-9]/, ""), 6);
    return cleaned === "root" ? "root1" : cleaned || undefined;
  },
  notes: ["Names are case-sensitive."],
};

export const secret: FieldSpec<AcmeContext> = {
  name: "secret",
  label: "secret",
  secret: true,
  rules: [
    minChars({ id: "acme.secret.minLength", min: 4, source: "test" }),
    forbidsChars({ id: "acme.secret.forbiddenChars", chars: "/;", source: "test" }),
  ],
};

const colour = oneOf("colour", ["red", "blue"] as const, {
  id: "acme.colour.enum",
  description: "red or blue",
  source: "test",
  profile: "both",
  message: (p) => `${p.path} must be red or blue`,
});

const member = object(
  "member",
  {
    name: required(field(name)),
    secret: optional(field(secret)),
    colour: optional(colour),
    fancy: optional(boolean("fancy")),
  },
  {
    unknownKeys: "reject-in-strict",
    allowedWhen: {
      fancy: {
        test: (c: AcmeContext) => c.flavour !== "plain",
        rule: {
          id: "acme.fancy.flavour",
          description: "",
          source: "test",
          profile: "both",
          message: (p) => `${p.path} only for fancy`,
        },
      },
    },
    deriveContext: (obj, ctx: AcmeContext) =>
      obj.fancy === true && ctx.flavour === undefined ? { flavour: "fancy" as const } : undefined,
  },
);

export const createMembers = object(
  "create members",
  {
    members: required(
      array("members", member, {
        minItems: {
          count: 1,
          rule: {
            id: "acme.members.minItems",
            description: "",
            source: "test",
            profile: "strict",
            message: (p) => `${p.path} is empty`,
          },
        },
        unique: {
          key: (m) => (m as { name?: string }).name,
          rule: {
            id: "acme.members.duplicate",
            description: "",
            source: "test",
            profile: "both",
            message: (p) => `${p.path} repeats`,
          },
        },
      }),
    ),
  },
  { unknownKeys: "reject" },
);

export const patch = object(
  "patch",
  { name: optional(field(name)), secret: optional(field(secret)) },
  {
    minProperties: {
      count: 1,
      rule: {
        id: "acme.patch.empty",
        description: "",
        source: "test",
        profile: "both",
        message: (p) => `${p.path} is empty`,
      },
    },
    checks: [
      {
        id: "acme.patch.notBoth",
        description: "",
        source: "test",
        profile: "both",
        message: () => "not both",
        check: (o) =>
          o.name !== undefined && o.secret !== undefined ? [{ key: "secret", params: {} }] : undefined,
      },
    ],
  },
);

export const acmeDefinition = {
  id: "acme",
  vendor: "Acme",
  fields: { name, secret },
  operations: { createMembers, patch },
  resolveContext,
  password: {
    field: secret,
    minLength: 4,
    maxLength: 40,
    defaultLength: 12,
    alphabet: "abcdefXYZ0123456789!",
  },
} satisfies ProviderDefinition<AcmeContext>;

export const acme = bindProvider<typeof acmeDefinition, { profile?: Profile; flavour?: "plain" | "fancy" }>(
  acmeDefinition,
);
