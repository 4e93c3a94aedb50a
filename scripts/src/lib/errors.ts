/** A failure a maintainer can act on; the CLIs print `message` and exit 2 instead of a stack trace. */
export class ScriptError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "ScriptError";
    this.code = code;
  }
}

/** Runs a CLI's main: exit code from main, ScriptError → message + exit 2, anything else re-thrown. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (!(error instanceof ScriptError)) throw error;
      process.stderr.write(`error [${error.code}]: ${error.message}\n`);
      process.exitCode = 2;
    },
  );
}
