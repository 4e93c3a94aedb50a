/**
 * The vocabulary every provider file speaks: rules are data (id, description, source, profile)
 * plus one small pure check each. Nothing here knows a vendor.
 */

/** `strict` accepts only what both the vendor's documentation and its server accept; `server`, what the server accepts. */
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
  /** Stable id: `<provider>.<field>.<rule>`. */
  readonly id: string;
  /** One line, e.g. "At most 16 characters." */
  readonly description: string;
  /** Where the rule comes from: file, commit or page; says "inferred" when it is our inference. */
  readonly source: string;
  readonly profile: RuleProfile;
  /** Applies only in some contexts (an engine, an auth type). Absent: always. */
  // Callbacks are method signatures on purpose: bivariant in C, so a rule written for a wider
  // context fits a provider's narrower one and shapes compose without casts.
  when?(ctx: C): boolean;
  /** Returns the params of the failure, or `undefined` when the value passes. Must not throw. */
  check(value: string, ctx: C): RuleParams | undefined;
  message(params: RuleParams, field: FieldInfo): string;
  /** The same rule in JSON Schema; absent where JSON Schema cannot say it. */
  readonly jsonSchema?: JsonSchema | ContextFn<C, JsonSchema>;
  /**
   * A per-character view of the rule, so the engine can run every such rule of a field in one pass
   * over the value and call `check` only for rules that may fail. `forbid`: the rule fails if any
   * code unit passes `test`. `require`: the rule passes if some code unit passes `test` (or the
   * value is empty). It must agree exactly with `check`; the engine still calls `check` to confirm.
   */
  readonly scan?: CharScan;
  /**
   * A cheap test the engine runs inline that proves the value passes (no call to `check`); when it
   * cannot prove it, `check` decides. Must never say "passes" for a value `check` would fail.
   */
  readonly fast?: FastPass;
}

/** Inline pre-screens: `maxUnits`: passes if `value.length` ≤ n; `minUnits`: if ≥ n; `edges`: if the
 * first and last code units both fail `test` (or the value is empty); `notIn`: if the set lacks it;
 * `firstNotIn`: if its first code unit is ASCII and unmarked, or its length is not a listed one. */
export type FastPass =
  | { readonly kind: "maxUnits"; readonly n: number }
  | { readonly kind: "minUnits"; readonly n: number }
  | { readonly kind: "edges"; test(codeUnit: number): boolean }
  | { readonly kind: "notIn"; readonly set: ReadonlySet<string> }
  /**
   * Passes if the value starts with an ASCII code unit `firsts` does not mark (0), or, when
   * `lengths` is given, if its length (in code units) is not one of them.
   */
  | { readonly kind: "firstNotIn"; readonly firsts: Uint8Array; readonly lengths?: ReadonlySet<number> };

export interface CharScan {
  readonly kind: "forbid" | "require";
  /** Tested on UTF-16 code units (`charCodeAt`). */
  test(codeUnit: number): boolean;
}

/** A string field of a provider: a label plus its rules, in the order they are reported. */
export interface FieldSpec<C extends BaseContext = BaseContext> {
  readonly name: string;
  readonly label: string;
  readonly secret?: boolean;
  readonly rules: readonly Rule<C>[];
  /** Turns any string into a candidate valid value; the engine checks the result. */
  suggest?(raw: string, ctx: C): string | undefined;
  /** A line for `describeRules` that is not a rule (e.g. "DigitalOcean publishes no limit"). */
  readonly notes?: readonly string[] | ContextFn<C, readonly string[]>;
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

/** Everything one provider contributes. Adding a vendor means adding one of these. */
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
