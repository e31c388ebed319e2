// ISO calendar dates ("YYYY-MM-DD") are the currency of the app; Prisma @db.Date values are UTC midnights.
// The one validator of such dates (and its zod schema) lives here: request bodies, CSV imports, the
// price file, vendor answers, the environment, Inngest events and the engine all use it.
import { z } from "zod";

export type IsoDate = string;

/** The years an ISO date may fall in: wide enough for any price history or option expiry, narrow
 * enough to refuse typos such as 0026 or 2206 (and the years before the Gregorian calendar). */
export const MIN_ISO_YEAR = 1900;
export const MAX_ISO_YEAR = 2100;

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `s` is written YYYY-MM-DD (no time, no spaces). Says nothing about the calendar. */
export function hasIsoDateShape(s: string): boolean {
  return ISO_DATE_SHAPE.test(s);
}

/** True for a real calendar date written YYYY-MM-DD with a year in [MIN_ISO_YEAR, MAX_ISO_YEAR]:
 * 2026-02-31, 2025-02-29, 0000-01-01 and 2026-7-1 are refused. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== "string") return false;
  const m = ISO_DATE_SHAPE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_ISO_YEAR || year > MAX_ISO_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export const ISO_DATE_FORMAT_MESSAGE = "must be a date YYYY-MM-DD";
export const ISO_DATE_CALENDAR_MESSAGE = `is not a calendar date (years ${MIN_ISO_YEAR}–${MAX_ISO_YEAR})`;

/** The zod schema of an ISO date: one issue, either the format or the calendar. (Marked pure so a
 * bundle that only needs isIsoDate, such as the client's trading calendar, can leave zod out.) */
export const isoDateSchema = /* @__PURE__ */ z.string().superRefine((s, ctx) => {
  if (!hasIsoDateShape(s)) ctx.addIssue({ code: "custom", message: ISO_DATE_FORMAT_MESSAGE });
  else if (!isIsoDate(s)) ctx.addIssue({ code: "custom", message: ISO_DATE_CALENDAR_MESSAGE });
});

/** Days since 1970-01-01 of a valid ISO date (throws RangeError otherwise). */
export function isoDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export function toDbDate(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}

export function fromDbDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}
