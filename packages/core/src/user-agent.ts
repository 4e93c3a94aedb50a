/** The `User-Agent` a client sends: its own name and version, then the runtime. */

export interface UserAgentProduct {
  /** A package name such as `@dbusers/digitalocean`; it is turned into a header token. */
  readonly name: string;
  readonly version?: string;
}

/** Header tokens allow only these characters (RFC 9110 `tchar`). */
function toToken(text: string): string {
  const token = text
    .replace(/^@/, "")
    .replace(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return token === "" ? "unknown" : token;
}

function product(item: UserAgentProduct | string): string {
  if (typeof item === "string") return toToken(item);
  return item.version === undefined ? toToken(item.name) : `${toToken(item.name)}/${toToken(item.version)}`;
}

/**
 * `buildUserAgent({ name: "@dbusers/atlas", version: "1.2.0" })` →
 * `dbusers-atlas/1.2.0 node/20.20.2`. Every part is reduced to header-token characters, so no
 * input can inject a header line.
 */
export function buildUserAgent(...products: ReadonlyArray<UserAgentProduct | string>): string {
  const parts = products.map(product);
  const node = typeof process === "object" ? process.versions?.node : undefined;
  if (typeof node === "string") parts.push(`node/${toToken(node)}`);
  return parts.join(" ");
}
