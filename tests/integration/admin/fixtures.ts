// batch_runs / batch_phases fixture rows for the admin API tests, written with plain SQL so the tests
// check the read side against known rows. Runs start in 2099 so they sort first among any real runs.
import { randomUUID } from "node:crypto";
import { getPool } from "@/lib/db/pool";
import { PORTFOLIO_DAY_PHASES, type BatchPhaseName } from "@/lib/batch/types";

export interface FixtureRun {
  id: string;
  status?: "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED";
  asOfDate?: string;
  startedAt: string;
  trigger?: "CRON" | "ADMIN" | "CLI" | "SEED";
  triggeredById?: string | null;
  portfolioIds?: string[];
  force?: { from: string; to: string };
  activeKey?: string | null;
}

export interface FixturePhase {
  phase: BatchPhaseName;
  portfolioId: string | null;
  date: string | null;
  status: "RUNNING" | "SUCCEEDED" | "SKIPPED" | "FAILED";
  reasonCode?: string;
  durationMs?: number;
  counts?: Record<string, number>;
  errorMessage?: string;
  errorStack?: string;
}

export async function insertRun(run: FixtureRun): Promise<void> {
  const running = run.status === "RUNNING";
  await getPool().query(
    `INSERT INTO batch_runs (id, as_of_date, trigger, triggered_by_id, portfolio_ids, force_rerun, from_date, to_date, status, executor, active_key, counts, started_at, heartbeat_at, finished_at, duration_ms)
     VALUES ($1, $2::date, $3::"BatchTrigger", $4, $5::text[], $6, $7::date, $8::date, $9::"RunStatus", 'local', $10, $11::jsonb, $12::timestamptz,
             now(), $13::timestamptz, $14)`,
    [
      run.id,
      run.asOfDate ?? "2026-07-13",
      run.trigger ?? "ADMIN",
      run.triggeredById === undefined ? "user-admin" : run.triggeredById,
      run.portfolioIds ?? [],
      Boolean(run.force),
      run.force?.from ?? null,
      run.force?.to ?? null,
      run.status ?? "SUCCEEDED",
      run.activeKey ?? null,
      JSON.stringify({ portfolios: run.portfolioIds?.length ?? 5 }),
      run.startedAt,
      running ? null : new Date(Date.parse(run.startedAt) + 4000),
      running ? null : 4000,
    ],
  );
}

export async function insertPhases(runId: string, phases: FixturePhase[]): Promise<void> {
  const pool = getPool();
  for (const [i, p] of phases.entries()) {
    await pool.query(
      `INSERT INTO batch_phases (id, run_id, phase, portfolio_id, date, scope_key, status, reason_code, counts, duration_ms, error_message, error_stack, started_at, finished_at)
       VALUES ($1, $2, $3::"BatchPhaseName", $4, $5::date, $6, $7::"PhaseStatus", $8::"ReasonCode", $9::jsonb, $10, $11, $12,
               '2099-01-01T00:00:00Z'::timestamptz + make_interval(secs => $13), '2099-01-01T00:00:00Z'::timestamptz + make_interval(secs => $13 + 1))`,
      [
        randomUUID(),
        runId,
        p.phase,
        p.portfolioId,
        p.date,
        `${p.portfolioId ?? "-"}|${p.date ?? "-"}`,
        p.status,
        p.reasonCode ?? null,
        p.counts ? JSON.stringify(p.counts) : null,
        p.durationMs ?? 10,
        p.errorMessage ?? null,
        p.errorStack ?? null,
        i,
      ],
    );
  }
}

/** Every portfolio-day phase of `portfolioId` on each date, with `status` unless `override` says otherwise. */
export function dayPhases(
  portfolioId: string,
  dates: string[],
  status: FixturePhase["status"],
  extra: Partial<FixturePhase> = {},
  override: (phase: BatchPhaseName, date: string) => Partial<FixturePhase> | undefined = () => undefined,
): FixturePhase[] {
  return dates.flatMap((date) => PORTFOLIO_DAY_PHASES.map((phase) => ({ phase, portfolioId, date, status, ...extra, ...override(phase, date) })));
}

export async function deleteRuns(ids: string[]): Promise<void> {
  await getPool().query(`DELETE FROM batch_runs WHERE id = ANY($1::text[])`, [ids]);
}
