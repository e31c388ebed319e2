// MARKET_DATA (docs/ARCHITECTURE.md, "The daily batch"): prices of every needed symbol for the whole range, fetched and stored BEFORE any
// panel is loaded, so no day is computed from a panel missing its own prices. Each symbol is fetched from the day after its last stored
// price (or from the start of the look-back) to the as-of date; per-symbol vendor errors are recorded,
// never fatal. Coverage and freshness go to telemetry.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { FACTOR_PROXY_SYMBOLS, STRESS_PROXIES } from "@/lib/factors/registry";
import type { MarketDataProvider } from "@/lib/market-data/provider";
import { lastPriceDates, upsertPrices } from "@/lib/market-data/store-prices";
import { CALENDAR_FIRST_DATE, nextTradingDay, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import type { MarketDataResult, PhaseOutcome } from "../types";

/** Trading days of price history kept before the first date to compute: the hungriest metric is the
 * HAR volatility forecast (22 + 252 + 21 returns); the rest need ≤ 252. */
export const LOOKBACK_TRADING_DAYS = 320;

export function lookbackStart(firstDate: IsoDate): IsoDate {
  const days = tradingDaysBetween(CALENDAR_FIRST_DATE, firstDate);
  return days[Math.max(0, days.length - 1 - LOOKBACK_TRADING_DAYS)] ?? firstDate;
}

/** Symbols held by the portfolios in scope (positions and option underlyings), without the proxies. */
export async function heldSymbols(db: Queryable, portfolioIds: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ symbol: string }>(
    `SELECT DISTINCT CASE WHEN investment_class = 'OPTIONS' THEN underlying ELSE symbol END AS symbol
     FROM positions WHERE portfolio_id = ANY($1::text[]) AND investment_class <> 'PRIVATE' ORDER BY 1`,
    [[...portfolioIds]],
  );
  return rows.map((r) => r.symbol);
}

/** Symbols whose prices the portfolios in scope need: the held symbols and every proxy. */
export async function neededSymbols(db: Queryable, portfolioIds: readonly string[]): Promise<string[]> {
  return [...new Set([...(await heldSymbols(db, portfolioIds)), ...FACTOR_PROXY_SYMBOLS, ...STRESS_PROXIES])].sort();
}

export async function fetchMarketData(
  db: Queryable,
  provider: MarketDataProvider,
  { symbols, firstDate, asOfDate }: { symbols: string[]; firstDate: IsoDate; asOfDate: IsoDate },
): Promise<{ outcome: PhaseOutcome; value: MarketDataResult }> {
  const start = lookbackStart(firstDate);
  const before = await lastPriceDates(db, symbols);
  // Group symbols by the first date they need, so each group is one provider request.
  const groups = new Map<IsoDate, string[]>();
  for (const s of symbols) {
    const last = before.get(s);
    if (last !== undefined && last >= asOfDate) continue;
    const from = last === undefined || last < start ? start : nextTradingDay(last);
    if (from > asOfDate) continue;
    groups.set(from, [...(groups.get(from) ?? []), s]);
  }
  let receivedRows = 0;
  let changedRows = 0;
  const failedSymbols: MarketDataResult["failedSymbols"] = [];
  for (const [from, group] of groups) {
    const res = await provider.fetchDailyCloses(group, from, asOfDate);
    failedSymbols.push(...res.errors);
    if (res.prices.length) {
      const stored = await upsertPrices(db, res.prices, { source: provider.name });
      receivedRows += stored.rows;
      changedRows += stored.changed;
    }
  }
  const after = await lastPriceDates(db, symbols);
  const missingSymbols = symbols.filter((s) => !after.has(s));
  const staleSymbols = symbols.filter((s) => after.has(s) && after.get(s)! < asOfDate);
  const fetchFrom = groups.size ? [...groups.keys()].sort()[0]! : null;
  const value: MarketDataResult = {
    symbols,
    fetchFrom,
    fetchTo: asOfDate,
    requestedSymbols: [...groups.values()].reduce((n, g) => n + g.length, 0),
    receivedRows,
    changedRows,
    failedSymbols,
    staleSymbols,
    missingSymbols,
  };
  const counts = {
    symbolsNeeded: symbols.length,
    symbolsFetched: value.requestedSymbols,
    rowsReceived: receivedRows,
    rowsWritten: changedRows,
    symbolsFailed: failedSymbols.length,
    symbolsStale: staleSymbols.length,
    symbolsMissing: missingSymbols.length,
  };
  const details = { fetchFrom, fetchTo: asOfDate, failedSymbols, staleSymbols, missingSymbols };
  // Stale or missing symbols do not stop the batch: the dates they leave without a price are not
  // completed (each portfolio-day records MISSING_PRICES / STALE_PRICES) and a later run fills them.
  return { outcome: { status: "succeeded", counts, details }, value };
}
