/**
 * Requests per second of `getUser` through `@dbusers/atlas` against a raw `fetch` doing the same
 * auth, in the same process and run, for both of Atlas's schemes: a service account (a bearer token,
 * fetched once by each side) and HTTP Digest (each request answers a fresh challenge: two round trips
 * on both sides, docs/vendors/atlas.md §6.1). The sides take turns one wave at a time on a fresh
 * emulator every round, as in rps.ts; the result is a ratio to raw fetch, not a time.
 */
import { createHash, randomBytes } from "node:crypto";
import { createAtlasClient } from "@dbusers/atlas";
import { startEmulator } from "@dbusers/emulator";

export const ATLAS_RPS_TARGET_RATIO = 0.9;
const MEDIA = "application/vnd.atlas.2023-01-01+json";

type Call = () => Promise<unknown>;

async function timed(call: Call, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call();
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/** The least a hand-written Digest GET does: probe, read the challenge, answer it (MD5, qop=auth). */
async function rawDigestGet(url: string, key: { publicKey: string; privateKey: string }): Promise<unknown> {
  const probe = await fetch(url, { headers: { accept: MEDIA } });
  await probe.arrayBuffer();
  const challenge = probe.headers.get("www-authenticate") ?? "";
  const realm = /realm="([^"]*)"/.exec(challenge)?.[1] ?? "";
  const nonce = /nonce="([^"]*)"/.exec(challenge)?.[1] ?? "";
  const uri = new URL(url).pathname;
  const cnonce = randomBytes(8).toString("hex");
  const ha1 = md5(`${key.publicKey}:${realm}:${key.privateKey}`);
  const response = md5(`${ha1}:${nonce}:00000001:${cnonce}:auth:${md5(`GET:${uri}`)}`);
  const authorization = `Digest username="${key.publicKey}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm="MD5", qop=auth, nc=00000001, cnonce="${cnonce}"`;
  return JSON.parse(await (await fetch(url, { headers: { accept: MEDIA, authorization } })).text());
}

export interface AtlasRpsResult {
  readonly scheme: "service account" | "digest";
  readonly concurrency: number;
  readonly requestsPerSide: number;
  readonly ratio: number;
  readonly min: number;
  readonly max: number;
}

async function round(scheme: AtlasRpsResult["scheme"], waves: number, concurrency: number) {
  const groupId = randomBytes(12).toString("hex");
  const apiKey = { publicKey: "benchkey", privateKey: randomBytes(16).toString("hex") };
  const account = { clientId: "mdb_sa_id_bench", clientSecret: randomBytes(16).toString("hex") };
  const emulator = await startEmulator({
    rateLimit: false,
    atlas: { apiKeys: [apiKey], serviceAccounts: [account], groups: [{ id: groupId, users: ["appuser01"] }] },
  });
  try {
    const url = `${emulator.url}/api/atlas/v2/groups/${groupId}/databaseUsers/admin/appuser01`;
    const client = createAtlasClient({ baseUrl: emulator.url, auth: scheme === "digest" ? apiKey : account });
    let raw: Call;
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
      const headers = { accept: MEDIA, authorization: `Bearer ${token}` };
      raw = async () => JSON.parse(await (await fetch(url, { headers })).text());
    }
    const sides: [string, Call][] = [
      ["raw", raw],
      ["client", () => client.getUser(groupId, "admin", "appuser01")],
    ];
    for (const [, call] of sides) await timed(call, 100, concurrency);
    emulator.state.clearRequests();
    const seconds = { raw: 0, client: 0 } as Record<string, number>;
    for (let wave = 0; wave < waves; wave++) {
      for (let i = 0; i < sides.length; i++) {
        const [name, call] = sides[(i + wave) % sides.length]!;
        seconds[name] = seconds[name]! + (await timed(call, concurrency, concurrency));
      }
      emulator.state.clearRequests();
    }
    await client.close();
    return seconds;
  } finally {
    await emulator.close();
  }
}

export async function measureAtlasRps(
  scheme: AtlasRpsResult["scheme"],
  concurrency: number,
  requests = 3000,
  rounds = 4,
): Promise<AtlasRpsResult> {
  const waves = Math.max(1, Math.ceil(requests / concurrency / rounds));
  let raw = 0;
  let client = 0;
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const seconds = await round(scheme, waves, concurrency);
    raw += seconds.raw!;
    client += seconds.client!;
    ratios.push(seconds.raw! / seconds.client!);
  }
  return {
    scheme,
    concurrency,
    requestsPerSide: rounds * waves * concurrency,
    ratio: raw / client,
    min: Math.min(...ratios),
    max: Math.max(...ratios),
  };
}
