/** The thin glue between openapi-fetch and core: a client on the transport, and `unwrap`. */
import createClient, {
  type Client,
  type ClientOptions,
  defaultPathSerializer,
  type Middleware,
  type PathSerializer,
} from "openapi-fetch";
import { assertSafeBaseUrl } from "./base-url.js";
import { assertSafePathSegment } from "./path.js";
import { parseError } from "./response.js";

export interface BaseClientOptions {
  /** Checked with `assertSafeBaseUrl`: https, or http to loopback only. */
  readonly baseUrl: string;
  /** Usually `createTransport(...)`. */
  readonly transport: typeof fetch;
  readonly querySerializer?: ClientOptions["querySerializer"];
  readonly bodySerializer?: ClientOptions["bodySerializer"];
  /** A vendor's own path encoding. Every string path parameter is checked first either way. */
  readonly pathSerializer?: PathSerializer;
  readonly headers?: ClientOptions["headers"];
  readonly middleware?: readonly Middleware[];
}

const PATH_PARAM = /\{([^{}]+)\}/g;

/** Parameter names by path template: a client has a handful of templates, asked on every call. */
const templateNames = new Map<string, readonly string[]>();

function parameterNames(pathname: string): readonly string[] {
  let names = templateNames.get(pathname);
  if (names === undefined) {
    // `{name}`, `{.name}` (label), `{;name}` (matrix), `{name*}` (explode).
    names = [...pathname.matchAll(PATH_PARAM)].map((match) => match[1]!.replace(/^[.;]|\*$/g, ""));
    // Templates come from a spec, so this stays small; the bound is for pathnames built at run time.
    if (templateNames.size >= 512) templateNames.clear();
    templateNames.set(pathname, names);
  }
  return names;
}

/** Checks the parameters a path template names with `assertSafePathSegment`, then serializes. */
export function safePathSerializer(serialize: PathSerializer = defaultPathSerializer): PathSerializer {
  return (pathname, pathParams) => {
    // Every parameter must be a non-empty primitive string: an array, a boxed string or an object
    // whose `toString` gives ".." would otherwise become a dot segment when it is serialized.
    for (const name of parameterNames(pathname)) assertSafePathSegment(name, pathParams[name]);
    return serialize(pathname, pathParams);
  };
}

/**
 * openapi-fetch quotes the body in the SyntaxError it throws for malformed JSON. This middleware
 * checks successful JSON bodies first and throws `ResponseParseError` (which never quotes) instead.
 */
export const jsonGuard: Middleware = {
  async onResponse({ request, response, options }) {
    // `parseAs` first: looking at `response.body` makes the transport build a stream for it.
    if (options.parseAs !== "json" || !response.ok) return undefined;
    if (response.status === 204 || request.method === "HEAD" || response.body === null) return undefined;
    const text = await response.text();
    try {
      if (text !== "") JSON.parse(text);
    } catch {
      throw parseError(response, request.method);
    }
    const copy = new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    Object.defineProperty(copy, "url", { value: response.url });
    return copy;
  },
};

/**
 * An openapi-fetch client whose requests go through `transport`, whose path parameters are checked
 * for dot segments, and whose malformed JSON answers throw `ResponseParseError`.
 */
export function createBaseClient<Paths extends object>(options: BaseClientOptions): Client<Paths> {
  assertSafeBaseUrl(options.baseUrl);
  const client = createClient<Paths>({
    baseUrl: options.baseUrl,
    fetch: options.transport,
    pathSerializer: safePathSerializer(options.pathSerializer),
    ...(options.querySerializer === undefined ? {} : { querySerializer: options.querySerializer }),
    ...(options.bodySerializer === undefined ? {} : { bodySerializer: options.bodySerializer }),
    ...(options.headers === undefined ? {} : { headers: options.headers }),
  });
  client.use(jsonGuard, ...(options.middleware ?? []));
  return client;
}

/** The `{ data, error, response }` an openapi-fetch call resolves to. */
export interface FetchResult<T, E> {
  readonly data?: T;
  readonly error?: E;
  readonly response: Response;
}

/**
 * `data` of a successful call, or throws what `mapError(response, error)` returns. Success is
 * `response.ok`: openapi-fetch leaves `error` undefined for an error status with an empty body.
 */
export function unwrap<T, E>(
  result: FetchResult<T, E>,
  mapError: (response: Response, error: E | undefined) => Error,
): T {
  if (result.response.ok) return result.data as T;
  throw mapError(result.response, result.error);
}
