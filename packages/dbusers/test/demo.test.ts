/**
 * The quick-start demo's dbusers part (examples/dbusers.mjs) runs: the same user created, listed,
 * rotated and deleted on each vendor, then the capability table, with every password redacted.
 */
import { expect, test } from "vitest";
import { CAPABILITIES, capabilityTable } from "../src/index.js";

test("examples/dbusers.mjs manages one user on every vendor and prints no password", async () => {
  const { dbusersDemo } = (await import(new URL("../../../examples/dbusers.mjs", import.meta.url).href)) as {
    dbusersDemo: (step: (text: string) => void) => Promise<void>;
  };
  const lines: string[] = [];
  await dbusersDemo((text) => lines.push(text));
  for (const vendor of ["digitalocean", "atlas", "rackspace"]) {
    const mine = lines.filter((line) => line.includes(`${vendor}:`) || line.startsWith("dbusers: rotated"));
    expect(
      mine.some((l) =>
        new RegExp(`^dbusers: created demo-user on ${vendor}:\\S+ \\(password \\[REDACTED\\]\\)$`).test(l),
      ),
    ).toBe(true);
    expect(mine.some((l) => new RegExp(`^dbusers: users of ${vendor}:\\S+: .*demo-user`).test(l))).toBe(true);
  }
  expect(
    lines.filter((l) => l === "dbusers: rotated the password of demo-user (new password [REDACTED])"),
  ).toHaveLength(3);
  expect(lines.filter((l) => l.startsWith("dbusers: deleted demo-user; left: "))).toEqual([
    "dbusers: deleted demo-user; left: doadmin",
    "dbusers: deleted demo-user; left: (none)",
    "dbusers: deleted demo-user; left: (none)",
  ]);
  expect(lines.at(-1)).toBe(`dbusers: what each vendor can do\n${capabilityTable(CAPABILITIES)}`);
});
