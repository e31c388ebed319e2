import "server-only";
// The overview figures of one snapshot: NAV, P&L, exposures, cash and counts.
import type { Analytics } from "@/lib/api/analytics-response";
import { findAsOfSnapshot } from "./as-of-snapshot";
import type { PortfolioSummary } from "./portfolios";

export interface OverviewFigures {
  nav: number | null;
  pnlDay: number | null;
  pnlCumulative: number | null;
  dailyReturn: number | null;
  realizedPnl: number | null;
  capitalFlow: number | null;
  longExposure: number | null;
  shortExposure: number | null;
  grossExposure: number | null;
  netExposure: number | null;
  cash: number | null;
  privateValue: number | null;
  numPositions: number | null;
  numLong: number | null;
  numShort: number | null;
  /** Symbols valued on a carried (last known) price, and symbols whose data has not arrived. */
  carriedSymbols: string[];
  staleSymbols: string[];
}

export async function getOverview(portfolio: PortfolioSummary, date?: string): Promise<Analytics<OverviewFigures>> {
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
  };
}
