import { describe, expect, it } from "vitest";
import { readPriceFile } from "@/lib/market-data/price-file";
import {
  CalendarRangeError,
  closeTime,
  earlyCloseTime,
  isTradingDay,
  nextTradingDay,
  previousTradingDay,
  tradingDaysBetween,
} from "@/lib/market-data/trading-calendar";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  const first = utc(y, m, 1);
  return iso(utc(y, m, 1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (n - 1)));
}
function lastWeekday(y: number, m: number, weekday: number): string {
  const last = utc(y, m + 1, 0);
  return iso(utc(y, m, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7)));
}
// Anonymous Gregorian algorithm.
function easter(y: number): Date {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  return utc(y, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}
/** Saturday → Friday, Sunday → Monday. */
function observed(y: number, m: number, d: number): string {
  const day = utc(y, m, d);
  const shift = day.getUTCDay() === 6 ? -1 : day.getUTCDay() === 0 ? 1 : 0;
  return iso(utc(y, m, d + shift));
}
/** NYSE Rule 7.2 holidays derived from the rules, to cross-check the data table. */
function ruleHolidays(y: number): string[] {
  const newYear = utc(y, 1, 1).getUTCDay() === 6 ? [] : [observed(y, 1, 1)];
  const goodFriday = easter(y);
  goodFriday.setUTCDate(goodFriday.getUTCDate() - 2);
  return [
    ...newYear,
    nthWeekday(y, 1, 1, 3),
    nthWeekday(y, 2, 1, 3),
    iso(goodFriday),
    lastWeekday(y, 5, 1),
    ...(y >= 2022 ? [observed(y, 6, 19)] : []),
    observed(y, 7, 4),
    nthWeekday(y, 9, 1, 1),
    nthWeekday(y, 11, 4, 4),
    observed(y, 12, 25),
  ];
}

describe("NYSE trading calendar", () => {
  it("agrees exactly with the bundled data's dates from 2019-01-02 to 2026-07-13", () => {
    const dataDates = [...new Set(readPriceFile().map((r) => r.date))].sort();
    expect(dataDates[0]).toBe("2019-01-02");
    expect(dataDates.at(-1)).toBe("2026-07-13");
    expect(tradingDaysBetween("2019-01-02", "2026-07-13")).toEqual(dataDates);
  });

  it("closes on every rule holiday 2019–2027, plus only the 2025-01-09 day of mourning", () => {
    for (let y = 2019; y <= 2027; y++) {
      for (const h of ruleHolidays(y)) expect(isTradingDay(h), h).toBe(false);
      const closedWeekdays = tradingDaysBetween(`${y}-01-01`, `${y}-12-31`).length;
      const weekdays = Array.from({ length: 366 }, (_, i) => utc(y, 1, 1 + i)).filter((d) => d.getUTCFullYear() === y && d.getUTCDay() % 6 !== 0).length;
      const extra = y === 2025 ? 1 : 0;
      expect(weekdays - closedWeekdays, `holidays in ${y}`).toBe(ruleHolidays(y).length + extra);
    }
    expect(isTradingDay("2025-01-09")).toBe(false);
  });

  it("observes New Year's, Juneteenth, Independence Day and Christmas on the right weekday", () => {
    expect(isTradingDay("2021-12-31")).toBe(true); // Jan 1 2022 is a Saturday: no observance
    expect(isTradingDay("2023-01-02")).toBe(false); // Sunday → Monday
    expect(isTradingDay("2021-06-18")).toBe(true); // Juneteenth only from 2022
    expect(isTradingDay("2022-06-20")).toBe(false);
    expect(isTradingDay("2027-06-18")).toBe(false); // Saturday → Friday
    expect(isTradingDay("2020-07-03")).toBe(false);
    expect(isTradingDay("2021-07-05")).toBe(false);
    expect(isTradingDay("2026-07-03")).toBe(false);
    expect(isTradingDay("2021-12-24")).toBe(false);
    expect(isTradingDay("2022-12-26")).toBe(false);
    expect(isTradingDay("2027-12-24")).toBe(false);
    expect(isTradingDay("2026-04-03")).toBe(false); // Good Friday
    expect(isTradingDay("2027-03-26")).toBe(false);
  });

  it("knows the 13:00 early closes and only those", () => {
    const early = ["2019-07-03", "2019-11-29", "2019-12-24", "2020-11-27", "2020-12-24", "2021-11-26", "2022-11-25", "2023-07-03", "2023-11-24", "2024-07-03", "2024-11-29", "2024-12-24", "2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24", "2027-11-26"];
    const found = tradingDaysBetween("2019-01-01", "2027-12-31").filter((d) => earlyCloseTime(d) !== null);
    expect(found).toEqual(early);
    expect(earlyCloseTime("2025-07-03")).toBe("13:00");
    expect(closeTime("2025-07-03")).toBe("13:00");
    expect(closeTime("2025-07-02")).toBe("16:00");
    expect(earlyCloseTime("2026-07-02")).toBeNull(); // July 3 2026 is the observed holiday
    expect(earlyCloseTime("2025-12-25")).toBeNull();
    expect(() => closeTime("2025-12-25")).toThrow(/not an NYSE trading day/);
  });

  it("skips weekends", () => {
    expect(isTradingDay("2026-07-11")).toBe(false);
    expect(isTradingDay("2026-07-12")).toBe(false);
    expect(isTradingDay("2026-07-13")).toBe(true);
  });

  it("steps to the previous and next trading day over weekends and holidays", () => {
    expect(previousTradingDay("2026-07-13")).toBe("2026-07-10");
    expect(previousTradingDay("2026-07-12")).toBe("2026-07-10");
    expect(previousTradingDay("2025-01-10")).toBe("2025-01-08");
    expect(nextTradingDay("2025-01-08")).toBe("2025-01-10");
    expect(nextTradingDay("2024-12-24")).toBe("2024-12-26");
    expect(nextTradingDay("2026-07-04")).toBe("2026-07-06");
  });

  it("lists trading days inclusive of both ends", () => {
    expect(tradingDaysBetween("2026-07-06", "2026-07-10")).toEqual(["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"]);
    expect(tradingDaysBetween("2026-07-04", "2026-07-05")).toEqual([]);
    expect(tradingDaysBetween("2026-07-10", "2026-07-06")).toEqual([]);
    expect(tradingDaysBetween("2019-01-01", "2019-12-31")).toHaveLength(252);
  });

  it("throws a clear error outside 2019–2027 and on malformed dates", () => {
    expect(() => isTradingDay("2018-12-31")).toThrow(CalendarRangeError);
    expect(() => isTradingDay("2028-01-03")).toThrow(/outside the NYSE calendar \(2019-01-01 to 2027-12-31\)/);
    expect(() => previousTradingDay("2019-01-02")).toThrow(/trading day before 2019-01-02 is outside/);
    expect(() => nextTradingDay("2027-12-31")).toThrow(CalendarRangeError);
    expect(() => tradingDaysBetween("2018-06-01", "2019-06-01")).toThrow(CalendarRangeError);
    expect(() => isTradingDay("2025-02-30")).toThrow(/not a YYYY-MM-DD calendar date/);
    expect(() => isTradingDay("20250101")).toThrow(/not a YYYY-MM-DD/);
  });
});
