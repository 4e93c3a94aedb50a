/**
 * `{ wait: true }`: Trove applies writes after its 202 (docs/vendors/rackspace.md §1.1, §3), so a
 * waiting call polls until the change is visible, or fails with `RackspaceWaitError` naming what
 * never appeared. Each poll is a GET (Rackspace allows 100 a minute).
 */
import { AbortedError } from "@dbusers/core";
import { RackspaceWaitError } from "./errors.js";
import type { WaitOptions } from "./types.js";

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_INTERVAL_MS = 2_000;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError({ cause: signal.reason }));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export interface Expectation {
  /** What is waited for, for the error: `user app@%`. */
  readonly target: string;
  /** `did not appear`, `is still there`, … */
  readonly expectation: string;
  /** Resolves true once the change is visible. */
  readonly visible: () => Promise<boolean>;
}

/**
 * Waiting for `target` to be there (`present`) or gone, as `isThere` reports it; the error names
 * what never happened.
 */
export function expectation(target: string, present: boolean, isThere: () => Promise<boolean>): Expectation {
  return {
    target,
    expectation: present ? "did not appear" : "is still there",
    visible: async () => (await isThere()) === present,
  };
}

/** Resolves once every expectation is met; checks the ones still pending every `intervalMs`. */
export async function waitUntil(
  expectations: readonly Expectation[],
  wait: boolean | WaitOptions | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (wait === undefined || wait === false) return;
  const options = wait === true ? {} : wait;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const started = Date.now();
  let pending = [...expectations];
  for (;;) {
    const seen = await Promise.all(pending.map((e) => e.visible()));
    pending = pending.filter((_, i) => !seen[i]);
    if (pending.length === 0) return;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) {
      const first = pending[0]!;
      const more = pending.length > 1 ? ` (and ${pending.length - 1} more)` : "";
      throw new RackspaceWaitError({
        target: `${first.target}${more}`,
        waitedMs: waited,
        expectation: first.expectation,
      });
    }
    await pause(Math.min(intervalMs, timeoutMs - waited), signal);
  }
}
