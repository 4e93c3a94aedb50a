/**
 * `users list` and `users get` are read without commander when they are written plainly
 * (src/cli/read-args.ts). The law: whenever that reading answers, commander reads the same command
 * line the same way (same arguments, same flags); everything else is left to commander.
 */
import { fc, test } from "@fast-check/vitest";
import type { Command } from "commander";
import { describe, expect } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { buildProgram } from "../src/cli/program.js";
import { GET_OPTIONS, LIST_OPTIONS, parseReadCommand } from "../src/cli/read-args.js";

const quiet: CliIo = {
  env: {},
  cwd: process.cwd(),
  writeOut: () => {},
  writeErr: () => {},
  readStdin: async () => "",
  confirm: undefined,
};

function usersCommand(program: Command, verb: string): Command {
  const users = program.commands.find((c) => c.name() === "users");
  const command = users?.commands.find((c) => c.name() === verb);
  if (command === undefined) throw new Error(`no users ${verb} command`);
  return command;
}

/** What commander hands the action of `users list|get` for this command line, or `undefined` if it refuses it. */
async function commanderReads(argv: readonly string[]): Promise<unknown[] | undefined> {
  const program = buildProgram(quiet, () => {}, "users");
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  let seen: unknown[] | undefined;
  usersCommand(program, argv[1]!).action((...args: unknown[]) => {
    seen = args.slice(0, -1);
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch {
    return undefined;
  }
  return seen;
}

describe("the read commands' options", () => {
  test.each([
    ["list", LIST_OPTIONS],
    ["get", GET_OPTIONS],
  ] as const)("users %s: the same options as its commander definition", (verb, table) => {
    const command = usersCommand(
      buildProgram(quiet, () => {}, "users"),
      verb,
    );
    const defined = Object.fromEntries(
      command.options.map((o) => [
        o.long?.slice(2),
        { type: o.required || o.optional ? "string" : "boolean" },
      ]),
    );
    expect(table).toEqual(defined);
  });
});

describe("parseReadCommand", () => {
  test("reads a plain list or get, with its flags as commander names them", () => {
    expect(parseReadCommand(["users", "list", "digitalocean:x", "--json", "--base-url=http://h"])).toEqual({
      verb: "list",
      target: "digitalocean:x",
      flags: { json: true, baseUrl: "http://h" },
    });
    expect(parseReadCommand(["users", "get", "atlas:g", "--auth-db", "$external", "bob"])).toEqual({
      verb: "get",
      target: "atlas:g",
      name: "bob",
      flags: { authDb: "$external" },
    });
  });

  test.each([
    [["users", "list", "--help"]],
    [["users", "list", "do:x", "-h"]],
    [["users", "list"]],
    [["users", "list", "do:x", "extra"]],
    [["users", "get", "do:x"]],
    [["users", "list", "do:x", "--host", "h"]],
    [["users", "list", "do:x", "--json=yes"]],
    [["users", "list", "do:x", "--base-url"]],
    [["users", "list", "do:x", "--no-json"]],
    [["users", "create", "do:x", "bob"]],
    [["rules", "list"]],
  ])("leaves %j to commander", (argv) => {
    expect(parseReadCommand(argv)).toBeUndefined();
  });

  const value = fc.constantFrom("pg", "ORD", "http://127.0.0.1:1", "", "-x", "a b", "--json", "=");
  const token = fc.oneof(
    fc.constantFrom("digitalocean:c", "atlas:g", "bob", "--", "-h", "--help", "--bogus", "-j"),
    ...Object.entries(GET_OPTIONS).map(([name, { type }]) =>
      type === "boolean"
        ? fc.constantFrom(`--${name}`, `--${name}=1`)
        : fc.oneof(
            value.map((v) => [`--${name}`, v]),
            value.map((v) => `--${name}=${v}`),
          ),
    ),
  );
  const argv = fc
    .tuple(fc.constantFrom("list", "get"), fc.array(token, { maxLength: 6 }))
    .map(([verb, tokens]) => ["users", verb, ...tokens.flat()]);

  test.prop([argv], { numRuns: 300 })("whenever it answers, commander reads the same", async (line) => {
    const fast = parseReadCommand(line);
    if (fast === undefined) return;
    const args = fast.verb === "list" ? [fast.target] : [fast.target, fast.name];
    expect(await commanderReads(line)).toEqual([...args, fast.flags]);
  });
});
