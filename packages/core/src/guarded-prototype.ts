/**
 * The guarded `Response` prototype: the platform's own body accessors, and body methods that read
 * through the response's `BodyGuard` instead.
 */
import type { BodyGuard } from "./body-guard.js";

export const GUARD = Symbol("dbusers.bodyGuard");

export type GuardedResponse = Response & { [GUARD]: BodyGuard };

/** The platform's own accessors, which read the body the fetch produced rather than the guarded one. */
export interface Platform {
  readonly body: (this: Response) => ReadableStream<Uint8Array> | null;
  readonly bodyUsed: (this: Response) => boolean;
  readonly clone: (this: Response) => Response;
  /** `Response.prototype` with the body methods replaced by guarded ones. */
  readonly prototype: object;
}

let platform: Platform | undefined;

function getter<T>(name: string): (this: Response) => T {
  const get = Object.getOwnPropertyDescriptor(Response.prototype, name)?.get;
  if (get === undefined) throw new TypeError(`Response.prototype.${name} is not an accessor`);
  return get as (this: Response) => T;
}

const decoder = new TextDecoder();

function guardOf(response: Response): BodyGuard {
  const guard = (response as GuardedResponse)[GUARD];
  if (guard === undefined) throw new TypeError("Illegal invocation");
  return guard;
}

/** A method on the guarded prototype. */
function method(value: (this: Response) => unknown): PropertyDescriptor {
  return { configurable: true, writable: true, value };
}

/** Built on first use, so importing core never touches `Response` (a bundle may not need it). */
export function getPlatform(): Platform {
  if (platform !== undefined) return platform;
  const methods: PropertyDescriptorMap = {
    body: {
      configurable: true,
      enumerable: true,
      get(this: Response) {
        return guardOf(this).stream();
      },
    },
    clone: method(function () {
      return guardOf(this).clone();
    }),
    text: method(async function () {
      return decoder.decode(await guardOf(this).read("text"));
    }),
    json: method(async function () {
      return JSON.parse(decoder.decode(await guardOf(this).read("json")));
    }),
    arrayBuffer: method(async function () {
      return ownedCopy(await guardOf(this).read("arrayBuffer")).buffer;
    }),
    blob: method(async function () {
      return guardOf(this).viaPlatform("blob");
    }),
    formData: method(async function () {
      return guardOf(this).viaPlatform("formData");
    }),
  };
  // `bytes()` is newer than Node 20.0; guard it where the platform has it.
  if (typeof (Response.prototype as { bytes?: unknown }).bytes === "function") {
    methods.bytes = method(async function () {
      return ownedCopy(await guardOf(this).read("bytes"));
    });
  }
  platform = {
    body: getter("body"),
    bodyUsed: getter("bodyUsed"),
    clone: Response.prototype.clone,
    prototype: Object.create(Response.prototype, methods),
  };
  return platform;
}

/** A copy the caller may keep: a chunk can be a view into a buffer that holds other data. */
function ownedCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

export type BodyKind = "text" | "json" | "arrayBuffer" | "bytes" | "blob" | "formData";
