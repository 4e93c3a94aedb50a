/** The README's example runs as written (TypeScript, transpiled) and prints what the README says. */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { expect, test } from "vitest";
import * as core from "../src/index.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The fenced block after the "## Example" heading with the given info string. */
function block(info: string): string {
  const example = readme.slice(readme.indexOf("## Example"));
  const match = new RegExp(`\`\`\`${info}[^\\n]*\\n([\\s\\S]*?)\`\`\``).exec(example);
  if (!match?.[1]) throw new Error(`no \`\`\`${info} block under ## Example`);
  return match[1];
}

test("the example prints what the README says", async () => {
  const lines: string[] = [];
  const modules: Record<string, unknown> = { "@dbusers/core": core, "node:http": await import("node:http") };
  const source = block("ts").replace(
    /^import \{([^}]+)\} from "([^"]+)";$/gm,
    (_all, names: string, from: string) => {
      if (!(from in modules)) throw new Error(`the example imports ${from}`);
      return `const {${names}} = modules[${JSON.stringify(from)}];`;
    },
  );
  const js = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction("modules", "console", js)(modules, {
    log: (...v: unknown[]) => lines.push(v.join(" ")),
  });
  expect(lines.join("\n")).toBe(block("text").trimEnd());
});
