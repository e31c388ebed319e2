// The daily batch's schedule as the admin page shows it.
import { z } from "zod";
import { isoDateSchema } from "@/lib/dates";

export const dailyScheduleSchema = z.object({
  /** Who fires it: Inngest's cron, this app's own schedule, or nobody (DAILY_SCHEDULE=off). */
  firedBy: z.enum(["inngest", "app", "off"]),
  /** ISO timestamp of the next fire. */
  next: z.iso.datetime().nullable(),
  last: z.object({ runId: z.string(), asOfDate: isoDateSchema, status: z.string(), startedAt: z.iso.datetime() }).nullable(),
});
export type DailySchedule = z.infer<typeof dailyScheduleSchema>;
