/**
 * openapi-fetch's `parseAs` on the template: the transport has already read the body (inside the
 * attempt's deadline), and each form is built from those bytes — the same content as reading the
 * answer directly, for JSON, text, bytes, a Blob and a stream.
 */
import { describe, expect, test } from "vitest";
import { createVendorClient, headerAuth } from "../src/index.js";
import type { paths } from "./fixtures/vendor-api.js";
import { startServer } from "./helpers/http-server.js";

const BODY = JSON.stringify({ user: { name: "é ü 名前" } });
const BYTES = new TextEncoder().encode(BODY);

async function answered() {
  const server = await startServer((res) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(BODY);
  });
  const api = createVendorClient<paths>({
    vendor: "Example",
    baseUrl: server.origin,
    auth: headerAuth("tok-123456"),
    retry: false,
  });
  return (parseAs: "json" | "text" | "arrayBuffer" | "blob" | "stream") =>
    api.GET("/users/{name}", { params: { path: { name: "a" } }, parseAs });
}

describe("parseAs", () => {
  test("json (the default) parses the body", async () => {
    const get = await answered();
    const { data } = await get("json");
    expect(data).toEqual({ user: { name: "é ü 名前" } });
  });

  test("text decodes it as UTF-8", async () => {
    const get = await answered();
    const { data } = await get("text");
    expect(data).toBe(BODY);
  });

  test("arrayBuffer gives the exact bytes, in a buffer of their own", async () => {
    const get = await answered();
    const { data } = await get("arrayBuffer");
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(data as unknown as ArrayBuffer)).toEqual(BYTES);
    expect((data as unknown as ArrayBuffer).byteLength).toBe(BYTES.byteLength);
  });

  test("blob carries the bytes and the answer's content type", async () => {
    const get = await answered();
    const { data } = await get("blob");
    const blob = data as unknown as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe("application/json; charset=utf-8");
    expect(await blob.text()).toBe(BODY);
  });

  test("stream yields the same bytes", async () => {
    const get = await answered();
    const { data } = await get("stream");
    const text = await new Response(data as unknown as ReadableStream<Uint8Array>).text();
    expect(text).toBe(BODY);
  });

  test("an answer a middleware made up is read as openapi-fetch reads it", async () => {
    const api = createVendorClient<paths>({ vendor: "Example", baseUrl: "http://127.0.0.1:9", retry: false });
    api.use({ onRequest: () => new Response(BODY, { headers: { "content-type": "application/json" } }) });
    const get = (parseAs: "json" | "text") =>
      api.GET("/users/{name}", { params: { path: { name: "a" } }, parseAs });
    expect((await get("json")).data).toEqual({ user: { name: "é ü 名前" } });
    expect((await get("text")).data).toBe(BODY);
  });
});
