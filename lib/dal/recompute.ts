import "server-only";
// A book's recompute: its state for the pages ("recomputing from D, n of m days") and the owner's
// request for one (rate-limited per book).
import { ApiError, invalidBodyField } from "@/lib/api/errors";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { RECOMPUTE_REQUEST_INTERVAL_SECONDS, type RecomputeStatus } from "@/lib/contracts/recompute";
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import type { StaleResultsNotice } from "@/lib/positions/stale-results";
import { changeInputs, markResultsStale } from "./results-stale";

interface StatusRow {
  recompute_from: string | null;
  run_id: string | null;
  from_date: string | null;
  done: number;
  total: number;
}

/**
 * A run is on the book when it has claimed the book's days (its per-day rows exist) or when it is the
 * book's own recompute still planning; a run of every book that leaves this one alone does not count.
 */
export async function recomputeStatus(portfolio: PortfolioSummary): Promise<RecomputeStatus> {
  const { rows } = await getPool().query<StatusRow>(
    `SELECT p.recompute_from, r.id AS run_id, min(ph.date) AS from_date,
            count(ph.*) FILTER (WHERE ph.status = 'SUCCEEDED')::int AS done, count(ph.*)::int AS total
     FROM portfolios p
     LEFT JOIN LATERAL (
       SELECT b.id FROM batch_runs b
       WHERE b.status = 'RUNNING' AND (b.active_key = 'recompute:' || p.id
         OR EXISTS (SELECT 1 FROM batch_phases x WHERE x.run_id = b.id AND x.portfolio_id = p.id AND x.phase = 'WRITE_RESULTS'))
       ORDER BY b.started_at DESC LIMIT 1
     ) r ON true
     LEFT JOIN batch_phases ph ON ph.run_id = r.id AND ph.portfolio_id = p.id AND ph.phase = 'WRITE_RESULTS'
     WHERE p.id = $1
     GROUP BY p.recompute_from, r.id`,
    [portfolio.id],
  );
  const row = rows[0];
  if (!row) throw new ApiError("not_found", `Portfolio ${portfolio.id} not found.`);
  if (row.run_id) return { state: "running", from: row.from_date ?? row.recompute_from, done: row.done, total: row.total || null, runId: row.run_id };
  if (row.recompute_from) return { state: "pending", from: row.recompute_from };
  return { state: "current" };
}

/** The owner asks for the book's results to be recomputed from `from` (default: inception). */
export async function requestRecompute(portfolio: PortfolioSummary, from: IsoDate | undefined): Promise<StaleResultsNotice> {
  const start = from ?? portfolio.inceptionDate;
  if (start < portfolio.inceptionDate) {
    throw invalidBodyField("from", `is before the portfolio's inception date ${portfolio.inceptionDate}`);
  }
  return changeInputs(portfolio.id, async (tx) => {
    const allowed = await tx.$executeRaw`UPDATE portfolios SET recompute_requested_at = now() WHERE id = ${portfolio.id}
      AND (recompute_requested_at IS NULL OR recompute_requested_at < now() - make_interval(secs => ${RECOMPUTE_REQUEST_INTERVAL_SECONDS}))`;
    if (allowed === 0) {
      throw new ApiError("rate_limited", `A recompute of this portfolio was asked for less than ${RECOMPUTE_REQUEST_INTERVAL_SECONDS} s ago; try again later.`, {
        retryAfterSeconds: RECOMPUTE_REQUEST_INTERVAL_SECONDS,
      });
    }
    return markResultsStale(tx, portfolio.id, start);
  });
}
