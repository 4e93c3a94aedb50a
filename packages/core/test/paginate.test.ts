/**
 * Paging strategies over a real server: Atlas-style page numbers (stop on a short page or at
 * `totalCount`) and Trove-style markers (the `next` link's marker decoded once, a repeated marker
 * refused instead of looping).
 */
import { describe, expect, test } from "vitest";
import {
  createVendorClient,
  markers,
  type PageNumber,
  PagingError,
  pageNumbers,
  paginate,
} from "../src/index.js";
import type { paths } from "./fixtures/vendor-api.js";
import { type Answer, reply, startServer } from "./helpers/http-server.js";

type User = { name: string };
type Page = { results: User[]; totalCount?: number; links?: { rel: string; href: string }[] };

const users = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `u${from + i}` }));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

function api(origin: string) {
  return createVendorClient<paths>({ vendor: "Example", baseUrl: origin, retry: false });
}

describe("page numbers", () => {
  const listPage = (client: ReturnType<typeof api>) => (cursor: PageNumber) =>
    client.result(client.GET("/users", { params: { query: cursor } }), [200]) as Promise<Page>;

  test("asks page after page until a short page", async () => {
    const server = await startServer(
      reply(200, { results: users(0, 2) }),
      reply(200, { results: users(2, 2) }),
      reply(200, { results: users(4, 1) }),
    );
    const all = await collect(
      paginate(listPage(api(server.origin)), pageNumbers({ itemsPerPage: 2, items: (p: Page) => p.results })),
    );
    expect(all.map((u) => u.name)).toEqual(["u0", "u1", "u2", "u3", "u4"]);
    expect(server.seen.map((r) => r.url)).toEqual([
      "/users?pageNum=1&itemsPerPage=2",
      "/users?pageNum=2&itemsPerPage=2",
      "/users?pageNum=3&itemsPerPage=2",
    ]);
  });

  test("stops at totalCount without asking for an empty page", async () => {
    const server = await startServer(
      reply(200, { results: users(0, 2), totalCount: 4 }),
      reply(200, { results: users(2, 2), totalCount: 4 }),
    );
    const strategy = pageNumbers({
      itemsPerPage: 2,
      items: (p: Page) => p.results,
      totalCount: (p: Page) => p.totalCount,
    });
    const all = await collect(paginate(listPage(api(server.origin)), strategy));
    expect(all).toHaveLength(4);
    expect(server.seen).toHaveLength(2);
  });
});

describe("markers", () => {
  const next = (marker: string): Page["links"] => [
    { rel: "next", href: `https://db.example.com/v1.0/1/users?limit=2&marker=${marker}` },
  ];
  const listPage = (client: ReturnType<typeof api>) => (cursor: { marker?: string }) =>
    client.result(
      client.GET("/users", { params: { query: { limit: 2, ...cursor } } }),
      [200],
    ) as Promise<Page>;
  const strategy = markers({
    items: (p: Page) => p.results,
    nextLink: (p: Page) => p.links?.find((l) => l.rel === "next")?.href,
  });

  test("follow the next link's marker, decoded once and encoded once again", async () => {
    const server = await startServer(
      reply(200, { results: users(0, 2), links: next("a%40b%2520c") }),
      reply(200, { results: users(2, 1) }),
    );
    const all = await collect(paginate(listPage(api(server.origin)), strategy));
    expect(all).toHaveLength(3);
    // `a%40b%2520c` decodes once to `a@b%20c`, which the query serializer encodes once again.
    expect(server.seen.map((r) => r.url)).toEqual(["/users?limit=2", "/users?limit=2&marker=a%40b%2520c"]);
  });

  test("a marker sent twice is a PagingError, not a loop", async () => {
    const server = await startServer(
      reply(200, { results: users(0, 2), links: next("m1") }),
      reply(200, { results: users(2, 2), links: next("m1") }),
    );
    const error = await collect(paginate(listPage(api(server.origin)), strategy)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect(error).toMatchObject({ code: "PAGING_FAILED", rule: "repeated-cursor" });
    expect(server.seen).toHaveLength(2);
  });

  test("a next link without a marker is a PagingError", async () => {
    const answer: Answer = reply(200, {
      results: users(0, 2),
      links: [{ rel: "next", href: "https://x/users?limit=2" }],
    });
    const server = await startServer(answer);
    await expect(collect(paginate(listPage(api(server.origin)), strategy))).rejects.toMatchObject({
      rule: "missing-marker",
    });
  });
});

test("maxPages bounds a server that never says last", async () => {
  let n = 0;
  const pages = paginate(
    async () => ({ results: users(n++, 1) }),
    pageNumbers({ itemsPerPage: 1, items: (p: Page) => p.results }),
    { maxPages: 5 },
  );
  await expect(collect(pages)).rejects.toMatchObject({ rule: "too-many-pages" });
});
