/**
 * What the transport remembers about each response it hands back: the call (method, URL and its
 * secrets, for errors built later) and the body it already read. Secrets are gathered only when
 * an error asks for them: a call that succeeds never parses its body for passwords.
 */
import type { SecretValue } from "./secret.js";

/** What the transport knows about a response it handed back: for errors built later. */
export interface CallInfo {
  readonly method: string;
  readonly url: string;
  /** Every secret of the call: the strategy's and those found under secret keys in a JSON body. */
  readonly secrets: readonly SecretValue[];
}

/**
 * One call as the transport keeps it. Every call makes one, so it is a plain class instance; the
 * `CallInfo` that errors and `callInfoOf` show is made on first use (an object with a getter costs
 * far more to create than the call's other bookkeeping).
 */
export class CallRecord {
  private gathered: readonly SecretValue[] | undefined;
  private described: CallInfo | undefined;
  constructor(
    readonly method: string,
    readonly url: string,
    private readonly gather: () => readonly SecretValue[],
  ) {}
  /** Gathered on first read, so a token renewed during the call is among them. */
  get secrets(): readonly SecretValue[] {
    this.gathered ??= this.gather();
    return this.gathered;
  }
  /** The call with `secrets` as an own getter, so a spread (`{ ...info, status }`) copies it. */
  get info(): CallInfo {
    this.described ??= describe(this);
    return this.described;
  }
}

function describe(record: CallRecord): CallInfo {
  return {
    method: record.method,
    url: record.url,
    get secrets() {
      return record.secrets;
    },
  };
}

interface Answer {
  readonly call: CallRecord;
  readonly body: Uint8Array;
}

const answers = new WeakMap<Response, Answer>();

/** Remembers that `response` came from `call`, with the `body` the transport read from it. */
export function recordAnswer(response: Response, call: CallRecord, body: Uint8Array): void {
  answers.set(response, { call, body });
}

/** The call and body the transport recorded for `response`, if it did. */
export function answerOf(response: Response): Answer | undefined {
  return answers.get(response);
}

/** The method, URL and secrets of the call that produced `response`, when core's transport did. */
export function callInfoOf(response: Response): CallInfo | undefined {
  return answers.get(response)?.call.info;
}

/** The body the transport read from `response` (its own stream is then used up), if it did. */
export function bodyOf(response: Response): Uint8Array | undefined {
  return answers.get(response)?.body;
}
