import "server-only";
// One stress scenario's stored P&L (direct and correlated) on each complete day in a range. The
// scenario must be one the book computes: an unknown key, or another manager's own, is a 422 naming it.
import { ApiError } from "@/lib/api/errors";
import type { StressHistoryResponse, StressSeries } from "@/lib/contracts/history";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { historyDays, reasonIfEmpty } from "./history-range";

export async function getStressHistory(portfolio: PortfolioSummary, q: { from?: string; to?: string; scenario: string }): Promise<StressHistoryResponse> {
  const prisma = getPrisma();
  const scenario = await prisma.stressScenario.findUnique({ where: { key: q.scenario }, select: { key: true, name: true, ownerId: true } });
  if (!scenario || (scenario.ownerId !== null && scenario.ownerId !== portfolio.ownerId)) {
    const message = "is not a scenario this portfolio computes";
    throw new ApiError("unprocessable_entity", `Invalid query: query.scenario: ${message}`, { fields: [{ field: "query.scenario", message }] });
  }
  const days = await historyDays(portfolio, q);
  const rows =
    days.days.length === 0
      ? []
      : await prisma.stressResult.findMany({
          where: { portfolioId: portfolio.id, scenarioKey: scenario.key, date: { gte: toDbDate(days.days[0]!.date), lte: toDbDate(days.days.at(-1)!.date) } },
          select: { date: true, directPnl: true, correlatedPnl: true },
        });
  const byDate = new Map(rows.map((r) => [r.date.getTime(), r]));
  const points = days.days.map(({ date }) => {
    const r = byDate.get(toDbDate(date).getTime());
    return { date, directPnl: r?.directPnl ?? null, correlatedPnl: r?.correlatedPnl ?? null };
  });
  const what = (k: StressSeries) => `${scenario.name}, ${k === "directPnl" ? "direct" : "correlated"} P&L`;
  const unavailable = {
    directPnl: reasonIfEmpty(days, points, (p) => p.directPnl, what("directPnl"), "stress"),
    correlatedPnl: reasonIfEmpty(days, points, (p) => p.correlatedPnl, what("correlatedPnl"), "stress"),
  };
  return { portfolioId: portfolio.id, from: days.from, to: days.to, scenario: { key: scenario.key, name: scenario.name }, unavailable, points };
}
