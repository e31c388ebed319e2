import "server-only";
// The performance figures of a book as of a COMPLETE day, computed on read from its stored snapshots
// (NAV and P&L) and the benchmark's stored closes (docs/METHODOLOGY.md, "Performance").
import { batchSettings } from "@/lib/config/env";
import type { PerformanceResponse } from "@/lib/contracts/performance";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { CALENDAR_FIRST_DATE, previousTradingDay, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { computePerformance } from "@/lib/risk/performance";
import { findAsOfSnapshot } from "./as-of-snapshot";

interface Day {
  date: IsoDate;
  nav: number | null;
  pnl_day: number | null;
}

export async function getPerformance(portfolio: PortfolioSummary, date?: string): Promise<PerformanceResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const asOf = at.value.asOfDate;
  const unavailable = (reason: "NAV_NOT_POSITIVE" | "NOT_COMPUTED", detail: string): PerformanceResponse => ({ portfolioId: portfolio.id, available: false, asOfDate: asOf, reason, detail });

  const { rows: days } = await getPool().query<Day>(
    `SELECT date::text AS date, nav, pnl_day FROM snapshots WHERE portfolio_id = $1 AND status = 'COMPLETE' AND date <= $2::date ORDER BY date`,
    [portfolio.id, asOf],
  );
  const returns = new Float64Array(days.length);
  for (let i = 1; i < days.length; i++) {
    const previous = days[i - 1]!.nav;
    const pnl = days[i]!.pnl_day;
    if (previous === null || pnl === null) return unavailable("NOT_COMPUTED", `the snapshot of ${previous === null ? days[i - 1]!.date : days[i]!.date} has no NAV or P&L`);
    if (!(previous > 0)) return unavailable("NAV_NOT_POSITIVE", `NAV on ${days[i - 1]!.date} is ${previous}: a return on it is not defined`);
    returns[i] = pnl / previous;
  }

  const performance = await performanceOfSeries(days.map((d) => d.date), returns, asOf, portfolio.benchmarkSymbol);
  const { riskFreeRate } = batchSettings();
  const benchmarkSymbol = portfolio.benchmarkSymbol;
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: asOf,
    inceptionDate: portfolio.inceptionDate,
    benchmarkSymbol,
    riskFreeRate,
    ...performance,
  };
}

/** The performance figures of a daily return series (index 0 is the first day, its return unused), as of
 * its last date, against `benchmarkSymbol`'s stored closes. Shared by a book and an aggregate of books. */
export async function performanceOfSeries(dates: IsoDate[], returns: Float64Array, asOf: IsoDate, benchmarkSymbol: string) {
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const earliest = dates[0]! < yearStart ? dates[0]! : yearStart;
  const from = earliest < CALENDAR_FIRST_DATE ? CALENDAR_FIRST_DATE : earliest;
  const { rows: closes } = await getPool().query<{ date: IsoDate; close: number }>(
    `SELECT date::text AS date, close FROM prices WHERE symbol = $1 AND date BETWEEN $2::date AND $3::date`,
    [benchmarkSymbol, dates[0]! > CALENDAR_FIRST_DATE ? previousTradingDay(dates[0]!) : dates[0]!, asOf],
  );
  const close = new Map(closes.map((c) => [c.date, c.close]));
  // The benchmark's simple return on each book day, from its close on the previous trading day.
  const benchmarkReturns = Float64Array.from(dates, (d) => {
    const today = close.get(d);
    const before = d > CALENDAR_FIRST_DATE ? close.get(previousTradingDay(d)) : undefined;
    return today !== undefined && before !== undefined && before > 0 ? today / before - 1 : NaN;
  });

  const { riskFreeRate } = batchSettings();
  return computePerformance({ dates, returns, benchmarkReturns, tradingDays: tradingDaysBetween(from, asOf), riskFreeRate }, benchmarkSymbol);
}
