import "server-only";
// Data freshness for the admin data page: for every symbol the batch needs (held
// publicly, an option underlying, a factor or stress proxy) its last stored price date and status
// against the as-of date, and per trading day of the last N how many of them have a price.
import type { FreshnessResponse } from "@/lib/contracts/admin-freshness";
import { FACTOR_PROXY_SYMBOLS, STRESS_PROXIES } from "@/lib/factors/registry";
import { getPool } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { freshnessReport } from "@/lib/market-data/freshness";
import { lastPriceDates } from "@/lib/market-data/store-prices";
import { CALENDAR_FIRST_DATE, tradingDaysBetween } from "@/lib/market-data/trading-calendar";

/** The last `n` trading days up to and including `asOf`. */
function lastTradingDays(asOf: IsoDate, n: number): IsoDate[] {
  // 1.5 calendar days per trading day, plus two weeks of holidays, is always enough.
  const start = new Date(`${asOf}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - Math.ceil(n * 1.5) - 14);
  const from = start.toISOString().slice(0, 10);
  return tradingDaysBetween(from < CALENDAR_FIRST_DATE ? CALENDAR_FIRST_DATE : from, asOf).slice(-n);
}

function tradingDaysBehind(last: IsoDate, asOf: IsoDate): number {
  if (last >= asOf) return 0;
  return tradingDaysBetween(last < CALENDAR_FIRST_DATE ? CALENDAR_FIRST_DATE : last, asOf).filter((d) => d > last).length;
}

export async function getFreshness({ asOf, asOfSource, days }: { asOf: IsoDate; asOfSource: string; days: number }): Promise<FreshnessResponse> {
  const pool = getPool();
  const held = await pool.query<{ symbol: string; portfolios: number }>(
    `SELECT symbol, count(DISTINCT portfolio_id)::int AS portfolios FROM (
       SELECT symbol, portfolio_id FROM positions WHERE investment_class = 'PUBLIC'
       UNION ALL
       SELECT underlying, portfolio_id FROM positions WHERE investment_class = 'OPTIONS' AND underlying IS NOT NULL
     ) needed GROUP BY symbol`,
  );
  const heldBy = new Map(held.rows.map((r) => [r.symbol, r.portfolios]));
  const proxies = new Set<string>([...FACTOR_PROXY_SYMBOLS, ...STRESS_PROXIES]);
  const symbols = [...new Set([...heldBy.keys(), ...proxies])];
  const dates = lastTradingDays(asOf, days);

  const [last, rows, names] = await Promise.all([
    lastPriceDates(pool, symbols),
    pool.query<{ symbol: string; date: string }>(
      `SELECT symbol, to_char(date, 'YYYY-MM-DD') AS date FROM prices WHERE symbol = ANY($1::text[]) AND date BETWEEN $2::date AND $3::date`,
      [symbols, dates[0] ?? asOf, asOf],
    ),
    pool.query<{ symbol: string; name: string }>(`SELECT symbol, name FROM symbols WHERE symbol = ANY($1::text[])`, [symbols]),
  ]);
  const report = freshnessReport({ symbols, dates, asOf, rows: rows.rows, lastPriceDates: last });
  const nameOf = new Map(names.rows.map((r) => [r.symbol, r.name]));

  const receivedOn = new Map<string, Set<string>>();
  for (const { symbol, date } of rows.rows) {
    const set = receivedOn.get(date) ?? new Set<string>();
    receivedOn.set(date, set.add(symbol));
  }
  const sortedSymbols = [...symbols].sort();
  return {
    asOf,
    asOfSource,
    days: dates.length,
    symbols: report.symbols.map((s) => ({
      ...s,
      name: nameOf.get(s.symbol) ?? null,
      daysBehind: s.lastPriceDate === null ? null : tradingDaysBehind(s.lastPriceDate, asOf),
      portfolios: heldBy.get(s.symbol) ?? 0,
      proxy: proxies.has(s.symbol),
    })),
    counts: { fresh: report.symbols.length - report.stale.length - report.missing.length, stale: report.stale.length, missing: report.missing.length },
    coverage: report.coverage.map((c) => ({ ...c, missingSymbols: sortedSymbols.filter((s) => !receivedOn.get(c.date)?.has(s)) })),
    requested: report.requested,
    received: report.received,
    pct: report.pct,
  };
}
