import "server-only";
// One run's phase telemetry rows, filtered and paginated: a 250-day back-fill of five portfolios
// writes ~10k rows, so the pages load them on demand. Keyset pagination on (date, phase, id), with
// run-level rows (no date) first and phases in execution order (the enum's declaration order).
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { BATCH_PHASES, type BatchPhaseName } from "@/lib/batch/types";
import { getPool } from "@/lib/db/pool";
import type { AdminPhaseRow, PhasePage, PhaseStatus } from "@/lib/contracts/admin-runs";
import { isoDateSchema, type IsoDate } from "@/lib/dates";
import type { ReasonCode } from "@/lib/reason-codes";
import { projectRelativeOrNull } from "@/lib/telemetry/project-relative";

export interface PhaseFilter {
  portfolioId?: string;
  phase?: BatchPhaseName;
  status?: PhaseStatus;
  date?: IsoDate;
  limit: number;
  cursor?: string;
}

export interface PhaseSqlRow {
  id: string;
  phase: BatchPhaseName;
  portfolio_id: string | null;
  date: string | null;
  sort_date: string;
  status: PhaseStatus;
  reason_code: ReasonCode | null;
  counts: unknown;
  details: unknown;
  duration_ms: number | null;
  error_message: string | null;
  error_stack: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export const PHASE_COLUMNS = `id, phase::text AS phase, portfolio_id, to_char(date, 'YYYY-MM-DD') AS date,
  COALESCE(date, '-infinity'::date)::text AS sort_date, status::text AS status, reason_code::text AS reason_code,
  counts, details, duration_ms, error_message, error_stack, started_at, finished_at`;

export function toPhaseRow(r: PhaseSqlRow): AdminPhaseRow {
  return {
    id: r.id,
    phase: r.phase,
    portfolioId: r.portfolio_id,
    date: r.date,
    status: r.status,
    reasonCode: r.reason_code,
    counts: r.counts,
    details: r.details,
    durationMs: r.duration_ms,
    errorMessage: projectRelativeOrNull(r.error_message),
    errorStack: projectRelativeOrNull(r.error_stack),
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

const cursorSchema = z.tuple([z.union([isoDateSchema, z.literal("-infinity")]), z.enum(BATCH_PHASES), z.string().min(1)]);

const encodeCursor = (r: PhaseSqlRow): string => Buffer.from(JSON.stringify([r.sort_date, r.phase, r.id])).toString("base64url");

function decodeCursor(cursor: string): [string, string, string] {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ApiError("unprocessable_entity", "Invalid query: query.cursor: not a cursor from a previous page", {
      fields: [{ field: "query.cursor", message: "not a cursor from a previous page" }],
    });
  }
}

export async function listRunPhases(runId: string, filter: PhaseFilter): Promise<PhasePage> {
  const where = ["run_id = $1"];
  const values: unknown[] = [runId];
  const add = (sql: (param: string) => string, value: unknown) => {
    values.push(value);
    where.push(sql(`$${values.length}`));
  };
  if (filter.portfolioId !== undefined) add((p) => `portfolio_id = ${p}`, filter.portfolioId);
  if (filter.phase !== undefined) add((p) => `phase = ${p}::"BatchPhaseName"`, filter.phase);
  if (filter.status !== undefined) add((p) => `status = ${p}::"PhaseStatus"`, filter.status);
  if (filter.date !== undefined) add((p) => `date = ${p}::date`, filter.date);
  if (filter.cursor !== undefined) {
    const [d, phase, id] = decodeCursor(filter.cursor);
    values.push(d, phase, id);
    const n = values.length;
    where.push(`(COALESCE(date, '-infinity'::date), phase, id) > ($${n - 2}::date, $${n - 1}::"BatchPhaseName", $${n})`);
  }
  values.push(filter.limit + 1);
  const { rows } = await getPool().query<PhaseSqlRow>(
    `SELECT ${PHASE_COLUMNS} FROM batch_phases WHERE ${where.join(" AND ")}
     ORDER BY COALESCE(date, '-infinity'::date), batch_phases.phase, id LIMIT $${values.length}`,
    values,
  );
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { phases: page.map(toPhaseRow), nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}
