import "server-only";
// The overview figures of one snapshot: NAV, P&L, exposures, cash and counts.
import type { OverviewResponse } from "@/lib/contracts/analytics";
import { findAsOfSnapshot } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

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
  };
}
