import { describe, expect, it, vi } from "vitest";
import {
  ONE_WEEK_MS,
  parseAtlasDate,
  SERVER_DATE_PATTERN,
  STRICT_DATE_PATTERN,
} from "../../src/providers/atlas/dates.js";
import { validateField } from "../../src/providers/atlas/index.js";
import { fc, test } from "../support/fc.js";
import { fieldIds, NOW, WEEK } from "./helpers.js";

const date = (v: string, now: Date = NOW) => ({
  strict: fieldIds("deleteAfterDate", v, "strict", "SCRAM", now),
  server: fieldIds("deleteAfterDate", v, "server", "SCRAM", now),
});
const ok = { strict: [], server: [] };
const F = "atlas.deleteAfterDate.future";
const W = "atlas.deleteAfterDate.withinOneWeek";
const R = "atlas.deleteAfterDate.rfc3339";
const FMT = "atlas.deleteAfterDate.format";
const iso = (ms: number) => new Date(ms).toISOString();

describe("atlas deleteAfterDate", () => {
  it("one week is 604800000 ms", () => expect(ONE_WEEK_MS).toBe(604_800_000));

  it("the CLI e2e value (now + 1 day - 1 s) is accepted", () => {
    expect(date("2026-08-11T03:06:07Z")).toEqual(ok);
  });

  it("future is exclusive: now fails, now + 1 ms passes", () => {
    expect(date(iso(NOW.getTime()))).toEqual({ strict: [F], server: [F] });
    expect(date("2026-08-10T03:06:08Z")).toEqual({ strict: [F], server: [F] });
    expect(date(iso(NOW.getTime() + 1))).toEqual(ok);
    expect(date(iso(NOW.getTime() - 1))).toEqual({ strict: [F], server: [F] });
    expect(date("2026-08-10T03:06:08.0000001Z").server).toEqual([]);
    expect(date("2026-08-10T03:06:08.0000000Z").server).toEqual([F]);
    expect(date("2026-08-10T03:06:07.9990001Z").server).toEqual([F]);
    expect(date("2026-08-17T03:06:07.9990001Z").server).toEqual([]);
  });

  it("one week is inclusive: now + 7 d passes, one millisecond (or less) more fails", () => {
    expect(date(iso(NOW.getTime() + WEEK))).toEqual(ok);
    expect(date("2026-08-17T03:06:08Z")).toEqual(ok);
    expect(date("2026-08-17T03:06:08.000000000Z")).toEqual(ok);
    expect(date("2026-08-17T03:06:08.001Z")).toEqual({ strict: [W], server: [W] });
    expect(date("2026-08-17T03:06:08.0001Z")).toEqual({ strict: [W], server: [W] });
    expect(date("2026-08-17T03:06:08.0000000001Z")).toEqual({ strict: [R, W], server: [W] });
    expect(date("2026-09-10T03:06:08Z")).toEqual({ strict: [W], server: [W] });
  });

  it("offsets move the instant: +02:00 is two hours earlier in UTC", () => {
    expect(date("2026-08-17T05:06:08+02:00")).toEqual(ok);
    expect(date("2026-08-17T05:06:09+02:00")).toEqual({ strict: [W], server: [W] });
    expect(date("2026-08-17T01:06:08-02:00")).toEqual(ok);
    expect(date("2026-08-17T01:06:09-02:00")).toEqual({ strict: [W], server: [W] });
    expect(date("2026-08-10T05:06:08+02:00")).toEqual({ strict: [F], server: [F] });
    expect(date("2026-08-10T05:06:08+0200")).toEqual({ strict: [R, F], server: [F] });
    expect(date("2026-08-10T03:36:08+00:30")).toEqual({ strict: [F], server: [F] });
  });

  it("date-only passes in both (MongoDB's tools send it; the server echoes midnight UTC); no zone passes on the server only", () => {
    expect(date("2026-08-11")).toEqual(ok);
    expect(date("2026-08-10")).toEqual({ strict: [F], server: [F] });
    expect(date("2020-07-28", new Date("2020-07-27T12:00:00Z"))).toEqual(ok);
    expect(date("2026-02-30", new Date("2026-02-27T00:00:00Z"))).toEqual({ strict: [R], server: [] });
    expect(date("2026-08-11T03:06:07")).toEqual({ strict: [R], server: [] });
    expect(date("2026-08-11T03:06")).toEqual({ strict: [R], server: [] });
    expect(date("2026-08-10T03:06")).toEqual({ strict: [R, F], server: [F] });
    expect(date("2026-08-11t03:06:07z")).toEqual({ strict: [R], server: [] });
  });

  it("strict: RFC 3339 with a real calendar day, ≤ 9 fraction digits, no leap second", () => {
    const at = new Date("2028-02-25T00:00:00Z");
    expect(date("2028-02-29T00:00:00Z", at)).toEqual(ok);
    expect(date("2027-02-29T00:00:00Z", new Date("2027-02-25T00:00:00Z"))).toEqual({
      strict: [R],
      server: [],
    });
    expect(date("2026-04-31T00:00:00Z", new Date("2026-04-28T00:00:00Z"))).toEqual({
      strict: [R],
      server: [],
    });
    expect(date("2026-08-11T03:06:07.123456789Z")).toEqual(ok);
    expect(date("2026-08-11T03:06:07.1234567890Z")).toEqual({ strict: [R], server: [] });
    expect(date("2026-08-11T23:59:60Z")).toEqual({ strict: [R], server: [] });
    expect(date("2026-08-11T03:06:07.Z")).toEqual({ strict: [FMT, R], server: [FMT] });
  });

  it("leap years in the strict pattern: 2000 and 2400 are, 1900 and 2100 are not", () => {
    const re = new RegExp(STRICT_DATE_PATTERN, "u");
    for (const y of ["2000", "2400", "2024", "2028", "0000", "0004", "1996"])
      expect(re.test(`${y}-02-29T00:00:00Z`)).toBe(true);
    for (const y of ["1900", "2100", "2027", "2026", "0001", "1800"])
      expect(re.test(`${y}-02-29T00:00:00Z`)).toBe(false);
    for (const md of ["01-31", "03-31", "04-30", "06-30", "09-30", "11-30", "12-31", "02-28"])
      expect(re.test(`2026-${md}T00:00:00Z`)).toBe(true);
    for (const md of ["04-31", "06-31", "09-31", "11-31", "02-30", "00-10", "13-01", "01-00", "01-32"])
      expect(re.test(`2026-${md}T00:00:00Z`)).toBe(false);
  });

  it.each([
    "",
    "tomorrow",
    "2026-8-11",
    "26-08-11",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-08-32T00:00:00Z",
    "2026-08-11T24:00:00Z",
    "2026-08-11T03:60:00Z",
    "2026-08-11T03:06:61Z",
    "2026-08-11 03:06:07Z",
    "2026-08-11T03:06:07+24:00",
    "2026-08-11T03:06:07+02",
    " 2026-08-11T03:06:07Z",
    "1786417567000",
  ])("%s is not a date either profile reads", (v) => {
    expect(date(v)).toEqual({ strict: [FMT, R], server: [FMT] });
  });

  it("years below 100 stay themselves (not 19xx)", () => {
    const old = new Date("0050-01-01T00:00:00Z");
    expect(date("0050-01-02T00:00:00Z", old)).toEqual(ok);
    expect(date("0050-01-02", old).server).toEqual([]);
    expect(parseAtlasDate("0050-01-02")!.ms).toBe(old.getTime() + 86_400_000);
  });

  it("a day past the month's end rolls over on the server, as lenient parsers do", () => {
    expect(parseAtlasDate("2027-02-29")!.ms).toBe(Date.parse("2027-03-01T00:00:00Z"));
    expect(parseAtlasDate("2026-08-11T23:59:60Z")!.ms).toBe(Date.parse("2026-08-12T00:00:00Z"));
    expect(parseAtlasDate("2026-08-11T03:06:07.5")).toEqual({
      ms: Date.parse("2026-08-11T03:06:07.500Z"),
      subMs: false,
    });
    expect(parseAtlasDate("2026-08-11T03:06:07.12340")).toEqual({
      ms: Date.parse("2026-08-11T03:06:07.123Z"),
      subMs: true,
    });
    expect(parseAtlasDate("nope")).toBeUndefined();
  });

  it("messages and params carry now and the latest accepted instant", () => {
    const [f] = validateField("deleteAfterDate", "2026-08-01T00:00:00Z", { now: NOW });
    expect(f!.params).toEqual({ now: "2026-08-10T03:06:08.000Z" });
    expect(f!.message).toBe(
      "deletion date is not in the future (now is 2026-08-10T03:06:08.000Z); MongoDB Atlas requires a future date",
    );
    const [w] = validateField("deleteAfterDate", "2026-09-01T00:00:00Z", { now: NOW });
    expect(w!.params).toEqual({ latest: "2026-08-17T03:06:08.000Z", maxDays: 7 });
    expect(w!.message).toContain("more than 7 days");
    expect(w!.message).toContain("at most 2026-08-17T03:06:08.000Z");
    const [fmt] = validateField("deleteAfterDate", "soon", { profile: "server" });
    expect(fmt!.message).toContain("2026-08-11T03:06:07Z");
    const [r] = validateField("deleteAfterDate", "2026-08-11T03:06", { now: NOW });
    expect(r!.message).toContain("RFC 3339");
  });

  it("now at the end of the Date range still reports", () => {
    const end = new Date(8.64e15);
    const [v] = validateField("deleteAfterDate", "2026-08-11T03:06:07Z", { now: end, profile: "server" });
    expect(v!.rule).toBe(F);
    expect(v!.params).toEqual({ now: "+275760-09-13T00:00:00.000Z" });
  });

  it("reads the clock when the rule runs, when no now is given", () => {
    const spy = vi.spyOn(Date, "now").mockReturnValue(NOW.getTime());
    try {
      expect(fieldIds("deleteAfterDate", "2026-08-11T03:06:07Z")).toEqual([]);
      expect(fieldIds("deleteAfterDate", "2026-08-18T03:06:07Z")).toEqual([W]);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  const offsetMinutes = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });
  const zone = (m: number) =>
    m === 0
      ? "Z"
      : `${m < 0 ? "-" : "+"}${String(Math.trunc(Math.abs(m) / 60)).padStart(2, "0")}:${String(Math.abs(m) % 60).padStart(2, "0")}`;
  test.prop([fc.integer({ min: 1, max: WEEK }), offsetMinutes, fc.boolean()])(
    "any instant in (now, now + 7 d], in any zone, passes both profiles",
    (delta, offset, millis) => {
      const t = NOW.getTime() + delta;
      const local = new Date(t + offset * 60_000).toISOString();
      const text = (millis ? local.slice(0, 23) : local.slice(0, 19)) + zone(offset);
      const instant = millis ? t : t - (t % 1000);
      const expected = instant > NOW.getTime() ? [] : [F];
      expect(date(text)).toEqual({ strict: expected, server: expected });
      expect(parseAtlasDate(text)!.ms).toBe(instant);
    },
  );

  test.prop([fc.integer({ min: -10 * WEEK, max: 10 * WEEK })])(
    "outside the window fails with exactly one id",
    (delta) => {
      const text = iso(NOW.getTime() + delta);
      const expected = delta <= 0 ? [F] : delta > WEEK ? [W] : [];
      expect(date(text)).toEqual({ strict: expected, server: expected });
    },
  );

  test.prop([fc.string({ maxLength: 40 })])("strict format ⊆ server format", (v) => {
    if (new RegExp(STRICT_DATE_PATTERN, "u").test(v))
      expect(new RegExp(SERVER_DATE_PATTERN, "u").test(v)).toBe(true);
  });
});
