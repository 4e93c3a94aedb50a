import { describe, expect, it } from "vitest";
import { extractExamples } from "../../src/release/readme-examples.js";
import { exampleFailure } from "../../src/release/run-example.js";

const readme = [
  "# x",
  "```ts",
  "notRun();",
  "```",
  "```ts run",
  'console.log("a");',
  "```",
  "It prints:",
  "```text output",
  "a",
  "```",
  "````js run=vitest",
  "```nested fence stays inside```",
  "````",
  "```sh run",
  "echo hi",
  "```",
].join("\n");

describe("extractExamples", () => {
  it("takes only blocks marked run, with their runner and the output block that follows", () => {
    expect(extractExamples(readme, "README.md")).toEqual([
      { line: 5, language: "ts", runner: "node", code: 'console.log("a");\n', output: "a\n" },
      { line: 12, language: "js", runner: "vitest", code: "```nested fence stays inside```\n" },
      { line: 15, language: "sh", runner: "bash", code: "echo hi\n" },
    ]);
  });

  it("refuses an output block with no example before it, naming the line", () => {
    expect(() => extractExamples("```text output\nx\n```\n", "README.md")).toThrow(
      /README\.md:1: a `text output`/,
    );
  });

  it("refuses an unknown runner", () => {
    expect(() => extractExamples("```ts run=jest\nx\n```\n", "README.md")).toThrow(
      /README\.md:1: `run=jest`/,
    );
  });
});

describe("exampleFailure", () => {
  const example = { line: 1, language: "ts", runner: "node", code: "", output: "a\nb\n" } as const;

  it("passes matching output, ignoring trailing spaces", () => {
    expect(exampleFailure(example, { exitCode: 0, stdout: "a  \nb\n\n", stderr: "" })).toBeUndefined();
  });

  it("fails on different output or a non-zero exit", () => {
    expect(exampleFailure(example, { exitCode: 0, stdout: "a\n", stderr: "" })).toMatch(/README says/);
    expect(exampleFailure(example, { exitCode: 1, stdout: "a\nb\n", stderr: "boom" })).toMatch(
      /exited with 1[\s\S]*boom/,
    );
  });
});
