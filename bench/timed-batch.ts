// Runs the local executor once against a bench database and measures it: wall time, rows the run
// wrote (counted afterwards, outside the timing), rows per second and peak RSS.
import type pg from "pg";
import { runLocalBatch } from "@/lib/batch/local-executor";
import type { BatchRequest, RunSummary } from "@/lib/batch/types";
import { sampleMemory } from "./memory-sampler";

export interface BatchMeasure {
  summary: RunSummary;
  seconds: number;
  rowsWritten: number;
  rowsPerSecond: number;
  peakRssMiB: number;
}

/** Rows the run wrote: its portfolio results, symbol betas and telemetry. */
async function rowsOfRun(pool: pg.Pool, runId: string, summary: RunSummary): Promise<number> {
  const { rows } = await pool.query<{ betas: string; phases: string }>(
    `SELECT (SELECT count(*) FROM symbol_factor_betas WHERE run_id = $1)::text AS betas,
            (SELECT count(*) FROM batch_phases WHERE run_id = $1)::text AS phases`,
    [runId],
  );
  const results = summary.portfolios.reduce((n, p) => n + p.rowsWritten, 0);
  return results + Number(rows[0]!.betas) + Number(rows[0]!.phases);
}

export async function timedBatch(pool: pg.Pool, req: BatchRequest): Promise<BatchMeasure> {
  const memory = sampleMemory();
  const t0 = performance.now();
  let summary: RunSummary;
  let peakRssMiB: number;
  try {
    summary = await runLocalBatch(req, { pool });
  } finally {
    peakRssMiB = memory.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  if (summary.status !== "SUCCEEDED") throw new Error(`bench batch ended ${summary.status}: ${JSON.stringify(summary.portfolios.filter((p) => p.status !== "succeeded").slice(0, 3))}`);
  const rowsWritten = await rowsOfRun(pool, summary.runId, summary);
  return { summary, seconds, rowsWritten, rowsPerSecond: Math.round(rowsWritten / seconds), peakRssMiB };
}
