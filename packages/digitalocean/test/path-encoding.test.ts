/**
 * No user name can address another resource. `.` and `..` (and their percent-encoded spellings) are
 * refused before any request, validation on or off, because the URL parser inside fetch drops such
 * a segment (`…/users/..` would reach the cluster itself). Everything else is percent-encoded into
 * one path segment and reaches the emulator as the same name.
 */
import { assertSafePathSegment } from "@dbusers/core";
import { validateField } from "@dbusers/rules/digitalocean";
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { InvalidPathParameterError } from "../src/index.js";
import { failure, useEmulator } from "./support/emulator.js";

const h = useEmulator();

// A `/` or `\` is encoded, but servers and proxies that decode `%2F` before routing would see the
// dot segment in `a/../b`, so core refuses a dot segment anywhere in the value.
const DOT_SEGMENTS = [
  ".",
  "..",
  "%2E",
  "%2e%2E",
  ".%2E",
  "%2E.",
  "%252E%252E",
  "%25252e.",
  "a/../b",
  "..\\x",
  "./a",
];

describe("dot segments", () => {
  test.each([true, false])("are refused as a user name before sending (validate: %s)", async (validate) => {
    const client = h.client({ validate });
    for (const name of DOT_SEGMENTS) {
      for (const call of [
        () => client.getUser(h.clusters.pg, name),
        () => client.updateUser(h.clusters.pg, name, { settings: {} }),
        () => client.deleteUser(h.clusters.pg, name),
        () => client.resetUserAuth(h.clusters.pg, name),
      ]) {
        const error = await failure(call());
        expect(error).toBeInstanceOf(InvalidPathParameterError);
        expect(error).toMatchObject({
          code: "INVALID_PATH_PARAMETER",
          parameter: "username",
          rule: "dot-segment",
        });
      }
    }
    expect(h.sent()).toEqual([]);
  });

  test("are refused as a cluster id with validation off", async () => {
    const client = h.client({ validate: false });
    for (const clusterId of DOT_SEGMENTS) {
      await expect(client.listUsers(clusterId)).rejects.toMatchObject({
        parameter: "database_cluster_uuid",
        rule: "dot-segment",
      });
      await expect(client.addUser(clusterId, { name: "app" })).rejects.toBeInstanceOf(
        InvalidPathParameterError,
      );
    }
    expect(h.sent()).toEqual([]);
  });

  test("an empty name is refused: it would address the user list", async () => {
    await expect(h.client({ validate: false }).deleteUser(h.clusters.pg, "")).rejects.toMatchObject({
      parameter: "username",
      rule: "empty",
    });
    expect(h.sent()).toEqual([]);
  });

  test("the cluster itself is untouched: DELETE …/users/.. never leaves the client", async () => {
    await h
      .client({ validate: false })
      .deleteUser(h.clusters.pg, "..")
      .catch(() => undefined);
    expect(h.sent()).toEqual([]);
    expect(h.emulator.state.digitalocean.getCluster(h.clusters.pg)).toBeDefined();
  });
});

test("a name with an unpaired surrogate is refused before sending: no URL can carry it", async () => {
  const client = h.client({ validate: false });
  for (const name of ["a\uD800", "\uDC00b", "x\uDBFFy"]) {
    await expect(client.getUser(h.clusters.opensearch, name)).rejects.toMatchObject({
      name: "InvalidPathParameterError",
      parameter: "username",
      message: expect.stringContaining("not well-formed Unicode"),
    });
  }
  expect(h.sent()).toEqual([]);
});

describe("reserved characters are encoded into one segment", () => {
  test.each([
    ["a/b", "a%2Fb"],
    ["a?b", "a%3Fb"],
    ["a#b", "a%23b"],
    ["a%b", "a%25b"],
    ["a%2Fb", "a%252Fb"],
    ["..a", "..a"],
    ["a..b/c", "a..b%2Fc"],
    ["é x", "%C3%A9%20x"],
  ])("%j is sent as %s and round-trips", async (name, segment) => {
    // validate: false, on OpenSearch, whose server refuses only ':' in a name.
    const client = h.client({ validate: false });
    const cluster = h.clusters.opensearch;
    await expect(client.addUser(cluster, { name })).resolves.toMatchObject({ name });
    await expect(client.getUser(cluster, name)).resolves.toMatchObject({ name });
    await expect(client.updateUser(cluster, name, { settings: {} })).resolves.toMatchObject({ name });
    await expect(client.resetUserAuth(cluster, name)).resolves.toMatchObject({ name });
    await expect(client.deleteUser(cluster, name)).resolves.toBeUndefined();
    const userPaths = h
      .sent()
      .filter((r) => r.operationId !== "databases_add_user")
      .map((r) => r.path);
    const base = `/v2/databases/${cluster}/users/${segment}`;
    expect(userPaths).toEqual([base, base, `${base}/reset_auth`, base]);
    expect(h.emulator.state.digitalocean.getUser(cluster, name)).toBeUndefined();
  });
});

function isSafeSegment(name: string): boolean {
  try {
    assertSafePathSegment("username", name);
    return true;
  } catch {
    return false;
  }
}

/** Any string the server accepts as an OpenSearch user name, and that core's path check lets through. */
const serverName = fc
  .string({ unit: "binary", minLength: 1, maxLength: 24 })
  .filter((name) => !/\p{Cs}/u.test(name))
  .filter((name) => validateField("userName", name, { profile: "server", engine: "opensearch" }).length === 0)
  .filter(isSafeSegment);

prop.prop([serverName], { numRuns: 50 })(
  "any name the server accepts reaches it unchanged (add, get, delete)",
  async (name) => {
    const client = h.client({ validate: false });
    const cluster = h.clusters.opensearch;
    expect((await client.addUser(cluster, { name })).name).toBe(name);
    expect((await client.getUser(cluster, name)).name).toBe(name);
    expect(h.emulator.state.digitalocean.getUser(cluster, name)?.name).toBe(name);
    await client.deleteUser(cluster, name);
    expect(h.emulator.state.digitalocean.getUser(cluster, name)).toBeUndefined();
  },
);
