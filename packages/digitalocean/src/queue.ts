/**
 * One write at a time per cluster. Parallel user changes on one DigitalOcean cluster are
 * unreliable: several MongoDB user creates at once got "500-level" answers, so the Terraform
 * provider holds a mutex per cluster around user create and delete
 * (docs/vendors/digitalocean.md §15). Reads are never queued.
 */
const settle = () => undefined;

export type KeyedQueue = <T>(key: string, task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** Resolves when the writes ahead are done or `signal` aborts, whichever comes first. */
function turnOrAbort(ahead: Promise<unknown>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    ahead.then(done, done);
  });
}

/**
 * Runs tasks with the same key one after another, in call order, whatever the earlier ones did.
 * A task whose signal aborts while it waits starts at once: the transport then refuses to send it
 * and throws `AbortedError`, without waiting for the writes ahead of it.
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task, signal) => {
    const ahead = tails.get(key) ?? Promise.resolve();
    const turn = signal === undefined ? ahead : turnOrAbort(ahead, signal);
    const result = turn.then(task);
    // The next write waits for this one and for every write ahead of it, even if this one gave up.
    const tail = Promise.all([ahead, result.then(settle, settle)]);
    tails.set(key, tail);
    // Forget the key once nothing is waiting on it, so the map does not grow with every cluster.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
