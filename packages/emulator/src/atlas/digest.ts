/**
 * HTTP Digest as Atlas challenges it (docs/vendors/atlas.md §6.1): `realm="MMS Public API"`,
 * `algorithm=MD5`, `qop="auth"`, a 32-character base64 nonce. Each nonce answers one request only
 * (whether Atlas accepts a nonce twice is not confirmed, §10), and lives at most a minute.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const DIGEST_REALM = "MMS Public API";
const NONCE_TTL_MS = 60_000;
/** Bounded: a client that asks for challenges and never answers them cannot grow memory. */
const MAX_OPEN_NONCES = 10_000;

const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

/** `key="value"` and `key=token` pairs of a Digest header (values may hold `, ` inside quotes). */
export function parseDigestParams(header: string): Map<string, string> | undefined {
  const match = /^digest\s+(.*)$/is.exec(header.trim());
  if (!match) return undefined;
  const params = new Map<string, string>();
  const pair = /([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/gi;
  for (const found of match[1]!.matchAll(pair)) {
    const value = found[2] !== undefined ? found[2].replace(/\\(.)/g, "$1") : (found[3] ?? "");
    params.set(found[1]!.toLowerCase(), value);
  }
  return params;
}

export class DigestVerifier {
  /** nonce → when it stops being accepted. Map order is issue order, so the oldest go first. */
  readonly #nonces = new Map<string, number>();
  readonly #keys: ReadonlyMap<string, string>;

  /** `keys`: public key → private key. */
  constructor(keys: ReadonlyMap<string, string>) {
    this.#keys = keys;
  }

  /** A fresh `WWW-Authenticate` value, shaped like the one Atlas sends. */
  challenge(now = Date.now()): string {
    this.#prune(now);
    const nonce = randomBytes(24).toString("base64");
    this.#nonces.set(nonce, now + NONCE_TTL_MS);
    return `Digest realm="${DIGEST_REALM}", domain="", nonce="${nonce}", algorithm=MD5, qop="auth", stale=false`;
  }

  /**
   * The public key when `header` answers one of our open challenges correctly for this method and
   * request target (`uri` must be exactly the path and query that were sent); otherwise undefined.
   * The nonce is used up either way once it is named (unless `consume` is false: a look only).
   */
  verify(
    header: string,
    method: string,
    requestTarget: string,
    consume = true,
    now = Date.now(),
  ): string | undefined {
    const params = parseDigestParams(header);
    if (!params) return undefined;
    const nonce = params.get("nonce") ?? "";
    const expires = this.#nonces.get(nonce);
    if (consume) this.#nonces.delete(nonce);
    if (expires === undefined || expires < now) return undefined;
    const username = params.get("username") ?? "";
    const privateKey = this.#keys.get(username);
    const algorithm = (params.get("algorithm") ?? "MD5").toUpperCase();
    if (privateKey === undefined || algorithm !== "MD5") return undefined;
    if (params.get("realm") !== DIGEST_REALM || params.get("uri") !== requestTarget) return undefined;
    if (params.get("qop") !== "auth") return undefined;
    const nc = params.get("nc") ?? "";
    const cnonce = params.get("cnonce") ?? "";
    if (!/^[0-9a-f]{8}$/i.test(nc) || cnonce === "") return undefined;
    const ha1 = md5(`${username}:${DIGEST_REALM}:${privateKey}`);
    const ha2 = md5(`${method}:${requestTarget}`);
    const expected = Buffer.from(md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`));
    const given = Buffer.from((params.get("response") ?? "").toLowerCase());
    return given.length === expected.length && timingSafeEqual(given, expected) ? username : undefined;
  }

  /** Forgets every open challenge (after a reset). */
  clear(): void {
    this.#nonces.clear();
  }

  #prune(now: number): void {
    for (const [nonce, expires] of this.#nonces) {
      if (expires >= now && this.#nonces.size < MAX_OPEN_NONCES) break;
      this.#nonces.delete(nonce);
    }
  }
}
