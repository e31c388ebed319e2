// NYSE trading calendar for 2019–2027, as published by NYSE Group (holidays, observed dates, special
// closures and 13:00 early closes). Kept as data, not rules, because the exchange decides each year
// (no New Year's observance when Jan 1 is a Saturday, national days of mourning, Juneteenth from 2022).
// Dates are ISO strings (YYYY-MM-DD) in New York; no time zone conversion happens here.
import { isIsoDate } from "@/lib/dates";

export const CALENDAR_FIRST_DATE = "2019-01-01";
export const CALENDAR_LAST_DATE = "2027-12-31";

/** Full-day closures, weekends excluded. */
const HOLIDAYS: Record<number, readonly string[]> = {
  2019: ["01-01", "01-21", "02-18", "04-19", "05-27", "07-04", "09-02", "11-28", "12-25"],
  2020: ["01-01", "01-20", "02-17", "04-10", "05-25", "07-03", "09-07", "11-26", "12-25"],
  2021: ["01-01", "01-18", "02-15", "04-02", "05-31", "07-05", "09-06", "11-25", "12-24"],
  // Jan 1 2022 is a Saturday: NYSE Rule 7.2 observes no holiday (Dec 31 2021 was a trading day).
  2022: ["01-17", "02-21", "04-15", "05-30", "06-20", "07-04", "09-05", "11-24", "12-26"],
  2023: ["01-02", "01-16", "02-20", "04-07", "05-29", "06-19", "07-04", "09-04", "11-23", "12-25"],
  2024: ["01-01", "01-15", "02-19", "03-29", "05-27", "06-19", "07-04", "09-02", "11-28", "12-25"],
  // 01-09: national day of mourning for President Carter.
  2025: ["01-01", "01-09", "01-20", "02-17", "04-18", "05-26", "06-19", "07-04", "09-01", "11-27", "12-25"],
  2026: ["01-01", "01-19", "02-16", "04-03", "05-25", "06-19", "07-03", "09-07", "11-26", "12-25"],
  2027: ["01-01", "01-18", "02-15", "03-26", "05-31", "06-18", "07-05", "09-06", "11-25", "12-24"],
};

/** Early closes at 13:00: the day before Independence Day (when both are weekdays), the day after
 * Thanksgiving, Christmas Eve (when a weekday and not itself the observed Christmas). */
const EARLY_CLOSES: Record<number, readonly string[]> = {
  2019: ["07-03", "11-29", "12-24"],
  2020: ["11-27", "12-24"],
  2021: ["11-26"],
  2022: ["11-25"],
  2023: ["07-03", "11-24"],
  2024: ["07-03", "11-29", "12-24"],
  2025: ["07-03", "11-28", "12-24"],
  2026: ["11-27", "12-24"],
  2027: ["11-26"],
};

export const REGULAR_CLOSE_TIME = "16:00";
export const EARLY_CLOSE_TIME = "13:00";

export class CalendarRangeError extends Error {
  constructor(subject: string) {
    super(
      `${subject} is outside the NYSE calendar (${CALENDAR_FIRST_DATE} to ${CALENDAR_LAST_DATE}). ` +
        "Add the exchange's published holidays for that year to lib/market-data/trading-calendar.ts.",
    );
    this.name = "CalendarRangeError";
  }
}

function withYear(table: Record<number, readonly string[]>): Set<string> {
  return new Set(Object.entries(table).flatMap(([year, days]) => days.map((md) => `${year}-${md}`)));
}

const HOLIDAY_SET = withYear(HOLIDAYS);
const EARLY_CLOSE_SET = withYear(EARLY_CLOSES);

// Every trading day of the covered years, sorted, built once (about 2,270 dates).
const TRADING_DAYS: readonly string[] = (() => {
  const days: string[] = [];
  const end = new Date(`${CALENDAR_LAST_DATE}T00:00:00Z`);
  for (let d = new Date(`${CALENDAR_FIRST_DATE}T00:00:00Z`); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !HOLIDAY_SET.has(iso)) days.push(iso);
  }
  return days;
})();
const TRADING_DAY_SET = new Set(TRADING_DAYS);

function assertCovered(date: string): void {
  if (!isIsoDate(date)) throw new Error(`"${date}" is not a YYYY-MM-DD calendar date`);
  if (date < CALENDAR_FIRST_DATE || date > CALENDAR_LAST_DATE) throw new CalendarRangeError(`Date ${date}`);
}

/** Index of the first trading day ≥ date (TRADING_DAYS.length if none). */
function lowerBound(date: string): number {
  let lo = 0;
  let hi = TRADING_DAYS.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (TRADING_DAYS[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function isTradingDay(date: string): boolean {
  assertCovered(date);
  return TRADING_DAY_SET.has(date);
}

/** Trading days from `from` to `to`, both inclusive, ascending; empty when from > to. */
export function tradingDaysBetween(from: string, to: string): string[] {
  assertCovered(from);
  assertCovered(to);
  if (from > to) return [];
  return TRADING_DAYS.slice(lowerBound(from), lowerBound(to) + (TRADING_DAY_SET.has(to) ? 1 : 0));
}

/** The last trading day strictly before `date`. */
export function previousTradingDay(date: string): string {
  assertCovered(date);
  const prev = TRADING_DAYS[lowerBound(date) - 1];
  if (prev === undefined) throw new CalendarRangeError(`The trading day before ${date}`);
  return prev;
}

/** The first trading day strictly after `date`. */
export function nextTradingDay(date: string): string {
  assertCovered(date);
  const i = lowerBound(date);
  const next = TRADING_DAYS[TRADING_DAYS[i] === date ? i + 1 : i];
  if (next === undefined) throw new CalendarRangeError(`The trading day after ${date}`);
  return next;
}

/** "13:00" (New York) on an early-close day, null on a full day or a closed day. */
export function earlyCloseTime(date: string): typeof EARLY_CLOSE_TIME | null {
  assertCovered(date);
  return EARLY_CLOSE_SET.has(date) && TRADING_DAY_SET.has(date) ? EARLY_CLOSE_TIME : null;
}

/** The New York closing time of a trading day. */
export function closeTime(date: string): typeof REGULAR_CLOSE_TIME | typeof EARLY_CLOSE_TIME {
  if (!isTradingDay(date)) throw new Error(`${date} is not an NYSE trading day`);
  return earlyCloseTime(date) ?? REGULAR_CLOSE_TIME;
}
