/** The transport-level pieces every vendor router shares: an answer value, reading and writing. */
import type { IncomingMessage, ServerResponse } from "node:http";

/** An answer a router computed, before faults and transport. `body` is JSON, or absent for no body. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** Bodies above this size are refused before they are parsed (no user request comes close). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body as read: the text, or nothing when it went past `MAX_BODY_BYTES`. */
export interface ReadBody {
  readonly body: string;
  readonly tooLarge: boolean;
}

/** Reads the whole request body as UTF-8; past `MAX_BODY_BYTES` the rest is drained and dropped. */
export function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const tooLarge = size > MAX_BODY_BYTES;
      resolve({ body: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"), tooLarge });
    });
    req.on("error", reject);
  });
}

/** The exact bytes a reply is sent as: JSON text, or nothing. */
export function replyText(reply: Reply): string | undefined {
  return reply.body === undefined ? undefined : JSON.stringify(reply.body);
}

/** Writes a reply; `text` overrides the JSON body (used by the malformed-json fault). */
export function sendReply(res: ServerResponse, reply: Reply, text = replyText(reply)): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  if (text !== undefined) {
    // A vendor may name its own JSON media type (Atlas: application/vnd.atlas.<date>+json).
    if (!("content-type" in headers)) headers["content-type"] = "application/json; charset=utf-8";
    headers["content-length"] = Buffer.byteLength(text);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}
