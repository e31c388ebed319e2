import "server-only";
// The stored volatility of each complete day in a range: realized 21 and 63 days, HAR and EWMA forecasts.
import { VOL_SERIES, type VolatilityHistoryResponse, type VolSeries } from "@/lib/contracts/history";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { historyDays, reasonIfEmpty } from "./history-range";

const LABEL: Record<VolSeries, string> = { vol21: "realized 21-day volatility", vol63: "realized 63-day volatility", forecastHar: "HAR forecast", forecastEwma: "EWMA forecast" };

export async function getVolatilityHistory(portfolio: PortfolioSummary, range: { from?: string; to?: string }): Promise<VolatilityHistoryResponse> {
  const days = await historyDays(portfolio, range);
  const points = days.days.map(({ date, row }) => ({ date, vol21: row.vol21, vol63: row.vol63, forecastHar: row.volForecastHar, forecastEwma: row.volForecastEwma }));
  const unavailable = Object.fromEntries(VOL_SERIES.map((k) => [k, reasonIfEmpty(days, points, (p) => p[k], LABEL[k], "volatility")])) as Record<VolSeries, string | null>;
  return { portfolioId: portfolio.id, from: days.from, to: days.to, unavailable, points };
}
