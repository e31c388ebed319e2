// Shared by the security tests: the as-of date of the bundled data, waiting for a background run, and
// row counts that show nothing was written.
import { getPool } from "@/lib/db/pool";

export const AS_OF = "2026-07-13";

/** Waits until a run started in the background is no longer RUNNING; answers its final status. */
export async function waitForRun(runId: string, timeoutMs = 240_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await getPool().query<{ status: string }>(`SELECT status FROM batch_runs WHERE id = $1`, [runId]);
    const status = rows[0]?.status;
    if (status && status !== "RUNNING") return status;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${status ?? "missing"} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const WRITABLE_TABLES = ["positions", "private_marks", "capital_flows", "portfolios", "batch_runs", "batch_phases", "snapshots"] as const;

/** Row counts of every table a request could write to. */
export async function writableRowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of WRITABLE_TABLES) {
    const { rows } = await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t}`);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}
