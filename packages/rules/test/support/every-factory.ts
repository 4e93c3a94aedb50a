/** A field with every shared factory, in both profiles and behind a context gate, for engine tests. */
import {
  forbidsChars,
  matches,
  maxChars,
  maxUtf8Bytes,
  minChars,
  noEdgeChars,
  noEdgeWhitespace,
  notPrefixed,
  notReserved,
  onlyRange,
  rejects,
  requiresChar,
} from "../../src/checks.js";
import type { BaseContext, FieldSpec } from "../../src/types.js";

export interface Ctx extends BaseContext {
  readonly wide: boolean;
}

const source = "test";
export const spec: FieldSpec<Ctx> = {
  name: "thing",
  label: "thing",
  rules: [
    minChars({ id: "t.min", min: 2, source }),
    maxChars({ id: "t.max", max: 20, source }),
    maxChars({ id: "t.strictMax", max: 12, source, profile: "strict" }),
    maxUtf8Bytes({ id: "t.bytes", max: 30, source }),
    noEdgeWhitespace({ id: "t.edgeSpace", source }),
    noEdgeChars({ id: "t.edgeChars", chars: "@?", source, profile: "strict" }),
    // Ā–ſ (past Latin-1): a require rule met only by units beyond the tables.
    requiresChar({ id: "t.letter", charClass: "A-Za-zéĀ-ſ", what: "letter", source }),
    forbidsChars({ id: "t.forbidden", chars: "/;ß", source }),
    onlyRange({ id: "t.latin1", from: 0x20, to: 0xff, what: "Latin-1", source, when: (c) => !c.wide }),
    notReserved({ id: "t.reserved", names: ["root", "admin"], source }),
    notReserved({ id: "t.reservedAnyCase", names: ["Public", "none"], caseInsensitive: true, source }),
    notPrefixed({ id: "t.prefix", prefix: "pg_", source, profile: "strict" }),
    matches({
      id: "t.pattern",
      pattern: "^[^x]",
      description: "no x first",
      message: () => "x first",
      source,
    }),
    rejects({ id: "t.noDigitRun", pattern: "\\d{3}", description: "", message: () => "digits", source }),
  ],
};

export const SAMPLES = ["alice", "root", "public", "pg_x", "é-name", "a b", "ok?", "abc123", "xyz", "ab"];
