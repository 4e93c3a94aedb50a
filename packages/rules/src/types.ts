/**
 * The vocabulary every provider file speaks. A rule is data (id, profile, when it applies) plus one
 * small pure check and a message; what a rule means and where it comes from lives apart, in the
 * provider's documentation table (`RuleDoc`, keyed by rule id), which validation never imports.
 */

/**
 * `strict` (the default): what the vendor documents or its own official tools are shown sending
 * successfully, minus what the server refuses; `server`: what the real server accepts.
 */
export type Profile = "strict" | "server";

/** One broken rule. An empty `Violation[]` means the value is valid. */
export interface Violation {
  /** Where the bad value sits: `userName`, or `users[1].databases[0].name` for a request. */
  readonly path: string;
  /** Stable rule id, e.g. `rackspace.userName.maxLength`. */
  readonly rule: string;
  /** A sentence a person can act on. It never echoes a password or other secret. */
  readonly message: string;
  /** The numbers and names the message was built from, for tools that render their own text. */
  readonly params?: Record<string, unknown>;
}

/** Context every provider understands. */
export interface BaseContext {
  readonly profile: Profile;
}

export type RuleParams = Record<string, unknown>;

/** A one-argument function type that is bivariant in its argument (see the note on `Rule`). */
export type ContextFn<C, R> = { bivarianceHack(ctx: C): R }["bivarianceHack"];

/** What a message function knows about the field it reports on. */
export interface FieldInfo {
  /** Human name, e.g. "user name". */
  readonly label: string;
  /** Vendor display name, e.g. "Rackspace". */
  readonly vendor: string;
  /** Secret fields never have their value, or any character of it, in a message or params. */
  readonly secret: boolean;
}

/** A JSON Schema fragment (draft 2020-12 keywords). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Which profiles apply a rule. `strict` rules only tighten: that is what keeps strict ⊆ server. */
export type RuleProfile = "both" | "strict";

export interface Rule<C extends BaseContext = BaseContext> {
  /** Stable id: `<provider>.<field>.<rule>`; the key of its documentation. */
  readonly id: string;
  readonly profile: RuleProfile;
  /** Applies only in some contexts (an engine, an auth type). Absent: always. */
  // Callbacks are method signatures on purpose: bivariant in C, so a rule written for a wider
  // context fits a provider's narrower one and shapes compose without casts.
  when?(ctx: C): boolean;
  /** Returns the params of the failure, or `undefined` when the value passes. */
  check(value: string, ctx: C): RuleParams | undefined;
  message(params: RuleParams, field: FieldInfo): string;
  /** The same rule in JSON Schema; absent where JSON Schema cannot say it. */
  readonly jsonSchema?: JsonSchema | ContextFn<C, JsonSchema>;
}

/** A string field of a provider: a label plus its rules, in the order they are reported. */
export interface FieldSpec<C extends BaseContext = BaseContext> {
  readonly name: string;
  readonly label: string;
  readonly secret?: boolean;
  readonly rules: readonly Rule<C>[];
}

/** What a rule means and why: read by `describeRules` only. */
export interface RuleDoc {
  /** One line, e.g. "At most 16 characters." */
  readonly description: string;
  /** Where the rule comes from: file, commit or page; says "inferred" when it is our inference. */
  readonly source: string;
}

/** A field's documentation and name suggestions (read by `describeRules` and `suggestName`). */
export interface FieldDoc<C extends BaseContext = BaseContext> {
  /** Lines for `describeRules` that are not rules (e.g. "DigitalOcean publishes no limit"). */
  readonly notes?: readonly string[] | ContextFn<C, readonly string[]>;
  /** Turns any string into a candidate valid value; the engine checks the result. */
  suggest?(raw: string, ctx: C): string | undefined;
}

/** A rule's JSON Schema fragment: fixed, or depending on the context. */
export type RuleSchema<C extends BaseContext = BaseContext> = JsonSchema | ContextFn<C, JsonSchema>;

/** A provider's documentation table: every rule id of its fields and requests, and its fields' notes. */
export interface ProviderDocs<C extends BaseContext = BaseContext> {
  readonly rules: { readonly [ruleId: string]: RuleDoc };
  readonly fields: { readonly [field: string]: FieldDoc<C> };
  /**
   * JSON Schema fragments written by hand for rules (field rules and object checks) whose own
   * `jsonSchema` is absent, keyed by rule id: only `toJSONSchema` reads them, so validation never
   * carries them. The factories of checks.ts set `jsonSchema` on the rule from their own parameters.
   */
  readonly schemas?: { readonly [ruleId: string]: RuleSchema<C> };
}

/** How `generatePassword` builds a password a vendor accepts. */
export interface PasswordPolicy<C extends BaseContext = BaseContext> {
  readonly field: FieldSpec<C>;
  readonly minLength: number;
  readonly maxLength: number;
  readonly defaultLength: number;
  /** Characters to draw from; every one must be allowed by the vendor. */
  readonly alphabet: string;
}

/** Everything one provider contributes to validation. Adding a vendor means adding one of these. */
export interface ProviderDefinition<
  C extends BaseContext = BaseContext,
  F extends string = string,
  O extends string = string,
> {
  readonly id: string;
  readonly vendor: string;
  readonly fields: { readonly [K in F]: FieldSpec<C> };
  readonly operations: { readonly [K in O]: import("./engine/shape.js").Shape<C> };
  /** Fills defaults and reports bad context keys; never throws. */
  readonly resolveContext: (input: unknown) => { readonly ctx: C; readonly violations: Violation[] };
  readonly password?: PasswordPolicy<C>;
}
