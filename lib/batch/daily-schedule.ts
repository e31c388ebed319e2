// When the daily batch runs: weekdays 18:30 New York, after the close. One definition for the Inngest
// cron and for the app server's own schedule (without Inngest). A weekday holiday fires too and finds
// the last completed trading day already computed, so the NYSE calendar needs no second copy here.
export const DAILY_BATCH_SCHEDULE = { pattern: "30 18 * * 1-5", timezone: "America/New_York" } as const;

/** The schedule in Inngest's cron syntax. */
export const DAILY_BATCH_CRON = `TZ=${DAILY_BATCH_SCHEDULE.timezone} ${DAILY_BATCH_SCHEDULE.pattern}`;
