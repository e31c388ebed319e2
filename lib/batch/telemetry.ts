// Phase telemetry: one batch_phases row per phase × portfolio × date with status, reason,
// counts, duration and, for failures, the error message and stack. Rows are upserted in bulk on their
// natural key, so a retried step overwrites its own row instead of adding one.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import type { ReasonCode } from "@/lib/reason-codes";
import type { BatchPhaseName, PhaseCounts, PhaseOutcome } from "./types";

export type PhaseStatus = "RUNNING" | "SUCCEEDED" | "SKIPPED" | "FAILED";

export interface PhaseRow {
  phase: BatchPhaseName;
  portfolioId: string | null;
  date: IsoDate | null;
  status: PhaseStatus;
  reasonCode?: ReasonCode | null;
  counts?: PhaseCounts | null;
  details?: Record<string, unknown> | null;
  durationMs?: number | null;
  error?: Error | null;
  startedAt?: Date;
  finishedAt?: Date | null;
}

export const scopeKey = (portfolioId: string | null, date: IsoDate | null) => `${portfolioId ?? "-"}|${date ?? "-"}`;

export async function writePhaseRows(db: Queryable, runId: string, rows: readonly PhaseRow[]): Promise<void> {
  const CHUNK = 2_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO batch_phases (id, run_id, phase, portfolio_id, date, scope_key, status, reason_code, counts, details, duration_ms, error_message, error_stack, started_at, finished_at)
       SELECT gen_random_uuid()::text, $1, t.phase::"BatchPhaseName", t.portfolio_id, t.date, t.scope_key, t.status::"PhaseStatus", t.reason_code::"ReasonCode",
              t.counts::jsonb, t.details::jsonb, t.duration_ms, t.error_message, t.error_stack, t.started_at, t.finished_at
       FROM unnest($2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[])
         AS t(phase, portfolio_id, date, scope_key, status, reason_code, counts, details, duration_ms, error_message, error_stack, started_at, finished_at)
       ON CONFLICT (run_id, phase, scope_key) DO UPDATE SET status = EXCLUDED.status, reason_code = EXCLUDED.reason_code, counts = EXCLUDED.counts,
         details = EXCLUDED.details, duration_ms = EXCLUDED.duration_ms, error_message = EXCLUDED.error_message, error_stack = EXCLUDED.error_stack,
         started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at`,
      [
        runId,
        chunk.map((r) => r.phase),
        chunk.map((r) => r.portfolioId),
        chunk.map((r) => r.date),
        chunk.map((r) => scopeKey(r.portfolioId, r.date)),
        chunk.map((r) => r.status),
        chunk.map((r) => r.reasonCode ?? null),
        chunk.map((r) => (r.counts ? JSON.stringify(r.counts) : null)),
        chunk.map((r) => (r.details ? JSON.stringify(r.details) : null)),
        chunk.map((r) => (r.durationMs == null ? null : Math.round(r.durationMs))),
        chunk.map((r) => r.error?.message ?? null),
        chunk.map((r) => r.error?.stack ?? null),
        chunk.map((r) => r.startedAt ?? new Date()),
        chunk.map((r) => r.finishedAt ?? null),
      ],
    );
  }
}

export function outcomeRow(phase: BatchPhaseName, portfolioId: string | null, date: IsoDate | null, outcome: PhaseOutcome, startedAt: Date, durationMs: number): PhaseRow {
  return {
    phase,
    portfolioId,
    date,
    status: outcome.status === "succeeded" ? "SUCCEEDED" : "SKIPPED",
    reasonCode: outcome.status === "skipped" ? outcome.reason : null,
    counts: outcome.counts ?? null,
    details: outcome.details ?? null,
    durationMs,
    startedAt,
    finishedAt: new Date(startedAt.getTime() + durationMs),
  };
}

export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(typeof e === "string" ? e : JSON.stringify(e));
}

/**
 * Runs one run-level phase (no portfolio, no date) with its telemetry: RUNNING first (visible to the
 * dashboard), then the outcome, or FAILED with the stack, and the error goes on up: never swallowed.
 */
export async function runPhase<T>(
  db: Queryable,
  runId: string,
  phase: BatchPhaseName,
  fn: () => Promise<{ outcome: PhaseOutcome; value: T }>,
): Promise<T> {
  const startedAt = new Date();
  await writePhaseRows(db, runId, [{ phase, portfolioId: null, date: null, status: "RUNNING", startedAt }]);
  const t0 = performance.now();
  try {
    const { outcome, value } = await fn();
    await writePhaseRows(db, runId, [outcomeRow(phase, null, null, outcome, startedAt, performance.now() - t0)]);
    return value;
  } catch (e) {
    const error = asError(e);
    await writePhaseRows(db, runId, [{ phase, portfolioId: null, date: null, status: "FAILED", reasonCode: "ERROR", error, durationMs: performance.now() - t0, startedAt, finishedAt: new Date() }]);
    throw error;
  }
}
