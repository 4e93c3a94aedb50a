/**
 * Randomness: secrets come from node:crypto; only fault probabilities use the seeded PRNG, so a
 * seed reproduces which requests fail without making passwords predictable.
 */
import { randomBytes, randomInt } from "node:crypto";

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh 32-bit seed, for runs that did not ask for one (it is reported so a run can be replayed). */
export function randomSeed(): number {
  return randomBytes(4).readUInt32BE(0);
}

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A crypto-random string over [A-Za-z0-9]. */
export function randomAlphanumeric(length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}

/** A crypto-random lowercase hex string. */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString("hex")
    .slice(0, length);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * PEM-looking text with crypto-random base64 inside. It is not a real certificate or key (nothing
 * parses it as one); it only looks like what DigitalOcean returns for Kafka users.
 */
export function fakePem(label: "CERTIFICATE" | "PRIVATE KEY", bytes = 768): string {
  const body = randomBytes(bytes).toString("base64");
  const lines = body.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\n");
}
