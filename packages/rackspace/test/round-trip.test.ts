/**
 * Trove decodes a `{user}` segment twice (docs/vendors/rackspace.md §3.1) and hands back a `next`
 * marker encoded twice (§3.2): any name and host the strict rules accept must survive create, get,
 * list, update and delete exactly, and a long list of tricky names must come back once each.
 */
import { validateField } from "@dbusers/rules/rackspace";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { useEmulator } from "./support/emulator.js";

const ctx = useEmulator();

/** Characters the documentation and the server both allow in names, with the ones Trove's decoding trips on. */
const NAME_CHARS = [..."abcXYZ019_.@?# %", "json"];
const octet = fc.integer({ min: 0, max: 255 }).map(String);
/** `%`, an IPv4 address, or one with a `%` first or last octet. */
const validHost = fc.oneof(
  fc.constant("%"),
  fc.tuple(octet, octet, octet, octet).map((parts) => parts.join(".")),
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `${a}.${b}.${c}.%`),
  fc.tuple(octet, octet, octet).map(([a, b, c]) => `%.${a}.${b}.${c}`),
);
/** Names the given profile accepts; the server profile also allows `%`, `!`, `*`, … */
const validName = (profile: "strict" | "server") =>
  fc
    .array(fc.constantFrom(...NAME_CHARS, ...(profile === "server" ? ["!", "*", "+", "=", "%2E"] : [])), {
      minLength: 1,
      maxLength: 10,
    })
    .map((parts) => parts.join("").slice(0, 16))
    .filter((name) => validateField("userName", name, { profile }).length === 0);

describe.each(["strict", "server"] as const)(
  "names and hosts the %s rules accept survive Trove's double decode",
  (profile) => {
    it("create, get, list, update (password) and delete address exactly the user created", async () => {
      // Names only the server accepts are sent with the strict checks off, as a user managing existing users would.
      const client = ctx.client("rackspace-v2", { validate: profile === "strict" });
      const id = ctx.instanceId;
      await fc.assert(
        fc.asyncProperty(validName(profile), validHost, async (name, host) => {
          await client.createUsers(id, [{ name, host, password: "Secret_pw_1" }]);
          expect(await client.getUser(id, name, host)).toEqual({ name, host, databases: [] });
          expect((await client.listUsers(id)).filter((u) => u.name === name && u.host === host)).toHaveLength(
            1,
          );
          await client.updateUser(id, name, host, { password: "Secret_pw_2" });
          const stored = ctx.emulator.state.rackspace
            .instance(id)
            .users.find((u) => u.name === name && u.host === host);
          expect(stored?.password).toBe("Secret_pw_2");
          await client.deleteUser(id, name, host);
          expect(ctx.emulator.state.rackspace.instance(id).users).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });

    it("renames onto a tricky name and host", async () => {
      const client = ctx.client("rackspace-v2", { validate: profile === "strict" });
      await client.createUsers(ctx.instanceId, [{ name: "plain", password: "Secret_pw_1" }]);
      const name = profile === "strict" ? "a.b@c #?x.json" : "a.b@c%41 #?x";
      await client.updateUser(ctx.instanceId, "plain", undefined, { name, host: "10.0.0.%" });
      expect(await client.getUser(ctx.instanceId, name, "10.0.0.%")).toMatchObject({
        name,
        host: "10.0.0.%",
      });
    });
  },
);

describe("paging through tricky names", () => {
  it("lists 75 users whose names hold @ % . # ? and spaces exactly once each, across 4 pages", async () => {
    // `%` in a name is the server's, not the documentation's: strict checks off.
    const client = ctx.client("rackspace-v2", { validate: false });
    const tricky = ["a@b", "a%b", "a%40b", "a.json", "x #?y", "p.q@%", "z%25", "m@n@o"];
    const users = Array.from({ length: 75 }, (_, i) => ({
      name: `${tricky[i % tricky.length]}${i}`,
      host: i % 3 === 0 ? "10.1.2.%" : "%",
      password: "Secret_pw_1",
    }));
    for (let i = 0; i < users.length; i += 25)
      await client.createUsers(ctx.instanceId, users.slice(i, i + 25));
    const listed = await client.listUsers(ctx.instanceId);
    const key = (u: { name: string; host?: string }) => `${u.name}@${u.host ?? "%"}`;
    expect(listed.map(key).sort()).toEqual(users.map(key).sort());
    const pages = ctx.sent().filter((r) => r.operationId === "listUsers");
    expect(pages).toHaveLength(4);
  });
});
