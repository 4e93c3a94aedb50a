/**
 * No path parameter of any JS type can make a call reach another resource. For every method, with
 * validation on or off, a call either addresses exactly the intended resource (the emulator saw the
 * cluster id and user name, each as one percent-encoded segment) or throws a typed error and the
 * emulator saw nothing. Arrays, boxed strings and objects whose `toString` says ".." were the hole:
 * `String()` turned them into a bare dot segment after the string-only check.
 */
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { DbUsersError, type DigitalOceanClient, InvalidPathParameterError } from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const h = useEmulator();

/** `.` and `..` in every spelling a server or the URL parser may decode back to a dot segment. */
const dotSegment = fc
  .tuple(
    fc.constantFrom(".", ".."),
    fc.constantFrom("raw", "%2E", "%2e", "%252E", "%25252e", "mixed"),
    fc.constantFrom("", "a/", "/", "\\", "a\\"),
    fc.constantFrom("", "/b", "\\b", "/"),
  )
  .map(([dots, spelling, before, after]) => {
    const encoded = [...dots]
      .map((dot, i) => (spelling === "raw" ? dot : spelling === "mixed" ? (i === 0 ? "%2E" : dot) : spelling))
      .join("");
    return `${before}${encoded}${after}`;
  });

/** Strings a hostile caller might pass: dot segments, the empty string, and any text at all. */
const hostileString = fc.oneof(dotSegment, fc.constant(""), fc.string({ maxLength: 12 }));

/** What `String()` would turn into a hostile string, but which is not one itself. */
const stringLike = hostileString.chain((text) =>
  fc.constantFrom<unknown>(
    [text],
    [text, text],
    new String(text),
    { toString: () => text },
    { valueOf: () => text, toString: () => text },
    Object.assign(Object.create(null), { toString: () => text }),
  ),
);

/** A revoked Proxy throws on every look, `Array.isArray` included. */
function revokedProxy(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const REVOKED = Symbol("a revoked Proxy");
const materialize = (value: unknown) => (value === REVOKED ? revokedProxy() : value);

/** Path parameters of any JS type. */
const anyParameter: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  stringLike,
  fc.constant([]),
  fc.constantFrom<unknown>(null, undefined, 0, 1, -0, Number.NaN, true, false, 10n, Symbol("..")),
  fc.constant(Object.create(null)),
  // fast-check cannot hold a revoked Proxy (it looks at every value), so a marker stands for one.
  fc.constant(REVOKED),
  fc.anything(),
);

type Call = (client: DigitalOceanClient, clusterId: unknown, name: unknown) => Promise<unknown>;

// The methods take strings; the casts are the point: callers in JavaScript (or with `any`) pass anything.
const asString = (value: unknown) => value as string;
const METHODS: ReadonlyArray<readonly [string, boolean, Call]> = [
  ["listUsers", false, (c, id) => c.listUsers(asString(id))],
  ["getUser", true, (c, id, name) => c.getUser(asString(id), asString(name))],
  ["addUser", false, (c, id) => c.addUser(asString(id), { name: h.uniqueName() })],
  ["updateUser", true, (c, id, name) => c.updateUser(asString(id), asString(name), { settings: {} })],
  ["deleteUser", true, (c, id, name) => c.deleteUser(asString(id), asString(name))],
  ["resetUserAuth", true, (c, id, name) => c.resetUserAuth(asString(id), asString(name))],
];

/** The path the call means: each parameter one percent-encoded segment, as the spec's template says. */
function intendedPath(method: string, clusterId: string, name: string): string {
  const users = `/v2/databases/${encodeURIComponent(clusterId)}/users`;
  if (method === "listUsers" || method === "addUser") return users;
  const user = `${users}/${encodeURIComponent(name)}`;
  return method === "resetUserAuth" ? `${user}/reset_auth` : user;
}

/** Runs one call and checks the law. */
async function holdsTheLaw(
  [method, hasName, call]: (typeof METHODS)[number],
  clusterId: unknown,
  name: unknown,
  validate: boolean,
): Promise<void> {
  h.emulator.state.clearRequests();
  clusterId = materialize(clusterId);
  name = materialize(name);
  const outcome = await call(h.client({ validate, retry: false }), clusterId, name).then(
    () => undefined,
    (error: unknown) => error,
  );
  // Every failure is typed, whatever the input.
  if (outcome !== undefined) expect(outcome).toBeInstanceOf(DbUsersError);
  const seen = h.emulator.state.requests;
  if (seen.length === 0) {
    expect(outcome).toBeInstanceOf(DbUsersError);
    return;
  }
  // Something was sent: then the parameters were strings, and it went exactly where they say.
  expect(typeof clusterId).toBe("string");
  if (hasName) expect(typeof name).toBe("string");
  const path = intendedPath(method, clusterId as string, name as string);
  expect(seen.map((request) => request.path)).toEqual(seen.map(() => path));
}

describe.each(METHODS)("%s", (method, hasName, call) => {
  const entry = [method, hasName, call] as const;

  prop.prop([anyParameter, fc.boolean()], { numRuns: 60 })(
    "a cluster id of any type reaches exactly that cluster's route, or a typed error and nothing sent",
    (clusterId, validate) => holdsTheLaw(entry, clusterId, "some-user", validate),
  );

  if (hasName) {
    prop.prop([anyParameter, fc.boolean()], { numRuns: 60 })(
      "a user name of any type reaches exactly that user, or a typed error and nothing sent",
      (name, validate) => holdsTheLaw(entry, h.clusters.opensearch, name, validate),
    );
  }
});

describe("the reported cases are refused before anything is sent", () => {
  const hostile: ReadonlyArray<readonly [string, unknown, string]> = [
    ['[".."]', [".."], "not-a-string"],
    ["[]", [], "not-a-string"],
    ['new String("..")', new String(".."), "not-a-string"],
    ["{ toString: () => '..' }", { toString: () => ".." }, "not-a-string"],
    ["a null-prototype object", Object.create(null), "not-a-string"],
    ["a revoked Proxy", revokedProxy(), "not-a-string"],
    ["42", 42, "not-a-string"],
    ["null", null, "missing"],
    ["undefined", undefined, "missing"],
    ['""', "", "empty"],
    ['".."', "..", "dot-segment"],
    ['"%2e%2E"', "%2e%2E", "dot-segment"],
  ];

  test.each(hostile)("deleteUser(cluster, %s), validation on and off", async (_label, name, rule) => {
    for (const validate of [true, false]) {
      const error = await failure(h.client({ validate }).deleteUser(h.clusters.pg, name as string));
      expect(error).toBeInstanceOf(InvalidPathParameterError);
      expect(error).toMatchObject({ parameter: "username", rule });
      expect((error as Error).message).toContain('"username"');
    }
    expect(h.emulator.state.requests).toEqual([]);
  });

  test.each(hostile)("addUser(%s, …) with validation off", async (_label, clusterId, rule) => {
    const error = await failure(
      h.client({ validate: false }).addUser(clusterId as string, { name: h.uniqueName() }),
    );
    expect(error).toMatchObject({
      name: "InvalidPathParameterError",
      parameter: "database_cluster_uuid",
      rule,
    });
    expect(h.emulator.state.requests).toEqual([]);
  });

  test("the path check comes first: a bad id is a path error even when the body is invalid too", async () => {
    const error = await failure(h.client().addUser([".."] as unknown as string, { name: "" }));
    expect(error).toBeInstanceOf(InvalidPathParameterError);
  });
});
