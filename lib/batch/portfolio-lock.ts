// Per-portfolio leases: a run refreshes a portfolio only while it holds the lease, so two runs (a cron
// batch and an admin rerun, or two reruns) never write the same portfolio at once. Leases expire, so a
// crashed run cannot block a portfolio forever.
import type { Queryable } from "@/lib/db/pool";

export const LEASE_MS = 5 * 60_000;

export async function tryAcquirePortfolio(db: Queryable, portfolioId: string, runId: string): Promise<boolean> {
  const { rows } = await db.query<{ run_id: string }>(
    `INSERT INTO portfolio_locks (portfolio_id, run_id, acquired_at, expires_at)
     VALUES ($1, $2, now(), now() + make_interval(secs => $3))
     ON CONFLICT (portfolio_id) DO UPDATE SET run_id = EXCLUDED.run_id, acquired_at = now(), expires_at = EXCLUDED.expires_at
       WHERE portfolio_locks.expires_at < now() OR portfolio_locks.run_id = EXCLUDED.run_id
     RETURNING run_id`,
    [portfolioId, runId, LEASE_MS / 1000],
  );
  return rows[0]?.run_id === runId;
}

/** Waits for the lease (another run may be refreshing the portfolio); false after `timeoutMs`. */
export async function acquirePortfolio(db: Queryable, portfolioId: string, runId: string, timeoutMs = 120_000, pollMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tryAcquirePortfolio(db, portfolioId, runId)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export async function extendPortfolioLease(db: Queryable, portfolioId: string, runId: string): Promise<void> {
  const res = await db.query(`UPDATE portfolio_locks SET expires_at = now() + make_interval(secs => $3) WHERE portfolio_id = $1 AND run_id = $2`, [
    portfolioId,
    runId,
    LEASE_MS / 1000,
  ]);
  if (res.rowCount !== 1) throw new Error(`Run ${runId} lost its lease on portfolio ${portfolioId}`);
}

export async function releasePortfolio(db: Queryable, portfolioId: string, runId: string): Promise<void> {
  await db.query(`DELETE FROM portfolio_locks WHERE portfolio_id = $1 AND run_id = $2`, [portfolioId, runId]);
}
