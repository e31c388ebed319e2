import "server-only";
// Realized and forecast volatility of one snapshot date, with the history of the 21-day vol and the
// forecasts over the completed snapshots up to that date (the chart's series).
import { VOL_TRENDS, type VolatilityResponse, type VolTrend } from "@/lib/contracts/analytics";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

const isTrend = (v: string | null): v is VolTrend => (VOL_TRENDS as readonly (string | null)[]).includes(v);

export async function getVolatility(portfolio: PortfolioSummary, date?: string): Promise<VolatilityResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const s = at.value.snapshot;
  if (s.vol21 === null) return sectionUnavailable(portfolio, at.value, "volatility", "volatility");
  const rows = await getPrisma().snapshot.findMany({
    where: { portfolioId: portfolio.id, status: "COMPLETE", date: { lte: toDbDate(at.value.asOfDate) } },
    orderBy: { date: "asc" },
    select: { date: true, vol21: true, volForecastHar: true, volForecastEwma: true },
  });
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    vol21: s.vol21,
    vol63: s.vol63,
    forecastHar: s.volForecastHar,
    forecastEwma: s.volForecastEwma,
    percentile: s.volPercentile,
    trend: isTrend(s.volTrend) ? s.volTrend : null,
    history: rows.map((r) => ({ date: fromDbDate(r.date), vol21: r.vol21, forecastHar: r.volForecastHar, forecastEwma: r.volForecastEwma })),
  };
}
