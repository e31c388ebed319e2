// The batch's as-of date: the last completed trading day in New York.
// A day counts as completed 30 minutes after its close, so vendors have published the closing prints:
// 16:30 on a regular day, 13:30 on an early-close day (13:00 close + 30 min).
import { env, type Env } from "@/lib/config/env";
import { isIsoDate } from "@/lib/dates";
import type { MarketDataProvider } from "./provider";
import { closeTime, isTradingDay, previousTradingDay } from "./trading-calendar";

const NEW_YORK = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const SETTLE_MINUTES = 30;

export class AsOfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AsOfError";
  }
}

/** The wall-clock date and time in New York at `now` (DST handled by the time zone database). */
export function newYorkClock(now: Date): { date: string; minutesOfDay: number } {
  const parts = Object.fromEntries(NEW_YORK.formatToParts(now).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutesOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Today in New York if its session closed at least 30 minutes ago (inclusive), else the previous trading day. */
export function lastCompletedTradingDay(now: Date): string {
  const { date, minutesOfDay } = newYorkClock(now);
  if (isTradingDay(date) && minutesOfDay >= minutesOf(closeTime(date)) + SETTLE_MINUTES) return date;
  return previousTradingDay(date);
}

/** Validates an AS_OF value: a real YYYY-MM-DD trading day, not after today in New York. */
export function parseAsOfOverride(value: string, now: Date): string {
  const v = value.trim();
  if (!isIsoDate(v)) throw new AsOfError(`AS_OF must be a YYYY-MM-DD date, got "${value}"`);
  let trading: boolean;
  try {
    trading = isTradingDay(v);
  } catch (e) {
    throw new AsOfError(`AS_OF=${v}: ${(e as Error).message}`);
  }
  if (!trading) throw new AsOfError(`AS_OF=${v} is not an NYSE trading day (weekend or holiday)`);
  const today = newYorkClock(now).date;
  if (v > today) throw new AsOfError(`AS_OF=${v} is in the future (today in New York is ${today})`);
  return v;
}

export interface AsOfInput {
  now: Date;
  /** The raw AS_OF environment value; empty or undefined means unset. */
  asOfOverride?: string | undefined;
  /** The last date of a static source (the bundled file): it stands in for "today", so the demo data is complete up to its last date. */
  dataEndDate?: string | undefined;
}

export interface AsOfResult {
  asOf: string;
  source: "AS_OF" | "data" | "clock";
}

export function resolveAsOfDate({ now, asOfOverride, dataEndDate }: AsOfInput): AsOfResult {
  if (asOfOverride !== undefined && asOfOverride.trim() !== "") {
    return { asOf: parseAsOfOverride(asOfOverride, now), source: "AS_OF" };
  }
  if (dataEndDate !== undefined) {
    // The data's last date has its closing prices, so it is complete; it is still checked so a
    // corrupt file cannot set a weekend as-of date.
    if (!isTradingDay(dataEndDate)) throw new AsOfError(`The market data ends on ${dataEndDate}, which is not a trading day`);
    return { asOf: dataEndDate, source: "data" };
  }
  return { asOf: lastCompletedTradingDay(now), source: "clock" };
}

/** The as-of date for a batch or CLI run: AS_OF from the configuration, else the provider's data end, else the clock. */
export async function resolveAsOfDateFor(
  provider: Pick<MarketDataProvider, "dataEndDate">,
  now: Date = new Date(),
  config: Pick<Env, "AS_OF"> = env(),
): Promise<AsOfResult> {
  return resolveAsOfDate({ now, asOfOverride: config.AS_OF, dataEndDate: await provider.dataEndDate?.() });
}
