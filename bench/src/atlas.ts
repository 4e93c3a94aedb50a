/** `pnpm bench atlas`: `getUser` through @dbusers/atlas vs raw fetch (its bundle size: src/size.ts). */
import { ATLAS_RPS_TARGET_RATIO, measureAtlasRps } from "./atlas-rps.js";
import { table } from "./table.js";

export async function atlas(): Promise<void> {
  console.log("\ngetUser through @dbusers/atlas vs raw fetch with the same auth (same emulator, same run)\n");
  const rows: string[][] = [];
  for (const scheme of ["service account", "digest"] as const) {
    for (const concurrency of [1, 8]) {
      const r = await measureAtlasRps(scheme, concurrency);
      const target =
        scheme === "service account"
          ? `>= ${ATLAS_RPS_TARGET_RATIO}x: ${r.ratio >= ATLAS_RPS_TARGET_RATIO ? "met" : "MISSED"}`
          : "reported";
      rows.push([
        scheme,
        String(concurrency),
        String(r.requestsPerSide),
        `${r.ratio.toFixed(2)}x`,
        `${r.min.toFixed(2)}-${r.max.toFixed(2)}`,
        target,
      ]);
    }
  }
  console.log(
    table(["scheme", "in flight", "requests/side", "client/raw", "min-max of rounds", "target"], rows),
  );
  console.log("\nIts bundle size is in the size section (pnpm bench size), beside the other vendors'.");
}
