import { ScriptError } from "../lib/errors.js";

/*
 * README examples that run as written. A fenced block opts in with `run` after its language:
 *
 *   ```ts run          a script, run with Node (TypeScript through tsx); it must exit 0
 *   ```js run=vitest   a vitest test file, run by vitest; every test must pass
 *   ```sh run          a shell script, run by bash with -e and -o pipefail
 *   ```text output     what the example just before prints on stdout, exactly (trailing spaces aside)
 *
 * npmjs.com and GitHub read only the first word of the info string, so readers see a plain `ts`
 * block. The same examples run in the repository (scripts/test/release/readme-examples.test.ts,
 * against the built packages) and in an empty project after the release rehearsal installs the
 * published tarballs (scripts/src/release/rehearse.ts).
 */

export type ExampleLanguage = "ts" | "js" | "sh";
export type ExampleRunner = "node" | "vitest" | "bash";

export interface ReadmeExample {
  /** 1-based line of the opening fence, for messages. */
  line: number;
  language: ExampleLanguage;
  runner: ExampleRunner;
  code: string;
  /** The `text output` block that follows, if any. */
  output?: string;
}

const LANGUAGES: Record<string, ExampleLanguage> = {
  ts: "ts",
  typescript: "ts",
  js: "js",
  javascript: "js",
  mjs: "js",
  sh: "sh",
  bash: "sh",
  shell: "sh",
};

interface Fence {
  line: number;
  words: string[];
  body: string;
}

function fences(markdown: string): Fence[] {
  const lines = markdown.split("\n");
  const found: Fence[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*(.*)$/.exec(lines[index] ?? "");
    if (!open?.[1]) continue;
    const marker = open[1];
    const body: string[] = [];
    let end = index + 1;
    while (
      end < lines.length &&
      !new RegExp(`^ {0,3}${marker[0]}{${marker.length},}\\s*$`).test(lines[end] ?? "")
    ) {
      body.push(lines[end] ?? "");
      end++;
    }
    found.push({
      line: index + 1,
      words: (open[2] ?? "").trim().split(/\s+/).filter(Boolean),
      body: `${body.join("\n")}\n`,
    });
    index = end;
  }
  return found;
}

function runnerOf(fence: Fence, language: ExampleLanguage, where: string): ExampleRunner | undefined {
  const run = fence.words.slice(1).find((word) => word === "run" || word.startsWith("run="));
  if (run === undefined) return undefined;
  const wanted = run === "run" ? (language === "sh" ? "bash" : "node") : run.slice("run=".length);
  if (language === "sh" ? wanted !== "bash" : wanted !== "node" && wanted !== "vitest") {
    throw new ScriptError(
      "readme-example",
      `${where}: \`${run}\` is not a runner for ${language} (node, vitest; bash for sh)`,
    );
  }
  return wanted as ExampleRunner;
}

/** The runnable examples of a README, in order; `source` names the file in errors. */
export function extractExamples(markdown: string, source: string): ReadmeExample[] {
  const examples: ReadmeExample[] = [];
  for (const fence of fences(markdown)) {
    const where = `${source}:${fence.line}`;
    const [first = "", ...rest] = fence.words;
    if (first === "text" && rest.includes("output")) {
      const last = examples.at(-1);
      if (!last || last.output !== undefined) {
        throw new ScriptError(
          "readme-example",
          `${where}: a \`text output\` block must follow a runnable example`,
        );
      }
      last.output = fence.body;
      continue;
    }
    const language = LANGUAGES[first];
    if (!language) continue;
    const runner = runnerOf(fence, language, where);
    if (runner) examples.push({ line: fence.line, language, runner, code: fence.body });
  }
  return examples;
}
