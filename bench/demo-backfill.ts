// SPEC §10: the full demo back-fill (5 portfolios, ~250 days, all analytics) on a fresh database.
import type { BenchLine } from "./line";
import { preparedDatabase } from "./prepared-database";
import { timedBatch } from "./timed-batch";

const TARGET_S = 10;

export async function benchDemoBackfill(log: (m: string) => void): Promise<BenchLine> {
  const db = await preparedDatabase("demo", { demo: true });
  try {
    log(`demo back-fill on ${db.kind}`);
    const m = await timedBatch(db.pool, { trigger: "CLI" });
    const days = Math.max(...m.summary.portfolios.map((p) => p.datesCompleted));
    return {
      name: `demo back-fill: ${m.summary.portfolios.length} portfolios × ${days} days, all analytics`,
      value: round(m.seconds),
      unit: "s",
      target: TARGET_S,
      ...(db.kind === "pglite" ? { note: "embedded PGlite (no PostgreSQL server answered)" } : {}),
      extra: { rowsWritten: m.rowsWritten, rowsPerSecond: m.rowsPerSecond, peakRssMiB: m.peakRssMiB },
    };
  } finally {
    await db.close();
  }
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
