/**
 * `deleteAfterDate`: formats and the "future, within one week" window (SPEC `deleteAfterDate`;
 * SEED; docs/vendors/atlas.md §7). The window is measured against `ctx.now`, or the clock read when the rule runs.
 *
 * Boundaries (exact to the millisecond, and beyond: digits past the millisecond are honoured):
 * - future: the instant must be strictly after now (equal to now is not in the future);
 * - one week: the instant may be at most exactly 7 × 24 h after now (that instant is inside).
 */
import { matches } from "../../checks.js";
import type { Rule } from "../../types.js";
import { type AtlasContext, nowOf } from "./context.js";

/** 7 × 24 h in milliseconds: the server measures in UTC, so no daylight-saving day is shorter. */
export const ONE_WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What the server takes (profile "both"): an RFC 3339 date-time (`T`/`t`, `Z`/`z`, fraction, offset)
 * or a date alone, which the server echoed as midnight UTC (`2020-07-28` → `2020-07-28T00:00:00Z`,
 * docs/vendors/atlas.md §7). SPEC prose says the value "can include the time zone designation", so the zone is
 * optional (then UTC), and so are the seconds, as in ISO 8601. Field ranges only: a day 31 in a
 * 30-day month is not refused here (lenient Java parsers roll it over), the strict rule refuses it.
 */
export const SERVER_DATE_PATTERN = String.raw`^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(?:[Tt]([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]|60)(?:\.([0-9]+))?)?(?:[Zz]|([+-])([01][0-9]|2[0-3]):?([0-5][0-9]))?)?$`;

const YEAR = "[0-9]{4}";
const LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
const MONTH_DAY =
  "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))";

/**
 * Strict: a real calendar day, alone (a date MongoDB's tools send and the server reads as midnight
 * UTC, docs/vendors/atlas.md §7) or as SPEC `format: date-time` (RFC 3339 §5.6) with an upper-case
 * `T` and `Z` and at most 9 fraction digits (what Java's ISO_OFFSET_DATE_TIME parses), no leap second.
 */
export const STRICT_DATE_PATTERN = String.raw`^(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))?$`;

const SERVER_DATE = new RegExp(SERVER_DATE_PATTERN, "u");

export interface Instant {
  /** Milliseconds since the epoch (fraction digits past the millisecond cut off). */
  readonly ms: number;
  /** Whether a non-zero digit follows the millisecond (the instant is a little later than `ms`). */
  readonly subMs: boolean;
}

/** The instant a server-format value names (no zone: UTC), or undefined when it is not one. */
export function parseAtlasDate(v: string): Instant | undefined {
  const m = SERVER_DATE.exec(v);
  if (m === null) return undefined;
  // Absent groups are undefined; Number(undefined ?? 0) reads them as 0.
  const [, y, mo, d, h, mi, s, frac = "", sign, oh, om] = m;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as they are; both roll a day 31 over.
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Number(frac.padEnd(3, "0").slice(0, 3)));
  const offset = sign === undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return { ms: date.getTime() - offset, subMs: /[1-9]/.test(frac.slice(3)) };
}

// Both instants are valid Dates where used: now is one, and a failing "latest" is below a parsed year-9999 date.
const iso = (ms: number) => new Date(ms).toISOString();

export function dateRules(): Rule<AtlasContext>[] {
  return [
    matches<AtlasContext>({
      id: "atlas.deleteAfterDate.format",
      pattern: SERVER_DATE_PATTERN,
      message: (_p, f) =>
        `${f.label} is not a date ${f.vendor} reads; use an ISO 8601 date-time such as 2026-08-11T03:06:07Z`,
    }),
    matches<AtlasContext>({
      id: "atlas.deleteAfterDate.rfc3339",
      profile: "strict",
      pattern: STRICT_DATE_PATTERN,
      message: (_p, f) =>
        `${f.label} is neither a calendar date nor an RFC 3339 date-time as the ${f.vendor} API documents it; use e.g. 2026-08-11 or 2026-08-11T03:06:07Z`,
    }),
    {
      id: "atlas.deleteAfterDate.future",
      profile: "both",
      check: (v, ctx) => {
        const at = parseAtlasDate(v);
        if (at === undefined) return undefined;
        const now = nowOf(ctx);
        return at.ms > now || (at.ms === now && at.subMs) ? undefined : { now: iso(now) };
      },
      message: (p, f) =>
        `${f.label} is not in the future (now is ${p.now as string}); ${f.vendor} requires a future date`,
    },
    {
      id: "atlas.deleteAfterDate.withinOneWeek",
      profile: "both",
      check: (v, ctx) => {
        const at = parseAtlasDate(v);
        if (at === undefined) return undefined;
        const latest = nowOf(ctx) + ONE_WEEK_MS;
        return at.ms < latest || (at.ms === latest && !at.subMs)
          ? undefined
          : { latest: iso(latest), maxDays: 7 };
      },
      message: (p, f) =>
        `${f.label} is more than 7 days from now; ${f.vendor} allows at most ${p.latest as string} (one week after the request)`,
    },
  ];
}
