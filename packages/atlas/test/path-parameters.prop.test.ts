/**
 * Issue 9: a path parameter of any JS type, for every method, either addresses exactly the intended
 * resource (each parameter one segment, escaped like Go's url.PathEscape) or is refused with a typed
 * error before anything is sent.
 */
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AtlasApiError, type AtlasClient, DbUsersError } from "../src/index.js";
import { pathEscape } from "../src/path.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();

const dotSegments = fc.constantFrom(
  ".",
  "..",
  "%2e",
  "%2E%2E",
  "%252e%252e",
  "./..",
  "a/../b",
  "..\\x",
  ".%2e",
);
const boxed = fc.string().map((s) => new String(s));
const withToString = fc.constantFrom("..", ".", "admin").map((s) => ({ toString: () => s }));
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  dotSegments,
  fc.array(fc.oneof(fc.string(), dotSegments), { maxLength: 2 }),
  boxed,
  withToString,
  fc.integer(),
  fc.constantFrom(null, undefined, "", true, Symbol("x")),
);

type Call = (client: AtlasClient, group: unknown, db: unknown, name: unknown) => Promise<unknown>;
const METHODS: Record<string, { call: Call; user: boolean }> = {
  listUsersPage: { call: (c, g) => c.listUsersPage(g as string), user: false },
  listUsers: { call: (c, g) => c.listUsers(g as string), user: false },
  createUser: {
    call: (c, g) =>
      c.createUser(g as string, {
        username: "pathprop",
        password: "Passw0rdPassw0rd",
        roles: [{ roleName: "read", databaseName: "admin" }],
      }),
    user: false,
  },
  getUser: { call: (c, g, d, n) => c.getUser(g as string, d as string, n as string), user: true },
  updateUser: {
    call: (c, g, d, n) => c.updateUser(g as string, d as string, n as string, { description: "x" }),
    user: true,
  },
  deleteUser: { call: (c, g, d, n) => c.deleteUser(g as string, d as string, n as string), user: true },
};

/** A non-empty string with no `.`/`..` segment in it or in any percent-decoding of it. */
function safe(value: unknown): value is string {
  if (typeof value !== "string" || value === "") return false;
  let text = value;
  for (let round = 0; round < 5; round++) {
    if (/(^|[/\\])\.\.?($|[/\\])/.test(text)) return false;
    try {
      const next = decodeURIComponent(text);
      if (next === text) return true;
      text = next;
    } catch {
      return true;
    }
  }
  return true;
}

describe.each(Object.keys(METHODS))("%s with path parameters of any type", (method) => {
  const { call, user } = METHODS[method]!;
  it.each([true, false])(
    "reaches exactly the intended resource or sends nothing (validate: %s)",
    async (validate) => {
      const client = h.client("serviceAccount", { validate, retry: false });
      await client.listUsersPage(h.groupId); // the token, so only the call under test is counted below
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constant(h.groupId), anyValue),
          fc.oneof(fc.constantFrom("admin", "$external"), anyValue),
          anyValue,
          async (group, db, name) => {
            h.emulator.state.clearRequests();
            let error: unknown;
            try {
              await call(client, group, db, name);
            } catch (caught) {
              error = caught;
            }
            const sent = h.sent().filter((r) => !r.operationId?.startsWith("oauth"));
            if (error !== undefined && !(error instanceof AtlasApiError)) {
              expect(error).toBeInstanceOf(DbUsersError);
              expect(sent).toEqual([]);
              return;
            }
            const params = user ? [group, db, name] : [group];
            expect(params.every(safe)).toBe(true);
            const [g, d, n] = params as string[];
            const expected = `/api/atlas/v2/groups/${pathEscape("groupId", g!)}/databaseUsers${user ? `/${pathEscape("databaseName", d!)}/${pathEscape("username", n!)}` : ""}`;
            expect(sent.length).toBeGreaterThan(0);
            for (const request of sent) expect(request.path).toBe(expected);
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
