import "server-only";
// The daily batch's schedule for the admin page: who fires it, when next, and the last scheduled run.
import { nextDailyBatch } from "@/lib/batch/local-schedule";
import { env, inngestConfigured } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import type { DailySchedule } from "@/lib/contracts/admin-schedule";

export async function dailySchedule(): Promise<DailySchedule> {
  const e = env();
  const firedBy = inngestConfigured(e) ? "inngest" : e.DAILY_SCHEDULE === "on" ? "app" : "off";
  const { rows } = await getPool().query<{ id: string; as_of_date: string; status: string; started_at: Date }>(
    `SELECT id, as_of_date, status, started_at FROM batch_runs WHERE trigger = 'CRON' ORDER BY started_at DESC LIMIT 1`,
  );
  const last = rows[0] ? { runId: rows[0].id, asOfDate: rows[0].as_of_date, status: rows[0].status, startedAt: rows[0].started_at.toISOString() } : null;
  return { firedBy, next: firedBy === "off" ? null : (nextDailyBatch()?.toISOString() ?? null), last };
}
