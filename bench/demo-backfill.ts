// Batch target (README, "Performance"): the full demo back-fill (5 portfolios, ~250 days, all
// analytics) on a fresh database within 1 × T_copy.
import { atMost, round, type BenchLine } from "./line";
import type { PreparedDatabase } from "./prepared-database";
import { timedBatch } from "./timed-batch";

/** Runs the back-fill on a freshly prepared database with the demo portfolios (left in place for the API line). */
export async function benchDemoBackfill(db: PreparedDatabase, tCopySeconds: number): Promise<BenchLine> {
  const m = await timedBatch(db.pool, { trigger: "CLI" });
  const days = Math.max(...m.summary.portfolios.map((p) => p.datesCompleted));
  return {
    name: `demo back-fill: ${m.summary.portfolios.length} portfolios × ${days} days, all analytics`,
    value: round(m.seconds / tCopySeconds),
    unit: "× T_copy",
    target: atMost(1),
    ...(db.kind === "pglite" ? { note: "embedded PGlite (no PostgreSQL server answered)" } : {}),
    extra: { seconds: round(m.seconds), rowsWritten: m.rowsWritten, rowsPerSecond: m.rowsPerSecond, peakRssMiB: m.peakRssMiB },
  };
}
