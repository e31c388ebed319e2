// The daily batch's schedule on the admin page: next fire and the last scheduled run.
import Link from "next/link";
import type { DailySchedule } from "@/lib/contracts/admin-schedule";
import { formatDateTime } from "@/lib/format";
import { StatusBadge } from "./status-badge";

const FIRED_BY = { inngest: "Inngest's cron", app: "this app's own schedule", off: "nobody (DAILY_SCHEDULE=off)" } as const;

const when = (iso: string) => formatDateTime(iso, { seconds: false });

export function ScheduleSummary({ schedule }: { schedule: DailySchedule }) {
  return (
    <section className="panel" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Daily schedule</h2>
      <p>
        Weekdays at 18:30 New York, after the close; fired by {FIRED_BY[schedule.firedBy]}.{" "}
        <span data-testid="next-scheduled-run">{schedule.next ? `Next: ${when(schedule.next)}.` : "No run is scheduled."}</span>
      </p>
      <p data-testid="last-scheduled-run">
        {schedule.last ? (
          <>
            Last scheduled run: <Link href={`/admin/batch/${schedule.last.runId}`}>as of {schedule.last.asOfDate}</Link>, started {when(schedule.last.startedAt)}{" "}
            <StatusBadge status={schedule.last.status} />
          </>
        ) : (
          "No scheduled run yet."
        )}
      </p>
    </section>
  );
}
