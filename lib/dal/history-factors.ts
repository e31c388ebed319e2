import "server-only";
// Each factor's stored beta and dollar exposure (portfolio_factor_exposures) on each complete day in a
// range; a factor not stored that day is null there.
import type { FactorHistoryResponse } from "@/lib/contracts/history";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { FACTOR_KEYS, FACTOR_LIST, type FactorKey } from "@/lib/factors/registry";
import { historyDays, seriesUnavailable } from "./history-range";

const empty = () => Object.fromEntries(FACTOR_KEYS.map((k) => [k, null])) as Record<FactorKey, number | null>;

export async function getFactorHistory(portfolio: PortfolioSummary, range: { from?: string; to?: string }): Promise<FactorHistoryResponse> {
  const days = await historyDays(portfolio, range);
  const rows =
    days.days.length === 0
      ? []
      : await getPrisma().portfolioFactorExposure.findMany({
          where: { portfolioId: portfolio.id, date: { gte: toDbDate(days.days[0]!.date), lte: toDbDate(days.days.at(-1)!.date) } },
          select: { date: true, factor: true, beta: true, dollars: true },
        });
  const byDate = new Map<number, typeof rows>();
  for (const r of rows) byDate.set(r.date.getTime(), [...(byDate.get(r.date.getTime()) ?? []), r]);
  const points = days.days.map(({ date }) => {
    const beta = empty();
    const dollars = empty();
    for (const r of byDate.get(toDbDate(date).getTime()) ?? []) {
      beta[r.factor] = r.beta;
      dollars[r.factor] = r.dollars;
    }
    return { date, beta, dollars };
  });
  const factors = FACTOR_LIST.map((f) => ({
    factor: f.key,
    displayName: f.displayName,
    unavailable: points.some((p) => p.beta[f.key] !== null)
      ? null
      : seriesUnavailable(days, f.displayName, (r) => r.omittedFactors?.[f.key] ?? r.factors),
  }));
  return { portfolioId: portfolio.id, from: days.from, to: days.to, factors, points };
}
