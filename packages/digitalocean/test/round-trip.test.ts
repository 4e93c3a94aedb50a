/**
 * The law of names: any user name the strict rules accept for an engine survives add, get, list
 * and delete against the emulator unchanged. A failing seed is printed by fast-check and replays
 * with `{ seed }`.
 */
import { STRICT_PATTERN, validateField } from "@dbusers/rules/digitalocean";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { USER_ENGINES, type UserEngine, useEmulator } from "./support/emulator.js";

const h = useEmulator();

/** Names shaped like the strict pattern, kept when the rules accept them for `engine`. */
const validUserName = (engine: UserEngine) =>
  fc
    .oneof(
      fc.stringMatching(new RegExp(STRICT_PATTERN)),
      // Long names too, up to and past every engine's limit (MySQL 32, PostgreSQL 63 bytes, strict 64).
      fc
        .tuple(
          fc.constantFrom("a", "Z", "0", "_", "?"),
          fc.string({ unit: fc.constantFrom(..."az09_?*.-"), maxLength: 70 }),
        )
        .map(([first, rest]) => first + rest),
    )
    .filter((name) => validateField("userName", name, { profile: "strict", engine }).length === 0);

describe.each(USER_ENGINES)("%s", (engine) => {
  test.prop([validUserName(engine)], { numRuns: 50 })(
    "a name strict accepts round-trips unchanged",
    async (name) => {
      const client = h.client();
      const cluster = h.clusters[engine];
      // Two runs can draw the same name; start from a clean slate.
      if (h.emulator.state.digitalocean.getUser(cluster, name)) await client.deleteUser(cluster, name);

      expect((await client.addUser(cluster, { name }, { engine })).name).toBe(name);
      expect((await client.getUser(cluster, name)).name).toBe(name);
      expect((await client.listUsers(cluster)).filter((user) => user.name === name)).toHaveLength(1);
      await client.deleteUser(cluster, name);
      await expect(client.getUser(cluster, name)).rejects.toMatchObject({ code: "NOT_FOUND" });
    },
  );
});
