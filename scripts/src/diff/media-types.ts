/**
 * Versioned media types: vendors such as MongoDB Atlas version each resource by media type
 * (`application/vnd.atlas.2023-01-01+json`) and serve the version a client names in `Accept`. A
 * new version beside the old one is therefore additive (nobody receives it without asking), while
 * the version a client sends disappearing, or getting a sunset date, is what needs attention.
 */

const VERSIONED = /^application\/vnd\.([a-z0-9.-]+?)\.(\d{4}-\d{2}-\d{2})\+json$/i;

/** `{ family, version }` of a versioned media type, or undefined for any other type. */
export function mediaVersion(type: string): { family: string; version: string } | undefined {
  const match = VERSIONED.exec(type);
  return match ? { family: match[1]!.toLowerCase(), version: match[2]! } : undefined;
}

/** True when `type` is a new version of a versioned media type `existing` already has. */
export function isNewVersionOf(type: string, existing: readonly string[]): boolean {
  const version = mediaVersion(type);
  if (!version) return false;
  return existing.some((other) => mediaVersion(other)?.family === version.family);
}
