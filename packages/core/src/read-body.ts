/** Reading an answer's body within the attempt, under a size cap, and handing it on again. */
import { answerOf, type CallRecord, recordAnswer } from "./call-info.js";
import { ResponseTooLargeError } from "./request-errors.js";

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const NO_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const tooLarge = (call: CallRecord, status: number, limitBytes: number) =>
  new ResponseTooLargeError({ ...call.info, status, limitBytes });

const toBytes = (buffer: ArrayBuffer) => new Uint8Array(buffer);

/**
 * The whole body, or `ResponseTooLargeError` (naming `call`) thrown as soon as it passes `limit`
 * (read chunk by chunk). Not an async function: the usual answer (a declared length within the cap)
 * is one `arrayBuffer()` with nothing else kept alive while it is read.
 */
export function readBody(response: Response, limit: number, call: CallRecord): Promise<Uint8Array> {
  const declared = response.headers.get("content-length");
  // A declared length within the cap bounds what the HTTP parser reads: read it in one go.
  if (declared !== null && Number(declared) <= limit && response.body !== null) {
    return response.arrayBuffer().then(toBytes);
  }
  return readCapped(response, declared, limit, call);
}

async function readCapped(
  response: Response,
  declared: string | null,
  limit: number,
  call: CallRecord,
): Promise<Uint8Array> {
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(call, response.status, limit);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(call, response.status, limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * A plain `Response` whose body can be read (again), from a response the transport already read:
 * for code that reads bodies itself (a strategy's token request, openapi-fetch's error branch).
 * Building one costs a new stream, so successes handed to the typed client skip it.
 */
export function readable(response: Response): Response {
  const answer = answerOf(response);
  if (answer === undefined) return response;
  const { body, call } = answer;
  const copy = new Response(NO_BODY_STATUSES.has(response.status) || body.byteLength === 0 ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperty(copy, "url", { value: response.url || call.url });
  recordAnswer(copy, call, body);
  return copy;
}
