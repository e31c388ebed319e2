// The daily batch's schedule: weekdays 18:30 New York, the same instant in UTC terms as the Inngest
// cron (23:30 UTC in winter, 22:30 UTC in summer time), never on a weekend.
import { describe, expect, it } from "vitest";
import { DAILY_BATCH_CRON } from "@/lib/batch/daily-schedule";
import { nextDailyBatch } from "@/lib/batch/local-schedule";

describe("nextDailyBatch", () => {
  it.each([
    ["2026-11-27T12:00:00Z", "2026-11-27T23:30:00.000Z"], // a Friday before the close
    ["2026-11-27T23:30:00Z", "2026-11-30T23:30:00.000Z"], // Friday's fire passed: Monday
    ["2026-11-28T10:00:00Z", "2026-11-30T23:30:00.000Z"], // a Saturday
    ["2026-07-01T12:00:00Z", "2026-07-01T22:30:00.000Z"], // summer time
    ["2026-03-06T23:59:00Z", "2026-03-09T22:30:00.000Z"], // over the spring change of clocks
  ])("from %s fires next at %s", (from, next) => {
    expect(nextDailyBatch(new Date(from))?.toISOString()).toBe(next);
  });

  it("is the schedule Inngest's cron is given", () => {
    expect(DAILY_BATCH_CRON).toBe("TZ=America/New_York 30 18 * * 1-5");
  });
});
