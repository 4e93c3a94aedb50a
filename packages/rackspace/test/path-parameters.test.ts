/**
 * Issue 9's law for every method with a path parameter: whatever JS value is passed (strings with
 * dot segments in every encoding, `/`, arrays, boxed strings, objects with `toString`, numbers,
 * null), either the request reaches exactly the intended resource, or a typed error is thrown and
 * the emulator saw no Trove request at all. Validation is off, so only path safety stands guard.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DbUsersError, InvalidPathParameterError } from "../src/index.js";
import { useEmulator } from "./support/emulator.js";

const ctx = useEmulator();

const dotty = fc.constantFrom(
  ".",
  "..",
  "%2E",
  "%2e%2E",
  "%252E%252E",
  "a/..",
  "../root",
  "x/users/y",
  "a\\..",
  "",
  " ",
);
const hostile = fc.oneof(
  dotty,
  fc.string({ maxLength: 6 }),
  dotty.map((s) => [s]),
  dotty.map((s) => new String(s)),
  dotty.map((s) => ({ toString: () => s })),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant([]),
);

type Call = (id: unknown, a: unknown, b?: unknown) => Promise<unknown>;

describe("path parameters of any type", () => {
  const client = () => ctx.client("rackspace-v2", { validate: false, retry: false });
  const methods: Record<string, (c: ReturnType<typeof client>) => Call> = {
    getUser: (c) => (id, name, host) => c.getUser(id as string, name as string, host as string),
    deleteUser: (c) => (id, name, host) => c.deleteUser(id as string, name as string, host as string),
    updateUser: (c) => (id, name, host) =>
      c.updateUser(id as string, name as string, host as string, { password: "Secret_pw_9" }),
    listAccess: (c) => (id, name, host) => c.listAccess(id as string, name as string, host as string),
    grantAccess: (c) => (id, name, host) =>
      c.grantAccess(id as string, name as string, host as string, ["orders"]),
    revokeAccess: (c) => (id, name, database) =>
      c.revokeAccess(id as string, "victim", name as string, database as string),
    deleteDatabase: (c) => (id, name) => c.deleteDatabase(id as string, name as string),
    listUsers: (c) => (id) => c.listUsers(id as string),
    createUsers: (c) => (id) => c.createUsers(id as string, [{ name: "victim2", password: "Secret_pw_1" }]),
    enableRoot: (c) => (id) => c.enableRoot(id as string),
    disableRoot: (c) => (id) => c.disableRoot(id as string),
  };

  it.each(Object.keys(methods))(
    "%s: reaches exactly its resource, or throws a typed error having sent nothing",
    async (method) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constant(ctx.instanceId), hostile),
          hostile,
          hostile,
          async (id, a, b) => {
            ctx.emulator.state.clearRequests();
            const before = ctx.emulator.state.rackspace.instance(ctx.instanceId);
            let thrown: unknown;
            try {
              await methods[method]!(client())(id, a, b);
            } catch (error) {
              thrown = error;
            }
            const trove = ctx.emulator.state.rackspace.requests.filter((r) => r.path.startsWith("/v1.0/"));
            if (thrown instanceof InvalidPathParameterError) {
              expect(trove).toEqual([]);
              return;
            }
            // Sent: it must be a typed outcome, and no other resource may have changed.
            if (thrown !== undefined) expect(thrown).toBeInstanceOf(DbUsersError);
            for (const request of trove) {
              expect(request.operationId, `${request.method} ${request.path}`).toBe(
                method === "listAccess"
                  ? "listUserAccess"
                  : method === "grantAccess"
                    ? "grantUserAccess"
                    : method === "revokeAccess"
                      ? "revokeUserAccess"
                      : method,
              );
            }
            const after = ctx.emulator.state.rackspace.instance(ctx.instanceId);
            expect(after.databases).toEqual(before.databases);
            expect(after.rootEnabled).toBe(
              method === "enableRoot" && trove.length > 0 ? after.rootEnabled : before.rootEnabled,
            );
            const victims = (view: typeof after) =>
              view.users.filter((u) => u.name === "victim").map((u) => u.databases);
            if (method !== "grantAccess") expect(victims(after)).toEqual(victims(before));
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it("an array or an object whose toString is '..' is refused before anything is sent, even for the instance id", async () => {
    for (const value of [[".."], new String(".."), { toString: () => ".." }, "..", "a/b"]) {
      ctx.emulator.state.clearRequests();
      await expect(client().listUsers(value as string)).rejects.toBeInstanceOf(InvalidPathParameterError);
      await expect(client().deleteUser(ctx.instanceId, value as string)).rejects.toBeInstanceOf(
        typeof value === "string" ? DbUsersError : InvalidPathParameterError,
      );
    }
  });
});
