// What an app server process runs besides answering requests, when Inngest is not configured (with
// Inngest, its cron and its recompute function do the same): the recompute worker, so results follow
// edits without an admin, and the daily batch schedule (DAILY_SCHEDULE).
import { env, inngestConfigured } from "@/lib/config/env";
import { getPool } from "@/lib/db/pool";
import { providerFromEnv } from "@/lib/market-data/provider-from-env";
import { startLocalSchedule } from "./local-schedule";
import { startLocalRecompute } from "./recompute/portfolio-changed";

export function startBackgroundWork(): void {
  const e = env();
  if (inngestConfigured(e)) return;
  startLocalRecompute();
  if (e.DAILY_SCHEDULE === "on") startLocalSchedule({ pool: getPool(), provider: providerFromEnv() });
}
