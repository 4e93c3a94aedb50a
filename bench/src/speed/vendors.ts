/**
 * `getUser` for each vendor, twice per round on a fresh emulator (rate limits off: the bench sends
 * thousands of requests): through the client, and as the least a hand-written `fetch` does for the
 * same answer with the same auth (send, check the status, parse the JSON).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createAtlasClient } from "@dbusers/atlas";
import { createDigitalOceanClient } from "@dbusers/digitalocean";
import { startEmulator } from "@dbusers/emulator";
import { createRackspaceClient } from "@dbusers/rackspace";
import createClient from "openapi-fetch";
import type { Round } from "./harness.js";

/** The answer's JSON, or a thrown error for a status other than 200 (the client would throw too). */
async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  if (response.status !== 200) throw new Error(`raw fetch got ${response.status}`);
  return JSON.parse(text);
}

const DO_USER = "/v2/databases/{database_cluster_uuid}/users/{username}";
type DoPaths = {
  [DO_USER]: { get: { parameters: { path: { database_cluster_uuid: string; username: string } } } };
};

/** DigitalOcean: a bearer token. openapi-fetch alone is a third side, to show what the library costs. */
export async function digitalocean(): Promise<Round> {
  const token = `dop_v1_bench_${randomUUID()}`;
  const clusterId = randomUUID();
  const emulator = await startEmulator({
    rateLimit: false,
    digitalocean: { token, clusters: [{ id: clusterId, engine: "pg", users: ["app-01"] }] },
  });
  const url = `${emulator.url}/v2/databases/${clusterId}/users/app-01`;
  const headers = { authorization: `Bearer ${token}` };
  const openapi = createClient<DoPaths>({ baseUrl: emulator.url, headers });
  const params = { path: { database_cluster_uuid: clusterId, username: "app-01" } };
  const client = createDigitalOceanClient({ token, baseUrl: emulator.url });
  return {
    sides: [
      ["raw fetch", async () => json(await fetch(url, { headers }))],
      [
        "openapi-fetch alone",
        async () => json((await openapi.GET(DO_USER, { params, parseAs: "stream" })).response),
      ],
      ["client", () => client.getUser(clusterId, "app-01")],
    ],
    clear: () => emulator.state.clearRequests(),
    close: () => emulator.close(),
  };
}

const ATLAS_MEDIA = "application/vnd.atlas.2023-01-01+json";
const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** The least a hand-written Digest GET does: probe, read the challenge, answer it (MD5, qop=auth). */
async function rawDigestGet(url: string, key: { publicKey: string; privateKey: string }): Promise<unknown> {
  const probe = await fetch(url, { headers: { accept: ATLAS_MEDIA } });
  await probe.arrayBuffer();
  const challenge = probe.headers.get("www-authenticate") ?? "";
  const realm = /realm="([^"]*)"/.exec(challenge)?.[1] ?? "";
  const nonce = /nonce="([^"]*)"/.exec(challenge)?.[1] ?? "";
  const uri = new URL(url).pathname;
  const cnonce = randomBytes(8).toString("hex");
  const ha1 = md5(`${key.publicKey}:${realm}:${key.privateKey}`);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${md5(`GET:${uri}`)}`);
  const authorization = `Digest username="${key.publicKey}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm="MD5", qop=auth, nc=00000001, cnonce="${cnonce}"`;
  return json(await fetch(url, { headers: { accept: ATLAS_MEDIA, authorization } }));
}

/**
 * MongoDB Atlas with a service account (a bearer token, fetched once by each side) or an API key
 * (HTTP Digest: a fresh challenge per request, two round trips on both sides, docs/vendors/atlas.md §6.1).
 */
export function atlas(scheme: "service account" | "digest"): () => Promise<Round> {
  return async () => {
    const groupId = randomBytes(12).toString("hex");
    const apiKey = { publicKey: "benchkey", privateKey: randomBytes(16).toString("hex") };
    const account = { clientId: "mdb_sa_id_bench", clientSecret: randomBytes(16).toString("hex") };
    const emulator = await startEmulator({
      rateLimit: false,
      atlas: {
        apiKeys: [apiKey],
        serviceAccounts: [account],
        groups: [{ id: groupId, users: ["appuser01"] }],
      },
    });
    const url = `${emulator.url}/api/atlas/v2/groups/${groupId}/databaseUsers/admin/appuser01`;
    const client = createAtlasClient({ baseUrl: emulator.url, auth: scheme === "digest" ? apiKey : account });
    let raw: () => Promise<unknown>;
    if (scheme === "digest") {
      raw = () => rawDigestGet(url, apiKey);
    } else {
      const basic = btoa(`${account.clientId}:${account.clientSecret}`);
      const answer = await fetch(`${emulator.url}/api/oauth/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      });
      const { access_token: token } = (await answer.json()) as { access_token: string };
      const headers = { accept: ATLAS_MEDIA, authorization: `Bearer ${token}` };
      raw = async () => json(await fetch(url, { headers }));
    }
    return {
      sides: [
        ["raw fetch", raw],
        ["client", () => client.getUser(groupId, "admin", "appuser01")],
      ],
      clear: () => emulator.state.clearRequests(),
      close: async () => {
        await client.close();
        await emulator.close();
      },
    };
  };
}

const INSTANCE = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

/** Rackspace: a token from Rackspace Identity (fetched once), sent as `X-Auth-Token` by both sides. */
export async function rackspace(): Promise<Round> {
  const apiKey = randomBytes(16).toString("hex");
  const emulator = await startEmulator({
    rateLimit: false,
    rackspace: {
      accounts: [
        {
          username: "bench",
          apiKey,
          tenantId: "555",
          instances: [
            { id: INSTANCE, users: [{ name: "app.reader", host: "10.0.0.%", password: "Bench_pw_1" }] },
          ],
        },
      ],
    },
  });
  const identity = await fetch(`${emulator.url}/v2.0/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "bench", apiKey } } }),
  });
  const token = ((await identity.json()) as { access: { token: { id: string } } }).access.token.id;
  const endpoint = `${emulator.url}/v1.0/555`;
  const client = createRackspaceClient({ auth: { token, endpoint } });
  // `name@host` escaped for Trove's two decodes (docs/vendors/rackspace.md §3.1).
  const url = `${endpoint}/instances/${INSTANCE}/users/${encodeURIComponent("app%2Ereader@10%2E0%2E0%2E%25")}`;
  // What the client sends (it adds no Accept header to a GET): the same request on both sides.
  const headers = { "x-auth-token": token };
  return {
    sides: [
      ["raw fetch", async () => json(await fetch(url, { headers }))],
      ["client", () => client.getUser(INSTANCE, "app.reader", "10.0.0.%")],
    ],
    clear: () => emulator.state.clearRequests(),
    close: () => emulator.close(),
  };
}
