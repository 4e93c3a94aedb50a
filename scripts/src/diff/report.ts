import { bundleOperations } from "../lib/bundle.js";
import { clone } from "../lib/json.js";
import { upgradeTo31 } from "../sync/upgrade.js";
import { type Change, SEVERITY_ORDER, type Severity } from "./change.js";
import { diffOperations } from "./operations.js";

/** The `--json` output. `changes` has one entry per operation a change touches. */
export interface DiffReport {
  vendor: string;
  old: string;
  new: string;
  operations: string[];
  summary: { breaking: number; potentiallyBreaking: number; nonBreaking: number; total: number };
  changes: Change[];
}

/** Bundles both specs (either may be multi-file) down to our operations and compares them. */
export async function diffSpecFiles(
  vendor: string,
  oldFile: string,
  newFile: string,
  operations: string[],
): Promise<DiffReport> {
  // 3.0 and 3.1 spell nullability differently; comparing both as 3.1 keeps that out of the report.
  const load = async (file: string) => upgradeTo31(clone((await bundleOperations(file, operations)).doc));
  const [oldDoc, newDoc] = await Promise.all([load(oldFile), load(newFile)]);
  const changes = diffOperations(oldDoc, newDoc, operations);
  const count = (severity: Severity) => changes.filter((change) => change.severity === severity).length;
  return {
    vendor,
    old: oldFile,
    new: newFile,
    operations,
    summary: {
      breaking: count("breaking"),
      potentiallyBreaking: count("potentially-breaking"),
      nonBreaking: count("non-breaking"),
      total: changes.length,
    },
    changes,
  };
}

const HEADINGS: Record<Severity, string> = {
  breaking: "BREAKING",
  "potentially-breaking": "POTENTIALLY BREAKING",
  "non-breaking": "NON-BREAKING",
};

function show(value: unknown): string {
  return value === undefined ? "—" : JSON.stringify(value);
}

/**
 * Text for people: grouped by severity, and a change that several operations share (a field of
 * a schema they all use) is printed once with the list of operations.
 */
export function renderText(report: DiffReport): string {
  const lines = [
    `specs:diff ${report.vendor}: ${report.operations.length} operations`,
    `  old: ${report.old}`,
    `  new: ${report.new}`,
    "",
  ];
  if (report.changes.length === 0) return [...lines, "No changes to our operations."].join("\n");
  const { breaking, potentiallyBreaking, nonBreaking } = report.summary;
  lines.push(
    `${breaking} breaking, ${potentiallyBreaking} potentially breaking, ${nonBreaking} non-breaking`,
  );
  for (const severity of SEVERITY_ORDER) {
    const groups = new Map<string, { change: Change; operations: string[] }>();
    for (const change of report.changes.filter((item) => item.severity === severity)) {
      const key = JSON.stringify([change.kind, change.location, change.reason, change.before, change.after]);
      const group = groups.get(key) ?? { change, operations: [] };
      group.operations.push(change.operationId);
      groups.set(key, group);
    }
    if (groups.size === 0) continue;
    lines.push("", `${HEADINGS[severity]}`);
    for (const { change, operations } of groups.values()) {
      const values =
        change.before !== undefined || change.after !== undefined
          ? ` (${show(change.before)} → ${show(change.after)})`
          : "";
      lines.push(`  - ${change.kind}: ${change.location}${values}`);
      lines.push(`      why: ${change.reason}`);
      lines.push(`      in:  ${operations.join(", ")}`);
    }
  }
  return lines.join("\n");
}
