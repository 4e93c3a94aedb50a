/**
 * Any username the rules accept for its auth type survives create → get → list → update → delete
 * unchanged: ARNs with paths, DNs with escaped commas and spaces, `idp/name`, SCRAM names.
 */

import { validateRequest } from "@dbusers/rules/atlas";
import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { CreateUserRequest } from "../src/index.js";
import { completeCreateBody } from "../src/validate.js";
import { useEmulator } from "./support/emulator.js";

const h = useEmulator();

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/);
/** A DN attribute value with the characters RFC 4514 makes you escape, escaped, and spaces. */
const dnValue = fc
  .array(fc.oneof(word, fc.constantFrom(" ", "\\,", "\\+", "\\=", '\\"', "\\;", "é")), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join("").trim())
  .filter((value) => value !== "" && !value.endsWith("\\"));
const dn = fc
  .tuple(dnValue, fc.array(fc.tuple(fc.constantFrom("OU", "DC", "O", "L"), dnValue), { maxLength: 3 }))
  .map(([cn, rest]) => [`CN=${cn}`, ...rest.map(([k, v]) => `${k}=${v}`)].join(","));
const arn = (kind: "user" | "role") =>
  fc
    .tuple(
      fc.stringMatching(/^\d{12}$/),
      // A `.` or `..` path element is refused by the client before sending (a dot segment once
      // Atlas decodes the path; path-parameters.prop.test.ts holds that), so it is not a round trip.
      fc.array(
        fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,12}$/).filter((part) => part !== "." && part !== ".."),
        { minLength: 1, maxLength: 4 },
      ),
    )
    .map(([account, path]) => `arn:aws:iam::${account}:${kind}/${path.join("/")}`);
// As for ARNs, a name that is `.` or `..` makes a dot path element the client refuses before sending.
const oidc = fc
  .tuple(
    fc.stringMatching(/^[a-f0-9]{24}$/),
    fc.stringMatching(/^[A-Za-z0-9 ._@:=,+-]{1,20}$/).filter((name) => name !== "." && name !== ".."),
  )
  .map(([idp, name]) => `${idp}/${name}`);

const roles = [{ roleName: "read" as const, databaseName: "admin" }];
const bodies: fc.Arbitrary<CreateUserRequest> = fc.oneof(
  fc
    .stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,30}$/)
    .map((username) => ({ username, password: "Passw0rdPassw0rd", roles })),
  arn("user").map((username) => ({ username, awsIAMType: "USER" as const, roles })),
  arn("role").map((username) => ({ username, awsIAMType: "ROLE" as const, roles })),
  dn.map((username) => ({ username, x509Type: "CUSTOMER" as const, roles })),
  dn.map((username) => ({ username, ldapAuthType: "USER" as const, roles })),
  dn.map((username) => ({ username, ldapAuthType: "GROUP" as const, roles })),
  oidc.map((username) => ({ username, oidcAuthType: "IDP_GROUP" as const, roles })),
  oidc.map((username) => ({ username, oidcAuthType: "USER" as const, roles })),
);

describe("usernames round-trip through every operation", () => {
  it("for every auth type, whatever the rules (strict) accept", async () => {
    const client = h.client("serviceAccount");
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        // Only names the rules accept for their auth type (the client refuses the others).
        const filled = (await completeCreateBody(h.groupId, body)) as { databaseName: string };
        fc.pre(validateRequest("createUser", filled, { profile: "strict" }).length === 0);
        tried += 1;
        const { username } = body;
        const db = filled.databaseName;
        const created = await client.createUser(h.groupId, body);
        expect(created.username).toBe(username);
        expect((await client.getUser(h.groupId, db, username)).username).toBe(username);
        const listed = await client.listUsers(h.groupId);
        expect(listed.filter((u) => u.username === username && u.databaseName === db)).toHaveLength(1);
        const updated = await client.updateUser(h.groupId, db, username, { description: "checked" });
        expect(updated).toMatchObject({ username, description: "checked" });
        await client.deleteUser(h.groupId, db, username);
        expect(h.emulator.state.atlas.users(h.groupId).some((u) => u.username === username)).toBe(false);
      }),
      { numRuns: 40 },
    );
    expect(tried).toBeGreaterThan(20);
  });
});
