/**
 * Property-test budgets. `DBUSERS_PROPERTY_SCALE` (default 1) scales every run count: mutation runs
 * use a smaller budget, since Stryker runs the covering tests once per mutant.
 */
const raw = Number(process.env.DBUSERS_PROPERTY_SCALE ?? "1");
const scale = Number.isFinite(raw) && raw > 0 ? raw : 1;

export function runs(n: number): number {
  return Math.max(10, Math.round(n * scale));
}
