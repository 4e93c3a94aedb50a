/**
 * From a place in the parsed document (`["users", 2, "name"]`) to a line and column of the YAML
 * source, so every problem points where it is. The deepest node that exists is used: a missing key
 * points at the object that should hold it.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type DocPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

function child(node: unknown, step: string | number, wantKey: boolean): Node | undefined {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? item.key.value : item.key;
      if (String(key) === String(step)) return (wantKey ? item.key : (item.value ?? item.key)) as Node;
    }
    return undefined;
  }
  if (isSeq(node) && typeof step === "number") return node.items[step] as Node | undefined;
  return undefined;
}

/** The position of `path` (its key when `atKey`, e.g. for an unknown key) in `doc`. */
export function positionOf(doc: Document, counter: LineCounter, path: DocPath, atKey = false): Position {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const next = child(node, path[i]!, atKey && i === path.length - 1);
    if (next === undefined) break;
    node = next;
    offset = next.range?.[0] ?? offset;
  }
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}

/** `users[2].settings.acl[0]`. */
export function formatDocPath(path: DocPath): string {
  let out = "";
  for (const step of path) {
    if (typeof step === "number") out += `[${step}]`;
    else out += out === "" ? step : `.${step}`;
  }
  return out;
}
