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

interface Answer {
  readonly call: CallInfo;
  readonly body: Uint8Array;
}

const answers = new WeakMap<Response, Answer>();

/** A `CallInfo` whose `secrets` are gathered on first read (an own getter, so a spread copies it). */
export function describeCall(method: string, url: string, gather: () => readonly SecretValue[]): CallInfo {
  let secrets: readonly SecretValue[] | undefined;
  return {
    method,
    url,
    get secrets() {
      secrets ??= gather();
      return secrets;
    },
  };
}

/** Remembers that `response` came from `call`, with the `body` the transport read from it. */
export function recordAnswer(response: Response, call: CallInfo, body: Uint8Array): void {
  answers.set(response, { call, body });
}

/** The method, URL and secrets of the call that produced `response`, when core's transport did. */
export function callInfoOf(response: Response): CallInfo | undefined {
  return answers.get(response)?.call;
}

/** The body the transport read from `response` (its own stream is then used up), if it did. */
export function bodyOf(response: Response): Uint8Array | undefined {
  return answers.get(response)?.body;
}
