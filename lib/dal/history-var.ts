import "server-only";
// The stored 1-day VaR and expected shortfall of each complete day in a range (historical and
// parametric, 95 % and 99 %), in dollars.
import { VAR_SERIES, type VarHistoryResponse, type VarSeries } from "@/lib/contracts/history";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { historyDays, reasonIfEmpty } from "./history-range";

const LABEL: Record<VarSeries, string> = {
  var95Hist: "historical VaR 95 %",
  var99Hist: "historical VaR 99 %",
  es95Hist: "historical ES 95 %",
  es99Hist: "historical ES 99 %",
  var95Param: "parametric VaR 95 %",
  var99Param: "parametric VaR 99 %",
  es95Param: "parametric ES 95 %",
  es99Param: "parametric ES 99 %",
};

export async function getVarHistory(portfolio: PortfolioSummary, range: { from?: string; to?: string }): Promise<VarHistoryResponse> {
  const days = await historyDays(portfolio, range);
  const points = days.days.map(({ date, row }) => ({ date, ...(Object.fromEntries(VAR_SERIES.map((k) => [k, row[k]])) as Record<VarSeries, number | null>) }));
  const unavailable = Object.fromEntries(VAR_SERIES.map((k) => [k, reasonIfEmpty(days, points, (p) => p[k], LABEL[k], "var")])) as Record<VarSeries, string | null>;
  return { portfolioId: portfolio.id, from: days.from, to: days.to, unavailable, points };
}
