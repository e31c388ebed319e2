// The daily batch on the app server itself (no Inngest): croner fires on DAILY_BATCH_SCHEDULE in every
// app process, and each fire claims (job, as-of date) in `scheduled_fires`; only the process whose
// insert wins runs that day's batch, so N processes run it once. A fire whose as-of date was already
// claimed (a weekend, a holiday, a second process) does nothing.
import { hostname } from "node:os";
import { Cron } from "croner";
import type pg from "pg";
import type { IsoDate } from "@/lib/dates";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { logError } from "@/lib/telemetry/log";
import { DAILY_BATCH_SCHEDULE } from "./daily-schedule";
import { resolveRunAsOf, runLocalBatch } from "./local-executor";
import type { RunSummary } from "./types";

export const DAILY_BATCH_JOB = "daily-batch";

export type FireOutcome = { asOfDate: IsoDate; claimed: false } | { asOfDate: IsoDate; claimed: true; summary: RunSummary };

export async function fireDailyBatch(pool: pg.Pool, provider: MarketDataProvider, claimedBy = `${hostname()}:${process.pid}`): Promise<FireOutcome> {
  const asOfDate = await resolveRunAsOf({ trigger: "CRON" }, provider);
  const claim = await pool.query(`INSERT INTO scheduled_fires (job, as_of_date, claimed_by) VALUES ($1, $2::date, $3) ON CONFLICT DO NOTHING`, [
    DAILY_BATCH_JOB,
    asOfDate,
    claimedBy,
  ]);
  if (claim.rowCount !== 1) return { asOfDate, claimed: false };
  const summary = await runLocalBatch(
    { trigger: "CRON", asOfDate },
    {
      pool,
      provider,
      onStart: (run) =>
        void pool
          .query(`UPDATE scheduled_fires SET run_id = $3 WHERE job = $1 AND as_of_date = $2::date`, [DAILY_BATCH_JOB, asOfDate, run.id])
          .catch((e: unknown) => logError("schedule.record_run", e, { runId: run.id })),
    },
  );
  return { asOfDate, claimed: true, summary };
}

export interface LocalScheduleOptions {
  pool: pg.Pool;
  provider: MarketDataProvider;
  /** Defaults to the daily batch's; tests fire every second. */
  pattern?: string;
  claimedBy?: string;
  onFire?: (outcome: FireOutcome) => void;
}

export function startLocalSchedule(options: LocalScheduleOptions): Cron {
  const { pool, provider } = options;
  return new Cron(
    options.pattern ?? DAILY_BATCH_SCHEDULE.pattern,
    {
      name: DAILY_BATCH_JOB,
      timezone: DAILY_BATCH_SCHEDULE.timezone,
      // A fire that finds the previous one still running is skipped (it would only find the date claimed).
      protect: true,
      catch: (e: unknown) => logError("schedule.fire", e),
    },
    async () => options.onFire?.(await fireDailyBatch(pool, provider, options.claimedBy)),
  );
}

/** When the daily batch fires next (whoever runs it: this process or Inngest). */
export function nextDailyBatch(from: Date = new Date()): Date | null {
  return new Cron(DAILY_BATCH_SCHEDULE.pattern, { timezone: DAILY_BATCH_SCHEDULE.timezone, paused: true }).nextRun(from);
}
