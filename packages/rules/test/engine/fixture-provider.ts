/** A small provider written for the engine tests: every engine feature, no vendor facts. */
import { forbidsChars, maxChars, minChars, notReserved } from "../../src/checks.js";
import { bindProvider } from "../../src/engine/bind.js";
import { array, boolean, field, object, oneOf, optional, required } from "../../src/engine/shape.js";
import { replaceDisallowed, truncateCodePoints } from "../../src/engine/suggest.js";
import type {
  BaseContext,
  FieldSpec,
  Profile,
  ProviderDefinition,
  ProviderDocs,
  Violation,
} from "../../src/types.js";

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
    minChars({ id: "acme.name.minLength", min: 1 }),
    maxChars({ id: "acme.name.maxLength", max: 8 }),
    maxChars({ id: "acme.name.strictMaxLength", max: 6, profile: "strict" }),
    forbidsChars({ id: "acme.name.forbiddenChars", chars: "/;" }),
    notReserved({ id: "acme.name.reserved", names: ["root"] }),
    maxChars({ id: "acme.name.fancyMax", max: 4, when: (c) => c.flavour === "fancy" }),
  ],
};

export const secret: FieldSpec<AcmeContext> = {
  name: "secret",
  label: "secret",
  secret: true,
  rules: [
    minChars({ id: "acme.secret.minLength", min: 4 }),
    forbidsChars({ id: "acme.secret.forbiddenChars", chars: "/;" }),
  ],
};

const colour = oneOf("colour", ["red", "blue"] as const, {
  id: "acme.colour.enum",
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
            profile: "strict",
            message: (p) => `${p.path} is empty`,
          },
        },
        unique: {
          key: (m) => (m as { name?: string }).name,
          rule: {
            id: "acme.members.duplicate",
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
    checks: [
      {
        id: "acme.patch.empty",
        profile: "both",
        message: (p) => `${p.path} is empty`,
        check: (o) => (o.name === undefined && o.secret === undefined ? [{ params: {} }] : undefined),
      },
      {
        id: "acme.patch.notBoth",
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

/** The documentation table: each rule's description and source, and the fields' notes and suggestions. */
export const acmeDocs: ProviderDocs<AcmeContext> = {
  rules: Object.fromEntries(
    [...name.rules, ...secret.rules].map((rule) => [
      rule.id,
      { description: `The ${rule.id} rule.`, source: "test" },
    ]),
  ),
  fields: {
    name: {
      suggest: (raw) => {
        const cleaned = truncateCodePoints(replaceDisallowed(raw, /[a-z0-9]/, ""), 6);
        return cleaned === "root" ? "root1" : cleaned || undefined;
      },
      notes: ["Names are case-sensitive."],
    },
  },
};

export const acme = bindProvider<typeof acmeDefinition, { profile?: Profile; flavour?: "plain" | "fancy" }>(
  acmeDefinition,
  acmeDocs,
);
