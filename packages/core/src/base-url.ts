/** Where a client may send credentials: https anywhere, plain http only to this machine. */
import { UnsafeUrlError, type UnsafeUrlRule } from "./request-errors.js";

/**
 * True for hosts that never leave the machine: `localhost`, 127.0.0.0/8 and `::1` (also written as
 * the IPv4-mapped `::ffff:127.x.y.z`). Takes `URL.hostname`, which the URL parser has normalized
 * (`127.1` → `127.0.0.1`, `[0:0::1]` → `[::1]`).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost") return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (host === "[::1]") return true;
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}\]$/.exec(host);
  return mapped !== null && Number.parseInt(mapped[1]!, 16) >> 8 === 0x7f;
}

/**
 * `assertSafeUrl`, and no `?query` or `#fragment`: the API path is appended to a base URL, so it
 * would land inside them (`…/users/victim#` + `/users/other` addresses `victim`).
 */
export function assertSafeBaseUrl(url: string | URL): URL {
  const parsed = assertSafeUrl(url);
  // The serialized form: `?` or `#` there can only start a query or a fragment (even an empty one).
  if (/[?#]/.test(parsed.href)) {
    return refuse(parsed, "query-or-fragment", "a base URL cannot carry a ?query or #fragment");
  }
  return parsed;
}

/**
 * Parses `url` and refuses what would leak credentials: plain `http://` to anything but loopback,
 * user info in the URL, and schemes other than http(s). Throws `UnsafeUrlError` naming the rule.
 */
export function assertSafeUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return refuse(String(url), "invalid-url", "it is not a valid absolute URL");
  }
  if (parsed.username !== "" || parsed.password !== "") {
    return refuse(
      parsed,
      "credentials-in-url",
      "it carries user info; pass credentials to the client instead",
    );
  }
  if (parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) {
    return parsed;
  }
  return refuse(
    parsed,
    parsed.protocol === "http:" ? "https-required" : "unsupported-scheme",
    "use https:// (plain http:// is only for localhost, 127.0.0.0/8 and ::1)",
  );
}

/** One message for every rule: the refused scheme and host (never the rest, which may hold secrets), then why. */
function refuse(url: string | URL, rule: UnsafeUrlRule, why: string): never {
  const shown = typeof url === "string" ? "" : ` ${url.protocol}//${url.host}`;
  throw new UnsafeUrlError({ url, rule, message: `Refusing base URL${shown}: ${why}` });
}
