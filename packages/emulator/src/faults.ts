/**
 * Fault injection per route: slow answers, error statuses, connection resets and broken JSON, either
 * before the request touches state or after (the change is kept, the answer is lost or damaged).
 * Probabilities use a seeded PRNG, so the same seed fails the same requests.
 */
import { EmulatorError } from "./errors.js";
import { mulberry32 } from "./random.js";
import type { VendorName } from "./vendors.js";

/** What goes wrong. */
export type Fault =
  /** Waits `ms` milliseconds, then goes on (other faults can still apply). */
  | { readonly type: "latency"; readonly ms: number }
  /** Answers 429 with the vendor's rate-limit body and a `Retry-After` of `retryAfter` seconds (default 1). */
  | { readonly type: "status"; readonly status: 429; readonly retryAfter?: number }
  /** Answers with the vendor's server-error body. */
  | { readonly type: "status"; readonly status: 500 | 503 }
  /** Resets the connection without an answer (the client sees ECONNRESET / "fetch failed"). */
  | { readonly type: "drop" }
  /** Answers with a cut-off JSON body: the real answer's when `when: "after"`, else a 200. */
  | { readonly type: "malformed-json" };

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
  readonly vendor?: VendorName;
  /** HTTP method, any case. */
  readonly method?: string;
  /** The path as sent (percent-encoded, no query): a string must equal it, a RegExp must match it. */
  readonly path?: string | RegExp;
  /** The route's operationId from the vendor's spec, e.g. `databases_add_user`. */
  readonly operationId?: string;
  /** How many times the fault fires before it is removed; default: every time. */
  readonly times?: number;
  /** Chance in [0, 1] that a matching request gets the fault; default 1. Drawn from the seeded PRNG. */
  readonly probability?: number;
  /**
   * `before` (default): the request never reaches state. `after`: state changes as asked, then the
   * answer is delayed, replaced, dropped or damaged, to test for lost updates and double creates.
   */
  readonly when?: "before" | "after";
}

/** A handle to one injected fault. */
export interface InjectedFault {
  readonly id: number;
  /** How many requests it has changed so far. */
  readonly fired: number;
  /** Fires left (`Infinity` without `times`); 0 once used up or removed. */
  readonly remaining: number;
  remove(): void;
}

/** An injected fault as the control API lists it. */
export interface FaultInfo {
  readonly id: number;
  readonly match: FaultMatch;
  readonly fault: Fault;
  readonly fired: number;
  readonly remaining: number;
}

/** What a request looks like to the matcher. */
export interface FaultTarget {
  readonly vendor: VendorName | undefined;
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
}

interface Rule {
  readonly id: number;
  readonly match: FaultMatch;
  readonly path: string | RegExp | undefined;
  readonly fault: Fault;
  readonly when: "before" | "after";
  fired: number;
  remaining: number;
}

function fail(message: string): never {
  throw new EmulatorError("invalid-fault", message);
}

const MATCH_KEYS = ["vendor", "method", "path", "operationId", "times", "probability", "when"];
const FAULT_KEYS: Record<string, readonly string[]> = {
  latency: ["type", "ms"],
  status: ["type", "status", "retryAfter"],
  drop: ["type"],
  "malformed-json": ["type"],
};

/** A misspelt key would silently widen or change a fault, so unknown keys are refused. */
function checkKeys(what: string, value: object, known: readonly string[]): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const hint =
    what === "fault" && unknown.includes("when")
      ? " (`when` goes in the first argument, with the match)"
      : "";
  fail(
    `unknown ${what} key ${unknown.map((k) => JSON.stringify(k)).join(", ")}${hint}; known: ${known.join(", ")}`,
  );
}

function checkFault(fault: Fault): void {
  const keys = FAULT_KEYS[String(fault?.type)];
  if (keys !== undefined) checkKeys("fault", fault, keys);
  switch (fault?.type) {
    case "latency":
      if (!Number.isFinite(fault.ms) || fault.ms < 0)
        fail(`latency ms must be a number >= 0, got ${String(fault.ms)}`);
      return;
    case "status":
      if (![429, 500, 503].includes(fault.status))
        fail(`status must be 429, 500 or 503, got ${String(fault.status)}`);
      if (fault.status === 429 && fault.retryAfter !== undefined) {
        if (!Number.isInteger(fault.retryAfter) || fault.retryAfter < 0) {
          fail(`retryAfter must be a whole number of seconds >= 0, got ${String(fault.retryAfter)}`);
        }
      }
      return;
    case "drop":
    case "malformed-json":
      return;
    default:
      fail(`unknown fault type ${JSON.stringify((fault as { type?: unknown } | undefined)?.type)}`);
  }
}

function checkMatch(match: FaultMatch): void {
  if (typeof match !== "object" || match === null)
    fail("the first argument must be an object (use {} to match every request)");
  checkKeys("match", match, MATCH_KEYS);
  const { times, probability, when } = match;
  if (times !== undefined && (!Number.isInteger(times) || times < 1)) {
    fail(`times must be a whole number >= 1, got ${String(times)}`);
  }
  if (probability !== undefined && !(probability >= 0 && probability <= 1)) {
    fail(`probability must be between 0 and 1, got ${String(probability)}`);
  }
  if (when !== undefined && when !== "before" && when !== "after") {
    fail(`when must be "before" or "after", got ${JSON.stringify(when)}`);
  }
}

/** A RegExp without `g`/`y`, whose `lastIndex` would otherwise make `test` alternate. */
function stateless(path: string | RegExp | undefined): string | RegExp | undefined {
  return path instanceof RegExp ? new RegExp(path.source, path.flags.replace(/[gy]/g, "")) : path;
}

export class Faults {
  /** The PRNG seed in use; pass it as `seed` to replay a run. */
  readonly seed: number;
  readonly #random: () => number;
  #rules: Rule[] = [];
  #nextId = 1;

  constructor(seed: number) {
    this.seed = seed;
    this.#random = mulberry32(seed);
  }

  /** Adds a fault; faults are tried in the order they were injected. */
  inject(match: FaultMatch, fault: Fault): InjectedFault {
    checkMatch(match);
    checkFault(fault);
    const rule: Rule = {
      id: this.#nextId++,
      match: { ...match },
      path: stateless(match.path),
      fault: { ...fault },
      when: match.when ?? "before",
      fired: 0,
      remaining: match.times ?? Number.POSITIVE_INFINITY,
    };
    this.#rules.push(rule);
    const remove = () => {
      rule.remaining = 0;
      this.#rules = this.#rules.filter((r) => r !== rule);
    };
    return {
      id: rule.id,
      get fired() {
        return rule.fired;
      },
      get remaining() {
        return rule.remaining;
      },
      remove,
    };
  }

  /** The faults still in force, in the order they are tried. */
  list(): FaultInfo[] {
    return this.#rules.map(({ id, match, fault, fired, remaining }) => ({
      id,
      match: { ...match },
      fault: { ...fault },
      fired,
      remaining,
    }));
  }

  /** Removes one fault by id; false when there was none. */
  remove(id: number): boolean {
    const rule = this.#rules.find((r) => r.id === id);
    if (!rule) return false;
    rule.remaining = 0;
    this.#rules = this.#rules.filter((r) => r !== rule);
    return true;
  }

  /** Removes every fault. The PRNG keeps its position. */
  clear(): void {
    for (const rule of this.#rules) rule.remaining = 0;
    this.#rules = [];
  }

  /**
   * The faults for one request at one point, in order: any latencies, then at most one fault that
   * ends the request (status, drop or malformed-json). Each returned fault counts as fired.
   */
  take(when: "before" | "after", target: FaultTarget): Fault[] {
    const picked: Fault[] = [];
    for (const rule of this.#rules) {
      if (rule.when !== when || rule.remaining <= 0 || !this.#matches(rule, target)) continue;
      const { probability } = rule.match;
      if (probability !== undefined && this.#random() >= probability) continue;
      rule.fired += 1;
      rule.remaining -= 1;
      picked.push(rule.fault);
      if (rule.fault.type !== "latency") break;
    }
    this.#rules = this.#rules.filter((r) => r.remaining > 0);
    return picked;
  }

  #matches(rule: Rule, target: FaultTarget): boolean {
    const { vendor, method, operationId } = rule.match;
    if (vendor !== undefined && vendor !== target.vendor) return false;
    if (method !== undefined && method.toUpperCase() !== target.method.toUpperCase()) return false;
    if (operationId !== undefined && operationId !== target.operationId) return false;
    if (typeof rule.path === "string") return rule.path === target.path;
    if (rule.path instanceof RegExp) return rule.path.test(target.path);
    return true;
  }
}
