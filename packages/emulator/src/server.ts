/**
 * `startEmulator`: node:http (and optionally node:https) servers on 127.0.0.1 that refuse foreign
 * `Host` headers, answer the control API, and hand every other request to the vendor owning its
 * path, with faults applied before and after the vendor answers and every request logged.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONTROL_PREFIX, type ControlTarget, control } from "./control.js";
import { EmulatorError } from "./errors.js";
import { Exchanges } from "./exchange.js";
import { type Fault, type FaultMatch, Faults, type InjectedFault } from "./faults.js";
import { isCrossSite, isOwnHost } from "./host.js";
import { readBody, sendReply } from "./http.js";
import { checkServerOptions, type EmulatorOptions, type VendorStates } from "./options.js";
import { randomSeed } from "./random.js";
import { type RecordedRequest, RequestLog } from "./request-log.js";
import { tlsMaterial } from "./tls.js";
import type { AnyVendorModule, VendorInstance } from "./vendor.js";
import { VENDOR_MODULES, type VendorName } from "./vendors.js";

export type { EmulatorOptions } from "./options.js";

export type EmulatorState = VendorStates & {
  /** The newest requests received (1,000 by default), any vendor or none, oldest first; credentials redacted. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  /** Every vendor's state as JSON, keyed by vendor: the shape of a state file (secrets included). */
  snapshot(): Record<string, unknown>;
  /** Replaces every vendor's state (a missing section empties that vendor); all or nothing. */
  load(state: unknown): void;
};

export interface EmulatorFaults {
  /** The seed in use; pass it as `faultSeed` to replay which requests a probability picked. */
  readonly seed: number;
  inject(match: FaultMatch, fault: Fault): InjectedFault;
  clear(): void;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** `https://localhost:<port>` when started with `https`; the certificate also covers 127.0.0.1. */
  readonly httpsUrl: string | undefined;
  readonly httpsPort: number | undefined;
  /** A PEM file holding the CA to trust (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, curl --cacert); removed on close. */
  readonly caCertPath: string | undefined;
  readonly state: EmulatorState;
  readonly faults: EmulatorFaults;
  /** Back to the state it started with; the request log, faults and rate-limit counts are cleared. */
  reset(): void;
  /** Stops listening and closes every connection, idle keep-alive ones included. Safe to call twice. */
  close(): Promise<void>;
}

interface Plugged {
  readonly name: VendorName;
  readonly instance: VendorInstance<unknown>;
}

class EmulatorServer implements ControlTarget {
  readonly faults: Faults;
  readonly log: RequestLog;
  readonly vendors: readonly Plugged[];
  readonly servers: Server[] = [];
  readonly ports: number[] = [];
  readonly exchanges: Exchanges;
  httpsUrl: string | undefined;
  caDir: string | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: EmulatorOptions, faultSeed: number) {
    this.faults = new Faults(faultSeed);
    this.log = new RequestLog(options.requestLog);
    this.exchanges = new Exchanges(this.faults, this.log);
    const sections = options as Record<string, unknown>;
    this.vendors = (VENDOR_MODULES as readonly AnyVendorModule[]).map((module) => ({
      name: module.name as VendorName,
      instance: module.create(sections[module.name], {
        rateLimit: options.rateLimit,
        requests: () => this.log.list(module.name as VendorName),
      }),
    }));
  }

  handler(scheme: "http" | "https") {
    return (req: IncomingMessage, res: ServerResponse) => {
      this.#onRequest(req, res, scheme).catch((error: unknown) => this.exchanges.fail(res, error));
    };
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse, scheme: "http" | "https"): Promise<void> {
    const receivedAt = Date.now();
    if (!isOwnHost(req.headers.host, this.ports)) {
      // DNS rebinding: a page on another name that resolves to 127.0.0.1. Not logged, not routed.
      req.resume();
      sendReply(res, {
        status: 403,
        headers: { connection: "close" },
        body: { id: "forbidden_host", message: "this emulator answers loopback host names only" },
      });
      return;
    }
    const url = req.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = queryAt < 0 ? "" : url.slice(queryAt + 1);
    const read = await readBody(req);
    const method = (req.method ?? "GET").toUpperCase();
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      const refused = isCrossSite(req.headers, this.ports);
      const reply = refused
        ? {
            status: 403,
            headers: {},
            body: { error: { code: "cross-site", message: "same-site requests only" } },
          }
        : control(this, { method, path, query, contentType: req.headers["content-type"], body: read.body });
      sendReply(res, reply);
      return;
    }
    const origin = `${scheme}://${req.headers.host ?? `127.0.0.1:${this.ports[0]}`}`;
    const vendor = this.vendors.find((v) => v.instance.owns(path));
    await this.exchanges.run(res, vendor?.name, vendor?.instance, {
      method,
      path,
      query,
      headers: req.headers,
      body: read.body,
      bodyTooLarge: read.tooLarge,
      origin,
      receivedAt,
    });
  }

  info(): Record<string, unknown> {
    return {
      url: `http://127.0.0.1:${this.ports[0]}`,
      httpsUrl: this.httpsUrl ?? null,
      caCertPath: this.caDir === undefined ? null : join(this.caDir, "ca.pem"),
      vendors: this.vendors.map((v) => v.name),
      faultSeed: this.faults.seed,
    };
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.vendors.map((v) => [v.name, v.instance.snapshot()]));
  }

  load(state: unknown): void {
    if (typeof state !== "object" || state === null || Array.isArray(state)) {
      throw new EmulatorError("invalid-state", "the state must be an object with one key per vendor");
    }
    const names = this.vendors.map((v) => v.name as string);
    const unknown = Object.keys(state).filter((key) => !names.includes(key));
    if (unknown.length > 0) {
      throw new EmulatorError(
        "invalid-state",
        `unknown vendor ${unknown.map((k) => JSON.stringify(k)).join(", ")}; known: ${names.join(", ")}`,
      );
    }
    const before = this.snapshot();
    try {
      for (const { name, instance } of this.vendors)
        instance.load((state as Record<string, unknown>)[name] ?? {});
    } catch (error) {
      for (const { name, instance } of this.vendors) instance.load(before[name]);
      throw error;
    }
  }

  reset(): void {
    for (const { instance } of this.vendors) instance.reset();
    this.log.clear();
    this.faults.clear();
  }

  inject = (match: FaultMatch, fault: Fault) => this.faults.inject(match, fault);
  listFaults = () => this.faults.list();
  removeFault = (id: number) => this.faults.remove(id);
  clearFaults = () => this.faults.clear();
  requests = (vendor?: VendorName) => this.log.list(vendor);
  clearRequests = () => this.log.clear();

  async listen(port: number, https: false | { port?: number }): Promise<void> {
    this.servers.push(createServer(this.handler("http")));
    if (https !== false) {
      const { key, cert, caCert } = await tlsMaterial();
      this.servers.push(createHttpsServer({ key, cert }, this.handler("https")));
      this.caDir = mkdtempSync(join(tmpdir(), "dbusers-emulator-"));
      writeFileSync(join(this.caDir, "ca.pem"), caCert);
    }
    const wanted = [port, https === false ? 0 : (https.port ?? 0)];
    for (const [i, server] of this.servers.entries()) {
      this.ports.push(await listenOn(server, wanted[i]!));
    }
    if (https !== false) this.httpsUrl = `https://localhost:${this.ports[1]}`;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.exchanges.closeAll();
      await Promise.all(
        this.servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              // Idle keep-alive sockets would hold `close` open for up to keepAliveTimeout; in-flight ones too.
              server.closeAllConnections();
            }),
        ),
      );
      if (this.caDir !== undefined) rmSync(this.caDir, { recursive: true, force: true });
    })();
    return this.#closing;
  }
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      reject(new EmulatorError("listen-failed", `cannot listen on 127.0.0.1:${port}: ${error.message}`));
    };
    server.once("error", onError);
    // 127.0.0.1 only: the emulator accepts any request from anyone who can reach it.
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts an emulator on 127.0.0.1; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const faultSeed = checkServerOptions(options) ?? randomSeed();
  const emulator = new EmulatorServer(options, faultSeed);
  const https =
    options.https === undefined || options.https === false
      ? false
      : options.https === true
        ? {}
        : options.https;
  try {
    await emulator.listen(options.port ?? 0, https);
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const { log, faults } = emulator;
  const state = {
    ...Object.fromEntries(emulator.vendors.map((v) => [v.name, v.instance.state])),
    get requests() {
      return log.list();
    },
    clearRequests: () => log.clear(),
    snapshot: () => emulator.snapshot(),
    load: (value: unknown) => emulator.load(value),
  } as EmulatorState;
  const info = emulator.info();
  return {
    url: info.url as string,
    port: emulator.ports[0]!,
    httpsUrl: emulator.httpsUrl,
    httpsPort: emulator.ports[1],
    caCertPath: (info.caCertPath as string | null) ?? undefined,
    state,
    faults: {
      seed: faults.seed,
      inject: (match, fault) => faults.inject(match, fault),
      clear: () => faults.clear(),
    },
    reset: () => emulator.reset(),
    close: () => emulator.close(),
  };
}
