/**
 * Tokens issued by the emulated identity services. A token belongs to one account (tenant) and
 * expires after `tokenTtlSeconds` (Rackspace: 24 hours, docs/vendors/rackspace.md §4.1). Memory is
 * bounded: expired tokens are dropped as new ones are issued, and at most `MAX_TOKENS` are kept.
 */
import { randomBytes } from "node:crypto";

const MAX_TOKENS = 10_000;

export interface IssuedToken {
  readonly id: string;
  readonly tenantId: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export class TokenStore {
  readonly #ttlMs: number;
  readonly #tokens = new Map<string, IssuedToken>();
  #issued = 0;

  constructor(ttlSeconds: number) {
    this.#ttlMs = ttlSeconds * 1000;
  }

  get issued(): number {
    return this.#issued;
  }

  issue(tenantId: string, now = Date.now()): IssuedToken {
    if (this.#tokens.size >= MAX_TOKENS) this.#prune(now);
    // Still full of live tokens: forget the oldest (Map keeps insertion order).
    while (this.#tokens.size >= MAX_TOKENS) this.#tokens.delete(this.#tokens.keys().next().value!);
    const token: IssuedToken = {
      id: randomBytes(16).toString("hex"),
      tenantId,
      issuedAt: now,
      expiresAt: now + this.#ttlMs,
    };
    this.#tokens.set(token.id, token);
    this.#issued += 1;
    return token;
  }

  /** The live token with this id, or undefined (unknown or expired). */
  find(id: string | undefined, now = Date.now()): IssuedToken | undefined {
    if (id === undefined) return undefined;
    const token = this.#tokens.get(id);
    return token !== undefined && token.expiresAt > now ? token : undefined;
  }

  expireAll(): void {
    this.#tokens.clear();
  }

  #prune(now: number): void {
    for (const [id, token] of this.#tokens) if (token.expiresAt <= now) this.#tokens.delete(id);
  }
}
