/**
 * The guarded `Response` prototype: the platform's own body accessors, and body methods that read
 * through the response's `BodyGuard` instead.
 */

export const GUARD = Symbol("dbusers.bodyGuard");

/** What a guarded response reads through (see body-guard.ts). */
export interface BodyGuard {
  /** The whole body; `kind` names the method for the error a second read gets. */
  read(kind: string): Promise<Uint8Array>;
  /** `response.body`: a stream over the fetch's body that carries the guard. */
  stream(): ReadableStream<Uint8Array>;
  /** A second response over the same attempt, guarded the same way. */
  clone(): Response;
}

/**
 * `Response.prototype` with the body methods replaced by guarded ones, then the platform's own
 * `body` and `bodyUsed` getters and `clone`, which see the body the fetch produced rather than the
 * guarded one.
 */
export type Platform = [
  prototype: object,
  body: (this: Response) => ReadableStream<Uint8Array> | null,
  bodyUsed: (this: Response) => boolean,
  clone: (this: Response) => Response,
];

let platform: Platform | undefined;

/** The body methods, each guarded where the platform has it (`bytes()` is newer than Node 20.0). */
const KINDS = ["text", "json", "arrayBuffer", "bytes", "blob", "formData"];

/** Built on first use, so importing core never touches `Response` (a bundle may not need it). */
export function getPlatform(): Platform {
  if (platform) return platform;
  const native = Response.prototype as unknown as Record<string, () => unknown>;
  const getter = (name: string) => Object.getOwnPropertyDescriptor(native, name)!.get as never;
  const guardOf = (response: Response): BodyGuard => (response as Response & { [GUARD]: BodyGuard })[GUARD];
  const decoder = new TextDecoder();
  const prototype = Object.create(native, {
    body: {
      configurable: true,
      enumerable: true,
      get(this: Response) {
        return guardOf(this).stream();
      },
    },
  });
  prototype.clone = function (this: Response) {
    return guardOf(this).clone();
  };
  for (const kind of KINDS) {
    if (typeof native[kind] !== "function") continue;
    prototype[kind] = async function (this: Response) {
      const bytes = await guardOf(this).read(kind);
      if (kind === "text") return decoder.decode(bytes);
      if (kind === "json") return JSON.parse(decoder.decode(bytes));
      // The rest need the platform's copies and MIME type handling: let a plain Response do it.
      return (new Response(bytes, { headers: this.headers }) as unknown as typeof native)[kind]!();
    };
  }
  platform = [prototype, getter("body"), getter("bodyUsed"), native.clone as never];
  return platform;
}
