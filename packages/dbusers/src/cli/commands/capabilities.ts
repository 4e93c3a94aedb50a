/** `dbusers capabilities`: the matrix of what each vendor can do. */
import { capabilityMatrix } from "../../capabilities.js";
import { CAPABILITIES } from "../../vendors/registry.js";
import { json } from "../format.js";
import type { CliIo } from "../io.js";

export async function showCapabilities(io: CliIo, flags: { readonly json?: boolean }): Promise<number> {
  if (flags.json) {
    io.writeOut(json(CAPABILITIES));
    return 0;
  }
  const rows = capabilityMatrix(CAPABILITIES).map((row) => row.map((cell) => cell.replaceAll("`", "")));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  io.writeOut(
    `${rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n")}\n`,
  );
  return 0;
}
