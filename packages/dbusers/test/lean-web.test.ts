/**
 * The binary's lean Headers, Request and Response (src/cli/lean-web.ts) behave as the platform's
 * for what the clients use: the same answers for the same calls, on generated header lists.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LeanHeaders, LeanRequest, LeanResponse } from "../src/cli/lean-web.js";

const name = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);
const value = fc.stringMatching(/^[ -~\t]{0,20}$/);
const ops = fc.array(fc.tuple(fc.constantFrom("append", "set", "delete"), name, value), { maxLength: 20 });

function replay<
  H extends { append(n: string, v: string): void; set(n: string, v: string): void; delete(n: string): void },
>(headers: H, steps: readonly (readonly [string, string, string])[]): H {
  for (const [op, n, v] of steps) {
    if (op === "append") headers.append(n, v);
    else if (op === "set") headers.set(n, v);
    else headers.delete(n);
  }
  return headers;
}

describe("LeanHeaders", () => {
  test.prop([ops, name])("answers as the platform's Headers after any append/set/delete", (steps, probe) => {
    const lean = replay(new LeanHeaders(), steps);
    const real = replay(new Headers(), steps);
    expect([...lean]).toEqual([...real]);
    expect(lean.get(probe)).toBe(real.get(probe));
    expect(lean.has(probe.toUpperCase())).toBe(real.has(probe.toUpperCase()));
    expect([...new LeanHeaders(lean)]).toEqual([...new Headers(real)]);
    expect(lean.getSetCookie()).toEqual(real.getSetCookie());
  });

  test("builds from records and pairs, and refuses what the platform refuses", () => {
    expect([...new LeanHeaders({ B: "2", a: " 1 " })]).toEqual([...new Headers({ B: "2", a: " 1 " })]);
    expect([
      ...new LeanHeaders([
        ["x", "1"],
        ["X", "2"],
      ]),
    ]).toEqual([
      ...new Headers([
        ["x", "1"],
        ["X", "2"],
      ]),
    ]);
    for (const [n, v] of [
      ["bad name", "v"],
      ["ok", "a\r\nInjected: yes"],
      ["", "v"],
      ["ok", "nul\0"],
    ] as const) {
      expect(() => new Headers().set(n, v)).toThrow(TypeError);
      expect(() => new LeanHeaders().set(n, v)).toThrow(TypeError);
    }
  });
});

describe("LeanResponse and LeanRequest", () => {
  test("a Response reads once, as text, JSON, bytes or through its reader", async () => {
    const init = { status: 201, statusText: "Created", headers: { "content-type": "application/json" } };
    const lean = new LeanResponse('{"a":1}', init);
    const real = new Response('{"a":1}', init);
    expect([lean.status, lean.statusText, lean.ok, lean.headers.get("content-type")]).toEqual([
      real.status,
      real.statusText,
      real.ok,
      real.headers.get("content-type"),
    ]);
    expect(await lean.clone().json()).toEqual(await real.clone().json());
    const reader = lean.clone().body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"a":1}');
    expect((await reader.read()).done).toBe(true);
    expect(await lean.text()).toBe(await real.text());
    await expect(lean.text()).rejects.toThrow(TypeError);
    await expect(real.text()).rejects.toThrow(TypeError);
    expect(new LeanResponse(null, { status: 204 }).body).toBeNull();
    expect(() => new LeanResponse(null, { status: 99 })).toThrow(RangeError);
  });

  test("a Request keeps method, URL, headers, body and signal, and clones", async () => {
    const controller = new AbortController();
    const init = { method: "post", headers: { "x-a": "1" }, body: '{"b":2}', signal: controller.signal };
    const lean = new LeanRequest("http://127.0.0.1:1/x?y=1", init);
    const real = new Request("http://127.0.0.1:1/x?y=1", init);
    expect([lean.method, lean.url, lean.headers.get("x-a")]).toEqual([
      real.method,
      real.url,
      real.headers.get("x-a"),
    ]);
    expect(await lean.clone().text()).toBe(await real.clone().text());
    expect(lean.signal).toBe(controller.signal);
    expect(() => new LeanRequest("http://127.0.0.1:1/", { method: "GET", body: "x" })).toThrow(TypeError);
  });
});
