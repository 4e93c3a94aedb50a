/**
 * `test.prop([arbitraries], params)(name, predicate)`, the form of @fast-check/vitest our tests use,
 * on plain fast-check. Loading @fast-check/vitest costs about a second per test file (vitest inlines
 * it and fast-check with it), paid again for every file in an isolated run and for every mutant in
 * a mutation run; fast-check itself loads in milliseconds.
 */
import fc from "fast-check";
import { test as vitestTest } from "vitest";

export { fc };

function prop<Ts extends unknown[]>(
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  params?: fc.Parameters<Ts>,
) {
  // `unknown`: a predicate passes unless it throws or returns false, as in fast-check.
  return (name: string, predicate: (...args: Ts) => unknown, timeout?: number) =>
    vitestTest(
      name,
      () => {
        fc.assert(
          fc.property(...(arbitraries as [fc.Arbitrary<unknown>]), predicate as never),
          params as never,
        );
      },
      timeout,
    );
}

export const test = { prop };
