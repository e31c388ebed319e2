// Reads used by the batch tests: snapshots, row counts and telemetry of a run.
import { getPool } from "@/lib/db/pool";

export const AS_OF = "2026-07-13";

export async function navs(portfolioId: string): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ date: string; nav: number }>(
    `SELECT date, nav FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' ORDER BY date`,
    [portfolioId],
  );
  return new Map(rows.map((r) => [r.date, r.nav]));
}

const RESULT_TABLES = ["snapshots", "position_valuations", "option_greeks", "portfolio_factor_exposures", "stress_results", "correlation_matrices", "symbol_factor_betas"] as const;

export async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of RESULT_TABLES) {
    const { rows } = await getPool().query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t}`);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

export interface PhaseRowRead {
  phase: string;
  portfolio_id: string | null;
  date: string | null;
  status: string;
  reason_code: string | null;
  error_message: string | null;
  error_stack: string | null;
  counts: Record<string, number> | null;
  details: Record<string, unknown> | null;
  started_at: Date;
}

/**
 * A run's telemetry rows in the order they started, then by phase (the enum's order), portfolio and
 * date. The tie-breakers matter: rows written together can share one timestamp (a chunk's
 * WRITE_RESULTS rows carry no start of their own and are stamped as their telemetry is written), and
 * rows that tie on (started_at, phase) would otherwise come back in heap order, which depends on where
 * the upserts of earlier runs left free space.
 */
export async function phaseRows(runId: string, where = "true", params: unknown[] = []): Promise<PhaseRowRead[]> {
  const { rows } = await getPool().query<PhaseRowRead>(
    `SELECT phase, portfolio_id, date, status, reason_code, error_message, error_stack, counts, details, started_at
     FROM batch_phases WHERE run_id = $1 AND ${where} ORDER BY started_at, phase, portfolio_id, date`,
    [runId, ...params],
  );
  return rows;
}
