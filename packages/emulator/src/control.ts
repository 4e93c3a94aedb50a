/**
 * The control API under `/_emulator/`, on the same loopback port as the vendors, so a suite in any
 * language can seed, reset, inject faults and read the request log over HTTP. Its requests are not
 * logged, faults never apply to it, and it answers only same-site requests to a loopback Host.
 */
import { EmulatorError } from "./errors.js";
import type { Fault, FaultInfo, FaultMatch, InjectedFault } from "./faults.js";
import type { Reply } from "./http.js";
import type { RecordedRequest } from "./request-log.js";
import type { VendorName } from "./vendors.js";

export const CONTROL_PREFIX = "/_emulator";

/** What the control API drives; the server implements it. */
export interface ControlTarget {
  info(): Record<string, unknown>;
  snapshot(): Record<string, unknown>;
  load(state: unknown): void;
  reset(): void;
  inject(match: FaultMatch, fault: Fault): InjectedFault;
  listFaults(): FaultInfo[];
  removeFault(id: number): boolean;
  clearFaults(): void;
  requests(vendor?: VendorName): RecordedRequest[];
  clearRequests(): void;
}

export interface ControlCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly contentType: string | undefined;
  readonly body: string;
}

const json = (status: number, body: unknown): Reply => ({ status, headers: {}, body });
const noContent = (): Reply => ({ status: 204, headers: {} });
const problem = (status: number, code: string, message: string): Reply =>
  json(status, { error: { code, message } });

function notAllowed(method: string, allowed: string): Reply {
  return {
    ...problem(405, "method-not-allowed", `${method} is not allowed here; allowed: ${allowed}`),
    headers: { allow: allowed },
  };
}

/** A JSON body, required to be declared as JSON (which also makes browsers ask first, CORS). */
function jsonBody(call: ControlCall): unknown {
  if (!/^application\/json\s*(;|$)/i.test(call.contentType ?? "")) {
    throw new EmulatorError("invalid-option", "the body must be sent as content-type application/json");
  }
  try {
    return JSON.parse(call.body) as unknown;
  } catch {
    throw new EmulatorError("invalid-option", "the body is not valid JSON");
  }
}

/** `{"regexp": "^/v2/"}` in JSON stands for a RegExp path match. */
function faultRequest(value: unknown): { match: FaultMatch; fault: Fault } {
  const given = value as { match?: unknown; fault?: unknown } | null;
  if (typeof given !== "object" || given === null || typeof given.fault !== "object") {
    throw new EmulatorError("invalid-fault", 'send {"match": {…}, "fault": {"type": …}}');
  }
  const match = { ...(given.match as Record<string, unknown> | undefined) };
  const path = match.path as { regexp?: unknown } | undefined;
  if (typeof path === "object" && path !== null) {
    if (typeof path.regexp !== "string") {
      throw new EmulatorError("invalid-fault", 'match.path must be a string or {"regexp": "<pattern>"}');
    }
    try {
      match.path = new RegExp(path.regexp);
    } catch {
      throw new EmulatorError("invalid-fault", "match.path.regexp is not a valid regular expression");
    }
  }
  return { match: match as FaultMatch, fault: given.fault as Fault };
}

/** A fault as JSON: a RegExp path becomes `{regexp}`, unlimited `remaining` becomes null. */
function faultJson(info: FaultInfo | (InjectedFault & { match: FaultMatch; fault: Fault })) {
  const { path } = info.match;
  return {
    id: info.id,
    match: { ...info.match, ...(path instanceof RegExp ? { path: { regexp: path.source } } : {}) },
    fault: info.fault,
    fired: info.fired,
    remaining: Number.isFinite(info.remaining) ? info.remaining : null,
  };
}

function route(target: ControlTarget, call: ControlCall): Reply {
  const path = call.path.slice(CONTROL_PREFIX.length).replace(/\/$/, "");
  const { method } = call;
  switch (path) {
    case "":
      return method === "GET" ? json(200, target.info()) : notAllowed(method, "GET");
    case "/state":
      if (method === "GET") return json(200, target.snapshot());
      if (method === "PUT") {
        target.load(jsonBody(call));
        return json(200, target.snapshot());
      }
      return notAllowed(method, "GET, PUT");
    case "/reset":
      if (method !== "POST") return notAllowed(method, "POST");
      target.reset();
      return noContent();
    case "/faults":
      if (method === "GET") return json(200, { faults: target.listFaults().map(faultJson) });
      if (method === "DELETE") {
        target.clearFaults();
        return noContent();
      }
      if (method === "POST") {
        const { match, fault } = faultRequest(jsonBody(call));
        const injected = target.inject(match, fault);
        return json(201, faultJson({ ...injected, match, fault }));
      }
      return notAllowed(method, "GET, POST, DELETE");
    case "/requests": {
      if (method === "DELETE") {
        target.clearRequests();
        return noContent();
      }
      if (method !== "GET") return notAllowed(method, "GET, DELETE");
      const vendor = new URLSearchParams(call.query).get("vendor") ?? undefined;
      return json(200, { requests: target.requests(vendor as VendorName | undefined) });
    }
  }
  const faultId = /^\/faults\/(\d+)$/.exec(path)?.[1];
  if (faultId !== undefined) {
    if (method !== "DELETE") return notAllowed(method, "DELETE");
    return target.removeFault(Number(faultId))
      ? noContent()
      : problem(404, "unknown-fault", `no fault ${faultId}`);
  }
  return problem(404, "not-found", `no control endpoint ${call.path}`);
}

/** Answers one control request; a refused input is a 400 naming the field, never a 500. */
export function control(target: ControlTarget, call: ControlCall): Reply {
  try {
    return route(target, call);
  } catch (error) {
    if (error instanceof EmulatorError) return problem(400, error.code, error.message);
    throw error;
  }
}
