/**
 * What every file of the repository owes its next reader: a citation of a vendor note
 * (`docs/vendors/atlas.md §6.1`) names a section that exists, and no file holds a path of one
 * particular machine.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");

/** Tracked text files (the lockfile and generated types aside), as git lists them. */
function trackedFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" });
  return listed
    .split("\0")
    .filter((file) => file !== "" && file !== "pnpm-lock.yaml")
    .filter((file) => /\.(ts|mts|mjs|js|json|md|yaml|yml|sh)$/.test(file) || file === ".ci/run");
}

/** `1`, `1.1`, … for every numbered heading of a vendor note. */
function sections(note: string): Set<string> {
  const found = new Set<string>();
  for (const match of note.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.? /gm)) found.add(match[1] as string);
  return found;
}

const files = trackedFiles();
const read = (file: string) => readFileSync(join(root, file), "utf8");

describe("vendor-note citations", () => {
  const notes = new Map<string, Set<string>>();
  for (const file of files.filter((f) => /^docs\/vendors\/[a-z-]+\.md$/.test(f))) {
    notes.set(file.slice("docs/vendors/".length), sections(read(file)));
  }

  it("finds the vendor notes", () => {
    expect([...notes.keys()].sort()).toEqual(["atlas.md", "digitalocean.md", "rackspace.md"]);
  });

  it("every `<vendor>.md §N` names a note in docs/vendors and a section it has", () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of files) {
      for (const match of read(file).matchAll(/([a-z-]+)\.md §(\d+(?:\.\d+)*)/g)) {
        const [, name, section] = match;
        count++;
        const known = notes.get(`${name}.md`);
        if (!known?.has(section as string)) broken.push(`${file}: ${match[0]}`);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });
});

describe("machine paths", () => {
  it("no tracked file holds an absolute path of a particular machine", () => {
    // Built from parts so that this file does not match itself.
    const machinePath = new RegExp(["/wo", "rk/|/ro", "ot/|/ho", "me/[a-z]|[A-Z]:\\\\Users\\\\"].join(""));
    const offenders = files.filter((file) => machinePath.test(read(file)));
    expect(offenders).toEqual([]);
  });
});
