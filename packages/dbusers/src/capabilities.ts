/** The capability matrix as rows of words, for the README table and `dbusers capabilities`. */
import type { Capabilities, CapabilityName } from "./vendors/types.js";

const ROWS: readonly (readonly [CapabilityName, string])[] = [
  ["passwords", "who chooses passwords"],
  ["rename", "rename a user"],
  ["hosts", "hosts (`name@host`)"],
  ["roles", "roles"],
  ["databaseAccess", "per-database access"],
  ["authTypes", "auth types and auth database"],
  ["engineSettings", "engine settings"],
  ["asyncWrites", "asynchronous writes (202)"],
];

function cell(capabilities: Capabilities, name: CapabilityName): string {
  const value = capabilities[name];
  const word = typeof value === "boolean" ? (value ? "yes" : "no") : value;
  const note = capabilities.notes[name];
  return note === undefined ? word : `${word} (${note})`;
}

/** One header row and one row per capability: the matrix the README shows. */
export function capabilityMatrix(all: readonly Capabilities[]): string[][] {
  return [
    ["capability", ...all.map((c) => `${c.displayName} (\`${c.vendor}:<${c.targetKind}>\`)`)],
    ...ROWS.map(([name, label]) => [label, ...all.map((c) => cell(c, name))]),
  ];
}

/** The matrix as a Markdown table, its columns padded the way the repository's formatter writes them. */
export function capabilityTable(all: readonly Capabilities[]): string {
  const [head, ...rows] = capabilityMatrix(all);
  const widths = head!.map((_, i) => Math.max(3, ...[head!, ...rows].map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head!), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
