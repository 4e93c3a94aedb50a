/**
 * Who may talk to the emulator. It listens on 127.0.0.1 only, but a web page can still reach it
 * through DNS rebinding (a name of the attacker's that resolves to 127.0.0.1, sent as `Host:`), or
 * by sending a cross-site request from the browser. So the `Host` must be a loopback name on one of
 * the emulator's own ports, and the control API also refuses requests a browser marks cross-site.
 */
import type { IncomingHttpHeaders } from "node:http";

const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** `localhost:4010` → `["localhost", "4010"]`; `[::1]:4010` → `["[::1]", "4010"]`. */
function splitHost(host: string): [string, string | undefined] {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host.trim().toLowerCase());
  return match ? [match[1]!, match[2]] : ["", undefined];
}

/** Whether a `Host` header names this emulator: a loopback name, with no port or one of `ports`. */
export function isOwnHost(host: string | undefined, ports: readonly number[]): boolean {
  // HTTP/1.0 may leave Host out; browsers, the only rebinding vector, always send it.
  if (host === undefined) return true;
  const [name, port] = splitHost(host);
  if (!LOOPBACK_NAMES.has(name)) return false;
  return port === undefined || ports.includes(Number(port));
}

/** Whether a browser says the request comes from another site (`Origin`, `Sec-Fetch-Site`). */
export function isCrossSite(headers: IncomingHttpHeaders, ports: readonly number[]): boolean {
  const site = headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return true;
  const origin = headers.origin;
  if (origin === undefined) return false;
  try {
    const url = new URL(origin);
    return !isOwnHost(url.host, ports) || url.port === "";
  } catch {
    return true;
  }
}
