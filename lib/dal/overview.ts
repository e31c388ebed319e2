import "server-only";
// The overview figures of one snapshot: NAV, P&L, exposures, cash and counts.
import type { LongStaleSymbol, OverviewResponse } from "@/lib/contracts/analytics";
import type { IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import { findAsOfSnapshot } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

/** After this many trading days without a price, a stale symbol is flagged to its managers. */
export const STALE_FLAG_DAYS = 5;

/** The stale symbols whose last price is STALE_FLAG_DAYS trading days or more before `date`. */
async function longStale(symbols: readonly string[], date: IsoDate): Promise<LongStaleSymbol[]> {
  if (!symbols.length) return [];
  const { rows } = await getPool().query<{ symbol: string; last: string }>(
    `SELECT symbol, max(date)::text AS last FROM prices WHERE symbol = ANY($1::text[]) AND date <= $2::date GROUP BY symbol ORDER BY symbol`,
    [symbols, date],
  );
  return rows
    .map((r) => ({ symbol: r.symbol, lastPriceDate: r.last, tradingDays: tradingDaysBetween(r.last, date).length - 1 }))
    .filter((r) => r.tradingDays >= STALE_FLAG_DAYS);
}

export async function getOverview(portfolio: PortfolioSummary, date?: string): Promise<OverviewResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const s = at.value.snapshot;
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    nav: s.nav,
    pnlDay: s.pnlDay,
    pnlCumulative: s.pnlCumulative,
    dailyReturn: s.dailyReturn,
    realizedPnl: s.realizedPnl,
    capitalFlow: s.capitalFlow,
    longExposure: s.longExposure,
    shortExposure: s.shortExposure,
    grossExposure: s.grossExposure,
    netExposure: s.netExposure,
    cash: s.cash,
    privateValue: s.privateValue,
    numPositions: s.numPositions,
    numLong: s.numLong,
    numShort: s.numShort,
    carriedSymbols: s.carriedSymbols,
    staleSymbols: s.staleSymbols,
    longStale: await longStale(s.staleSymbols, at.value.asOfDate),
  };
}
