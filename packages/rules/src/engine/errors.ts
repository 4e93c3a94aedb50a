/** Typed errors for the two helpers that can fail on purpose (validators never throw). */

export class RulesError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RulesError";
    this.code = code;
  }
}

/** `suggestName` found no valid name near the input (e.g. nothing usable was left). */
export class NoValidNameError extends RulesError {
  readonly provider: string;
  readonly field: string;
  readonly rules: readonly string[];
  constructor(provider: string, field: string, reason: string, rules: readonly string[]) {
    super("NO_VALID_NAME", `no valid ${field} for ${provider} can be made from this input: ${reason}`);
    this.name = "NoValidNameError";
    this.provider = provider;
    this.field = field;
    this.rules = rules;
  }
}

/** A helper was called with an unknown provider, field or option. */
export class UnknownRuleTargetError extends RulesError {
  constructor(message: string) {
    super("UNKNOWN_TARGET", message);
    this.name = "UnknownRuleTargetError";
  }
}
