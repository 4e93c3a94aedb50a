import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { asObject } from "../../src/lib/json.js";
import { listOperations, resolvePointer } from "../../src/lib/openapi.js";
import { leadingComment, syncSpec } from "../../src/sync/sync.js";
import { acmeConfig, allRefs, copyOfUpstream, oursFile, readYaml, upstreamEntry } from "../helpers.js";

const sync = (upstreamFile = upstreamEntry, current = readYaml(oursFile)) =>
  syncSpec({ config: acmeConfig(), upstreamFile, current });

const componentNames = (doc: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(asObject(doc.components)).map(([type, entries]) => [type, Object.keys(asObject(entries))]),
  );

describe("specs:sync selects", () => {
  it("only the operations listed in operations.yaml", async () => {
    const { doc, missing } = await sync();
    const kept = listOperations(doc).map(
      ({ method, path, operationId }) => `${operationId} ${method} ${path}`,
    );
    expect(kept).toEqual([
      "users_list get /v1/clusters/{cluster_id}/users",
      "users_add post /v1/clusters/{cluster_id}/users",
      "users_get get /v1/clusters/{cluster_id}/users/{username}",
    ]);
    expect(missing).toEqual([]);
  });

  it("exactly the components those operations reach, and nothing else", async () => {
    const { doc } = await sync();
    expect(componentNames(doc)).toEqual({
      schemas: ["error", "user", "user_settings"],
      responses: ["not_found", "unexpected_error", "unprocessable_entity", "user", "users"],
      parameters: ["cluster_id", "username"],
      headers: ["ratelimit-limit", "ratelimit-remaining"],
      securitySchemes: ["bearer_auth"],
    });
  });

  it("leaves no reference to another file, and every reference resolves", async () => {
    const { doc } = await sync();
    for (const ref of allRefs(doc)) {
      expect(ref).toMatch(/^#\/components\//);
      expect(resolvePointer(doc, ref), ref).toBeDefined();
    }
  });

  it("drops the upstream's code samples, doc-site navigation and unused tags", async () => {
    const { doc, text } = await sync();
    expect(text).not.toContain("x-codeSamples");
    expect(doc).not.toHaveProperty("x-tagGroups");
    expect(doc.tags).toEqual([{ name: "Users", description: "Our text about users." }]);
  });

  it("reports listed operations the upstream does not have", async () => {
    const config = { ...acmeConfig(), operations: ["users_list", "users_rename"] };
    const result = await syncSpec({ config, upstreamFile: upstreamEntry, current: {} });
    expect(result.missing).toEqual(["users_rename"]);
    expect(listOperations(result.doc).map((op) => op.operationId)).toEqual(["users_list"]);
  });
});

describe("specs:sync converts", () => {
  it("an OpenAPI 3.0 upstream into 3.1, nullable included", async () => {
    const { doc } = await sync();
    expect(doc.openapi).toBe("3.1.0");
    expect(resolvePointer(doc, "#/components/schemas/user/properties/note")).toMatchObject({
      type: ["string", "null"],
    });
  });
});

describe("specs:sync keeps our words", () => {
  it("for every element that still exists: operations, parameters, schema properties, info", async () => {
    const { doc } = await sync();
    expect(resolvePointer(doc, "#/info/title")).toBe("Acme users (our subset)");
    const list = listOperations(doc).find((op) => op.operationId === "users_list");
    expect(list?.operation.summary).toBe("Our summary for listing users");
    expect(resolvePointer(doc, "#/components/parameters/cluster_id/description")).toBe(
      "Our text about the cluster id.",
    );
    expect(resolvePointer(doc, "#/components/schemas/user/properties/name/description")).toBe(
      "Our text about the name.",
    );
  });

  it("with our examples and our x-dbusers-* extensions", async () => {
    const { doc } = await sync();
    const cluster = asObject(resolvePointer(doc, "#/components/parameters/cluster_id"));
    expect(cluster.example).toBe("11111111-2222-4333-8444-555555555555");
    expect(cluster["x-dbusers-note"]).toBe("Our own extension, kept across syncs.");
  });

  it("and carries over the responses we document beyond the upstream, with what they reference", async () => {
    const { doc } = await sync();
    const add = listOperations(doc).find((op) => op.operationId === "users_add");
    expect(asObject(add?.operation.responses)["422"]).toEqual({
      $ref: "#/components/responses/unprocessable_entity",
    });
    expect(resolvePointer(doc, "#/components/responses/unprocessable_entity/description")).toBe(
      "Our text about a body that failed validation.",
    );
  });

  it("but drops elements the upstream no longer has", async () => {
    const { doc } = await sync();
    expect(resolvePointer(doc, "#/components/schemas/user/properties/legacy")).toBeUndefined();
  });

  it("follows an operation that moved to another path", async () => {
    const upstream = copyOfUpstream();
    upstream.edit("openapi.yaml", (text) =>
      text.replace(
        "/v1/clusters/{cluster_id}/users/{username}:",
        "/v2/clusters/{cluster_id}/users/{username}:",
      ),
    );
    const { doc } = await sync(upstream.entry);
    const get = listOperations(doc).find((op) => op.operationId === "users_get");
    expect(get?.path).toBe("/v2/clusters/{cluster_id}/users/{username}");
    expect(get?.operation.summary).toBe("Our summary for getting a user");
  });
});

describe("specs:sync marks upstream prose", () => {
  it("on new elements, with x-dbusers-upstream-text naming the fields", async () => {
    const upstream = copyOfUpstream();
    upstream.edit("resources/users/models/user.yml", (text) =>
      text.replace(
        "required:",
        "  expires_at:\n    type: string\n    format: date-time\n    description: Upstream text about expiry.\nrequired:",
      ),
    );
    const { doc, upstreamText } = await sync(upstream.entry);
    expect(resolvePointer(doc, "#/components/schemas/user/properties/expires_at")).toMatchObject({
      description: "Upstream text about expiry.",
      "x-dbusers-upstream-text": ["description"],
    });
    expect(upstreamText).toContain("/components/schemas/user/properties/expires_at");
  });

  it("and refreshes text that is still marked as the upstream's when the upstream rewrites it", async () => {
    const upstream = copyOfUpstream();
    upstream.edit("resources/users/models/user.yml", (text) =>
      text.replace("Upstream text about the role.", "Rewritten upstream text."),
    );
    const { doc } = await sync(upstream.entry);
    expect(resolvePointer(doc, "#/components/schemas/user/properties/role")).toMatchObject({
      description: "Rewritten upstream text.",
      "x-dbusers-upstream-text": ["description"],
    });
  });

  it("everywhere on a first sync, when there is no spec of ours yet", async () => {
    const { doc, upstreamText } = await syncSpec({
      config: acmeConfig(),
      upstreamFile: upstreamEntry,
      current: {},
    });
    expect(resolvePointer(doc, "#/info/x-dbusers-upstream-text")).toEqual(["description"]);
    expect(upstreamText.length).toBeGreaterThan(20);
  });
});

describe("specs:sync output", () => {
  it("is the same text on every run", async () => {
    const first = await sync();
    const second = await sync();
    expect(second.text).toBe(first.text);
  });

  it("is a fixed point: syncing again over its own output changes nothing", async () => {
    const first = await sync();
    const again = await syncSpec({ config: acmeConfig(), upstreamFile: upstreamEntry, current: first.doc });
    expect(again.text).toBe(first.text);
  });

  it("rewrites our fixture spec only where the upstream really changed (the dropped field)", async () => {
    const ours = readFileSync(oursFile, "utf8");
    const { text } = await syncSpec({
      config: acmeConfig(),
      upstreamFile: upstreamEntry,
      current: readYaml(oursFile),
      headerComment: leadingComment(ours),
    });
    const withoutLegacy = ours.replace(/ {8}legacy:\n(?: {10}.*\n)+/, "");
    expect(text).toBe(withoutLegacy);
  });
});
