/** The README's example runs as written, against the emulator, and prints what the README says. */
import { readFileSync } from "node:fs";
import * as emulatorModule from "@dbusers/emulator";
import { expect, test } from "vitest";
import * as clientModule from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const MODULES: Record<string, unknown> = {
  "@dbusers/rackspace": clientModule,
  "@dbusers/emulator": emulatorModule,
};

/** The fenced block after the "## Example" heading whose info string starts with the given language (`ts run`, `text output`). */
function block(info: string): string {
  const example = readme.slice(readme.indexOf("## Example"));
  const match = new RegExp(`\`\`\`${info}(?: [^\\n]*)?\\n([\\s\\S]*?)\`\`\``).exec(example);
  if (!match?.[1]) throw new Error(`no \`\`\`${info} block under ## Example`);
  return match[1];
}

test("the example prints what the README says", async () => {
  const lines: string[] = [];
  const imports: Record<string, unknown> = {};
  // The block is TypeScript without type annotations, so after turning its imports into lookups
  // it runs as an async function body.
  const body = block("ts").replace(
    /^import \{([^}]+)\} from "([^"]+)";$/gm,
    (_all, names: string, from: string) => {
      imports[from] = MODULES[from];
      return `const {${names}} = modules[${JSON.stringify(from)}];`;
    },
  );
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  const run = new AsyncFunction("modules", "console", body);
  await run(imports, { log: (...values: unknown[]) => lines.push(values.join(" ")) });

  expect(Object.keys(imports).sort()).toEqual(["@dbusers/emulator", "@dbusers/rackspace"]);
  expect(lines.join("\n")).toBe(block("text").trimEnd());
});
