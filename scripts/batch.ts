// `npm run batch -- [--as-of D] [--portfolio ID ...] [--from D --to D --force]`: the daily batch through
// the local executor, with a progress bar and a summary table.
import Table from "cli-table3";
import { BATCH_USAGE, parseBatchArgs } from "@/lib/batch/cli-args";
import { runLocalBatch } from "@/lib/batch/local-executor";
import { portfoliosInScope } from "@/lib/batch/phases/missing-dates";
import { BatchConflictError } from "@/lib/batch/runs";
import { debugEnabled, env } from "@/lib/config/env";
import { closePool, getPool } from "@/lib/db/pool";
import { batchProgress } from "./batch-progress";

async function main() {
  if (!env().DATABASE_URL) throw new Error("DATABASE_URL is not set: point it at the app's database (for the embedded one, run the batch through `npm start`, which runs it at start)");
  const req = parseBatchArgs(process.argv.slice(2));
  // An unknown id stops here, named, before a run is recorded (in the run it would fail the planning phase).
  if (req.portfolioIds?.length) await portfoliosInScope(getPool(), req.portfolioIds);
  const progress = batchProgress();
  const summary = await runLocalBatch(req, { onStart: (run) => console.log(`run ${run.id} · as of ${run.asOfDate}`), onProgress: progress.onProgress });
  progress.stop();
  const table = new Table({ head: ["portfolio", "status", "reason", "dates done", "dates failed", "rows written"] });
  for (const p of summary.portfolios) table.push([p.portfolioId, p.status, p.reason ?? "", p.datesCompleted, p.datesFailed, p.rowsWritten]);
  if (summary.portfolios.length > 0) console.log(table.toString());
  else if (summary.status !== "SUCCEEDED") console.log("the run failed before any portfolio was refreshed: the failed phase and its error are on the run's page");
  console.log(`run ${summary.runId}: ${summary.status} in ${(summary.durationMs / 1000).toFixed(1)} s — phase details: /admin/batch/${summary.runId}`);
  await closePool();
  process.exitCode = summary.status === "SUCCEEDED" ? 0 : 1;
}

main().catch(async (e: unknown) => {
  if (e instanceof BatchConflictError) console.error(e.message);
  else console.error(e instanceof Error ? (debugEnabled() ? e.stack : e.message) : String(e));
  console.error(BATCH_USAGE);
  await closePool();
  process.exitCode = 2;
});
