// Batch runs: one row per run; a normal run holds `active_key` = its as-of date while running, so the
// unique index allows one normal batch per as-of date at a time. Forced reruns hold no key and rely
// on the per-portfolio leases instead.
import { randomUUID } from "node:crypto";
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import type { BatchRequest } from "./types";

/** A RUNNING run whose heartbeat is older than this died with its process. */
export const DEAD_RUN_AFTER_MS = 10 * 60_000;

export class BatchConflictError extends Error {
  constructor(readonly runningRunId: string, activeKey: string) {
    super(
      activeKey.startsWith("recompute:")
        ? `A recompute of portfolio ${activeKey.slice("recompute:".length)} is already running (run ${runningRunId}).`
        : `A batch for ${activeKey} is already running (run ${runningRunId}); force a rerun to recompute anyway.`,
    );
    this.name = "BatchConflictError";
  }
}

export interface RunRow {
  id: string;
  asOfDate: IsoDate;
}

/** Marks RUNNING runs without a recent heartbeat as FAILED, freeing their as-of date; their telemetry
 * rows still RUNNING end FAILED too (their process died mid-phase). One statement: a reaper that dies
 * between the two updates must not leave a FAILED run whose rows stay RUNNING for good, since no later
 * reap would find that run again. */
export async function reapDeadRuns(db: Queryable, now = new Date()): Promise<number> {
  const message = "The run stopped sending heartbeats (its process died); rerun to complete it.";
  const { rows } = await db.query<{ id: string }>(
    `WITH dead AS (
       UPDATE batch_runs SET status = 'FAILED', active_key = NULL, finished_at = $1, error_message = $3
       WHERE status = 'RUNNING' AND heartbeat_at < $2 RETURNING id
     ), phases AS (
       UPDATE batch_phases SET status = 'FAILED', reason_code = 'ERROR', error_message = $3, finished_at = $1
       WHERE run_id IN (SELECT id FROM dead) AND status = 'RUNNING'
     )
     SELECT id FROM dead`,
    [now, new Date(now.getTime() - DEAD_RUN_AFTER_MS), message],
  );
  return rows.length;
}

/**
 * The key a running run holds: a normal batch its as-of date (one at a time per date), a book's
 * recompute after an edit the book (one at a time per book; a batch for the date may run beside it,
 * the portfolio lease keeps their writes apart), a forced rerun none.
 */
export function activeKey(req: BatchRequest, asOfDate: IsoDate): string | null {
  if (req.force) return null;
  if (req.trigger === "RECOMPUTE") {
    if (req.portfolioIds?.length !== 1) throw new Error("a recompute run is for exactly one portfolio");
    return `recompute:${req.portfolioIds[0]}`;
  }
  return asOfDate;
}

export async function createRun(db: Queryable, req: BatchRequest, asOfDate: IsoDate, executor: "local" | "inngest", id: string = randomUUID()): Promise<RunRow> {
  await reapDeadRuns(db);
  const forced = Boolean(req.force);
  const key = activeKey(req, asOfDate);
  try {
    await db.query(
      `INSERT INTO batch_runs (id, as_of_date, trigger, triggered_by_id, portfolio_ids, force_rerun, from_date, to_date, status, executor, active_key, started_at, heartbeat_at)
       VALUES ($1, $2::date, $3::"BatchTrigger", $4, $5::text[], $6, $7::date, $8::date, 'RUNNING', $9, $10, now(), now())`,
      [id, asOfDate, req.trigger, req.triggeredById ?? null, req.portfolioIds ?? [], forced, req.force?.from ?? null, req.force?.to ?? null, executor, key],
    );
  } catch (e) {
    if ((e as { code?: string }).code === "23505") {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM batch_runs WHERE active_key = $1`, [key]);
      throw new BatchConflictError(rows[0]?.id ?? "unknown", key ?? asOfDate);
    }
    throw e;
  }
  return { id, asOfDate };
}

export async function heartbeat(db: Queryable, runId: string): Promise<void> {
  await db.query(`UPDATE batch_runs SET heartbeat_at = now() WHERE id = $1`, [runId]);
}

export async function finishRun(
  db: Queryable,
  runId: string,
  result: { status: "SUCCEEDED" | "PARTIAL" | "FAILED"; counts: Record<string, number>; error?: Error },
): Promise<number> {
  const { rows } = await db.query<{ duration_ms: number }>(
    `UPDATE batch_runs SET status = $2::"RunStatus", counts = $3::jsonb, error_message = $4, error_stack = $5,
       active_key = NULL, finished_at = now(), heartbeat_at = now(),
       duration_ms = (EXTRACT(EPOCH FROM (now() - started_at)) * 1000)::int
     WHERE id = $1 RETURNING duration_ms`,
    [runId, result.status, JSON.stringify(result.counts), result.error?.message ?? null, result.error?.stack ?? null],
  );
  return rows[0]?.duration_ms ?? 0;
}

/** The run row with this id, created if it does not exist yet (the Inngest path, where a retried step
 * or a cron-sent event may arrive before or after the row). */
export async function ensureRun(db: Queryable, req: BatchRequest, asOfDate: IsoDate, id: string): Promise<RunRow> {
  const { rows } = await db.query<{ id: string; as_of_date: string }>(`SELECT id, as_of_date FROM batch_runs WHERE id = $1`, [id]);
  if (rows[0]) return { id: rows[0].id, asOfDate: rows[0].as_of_date };
  return createRun(db, req, asOfDate, "inngest", id);
}
