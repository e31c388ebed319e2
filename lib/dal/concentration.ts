import "server-only";
// Concentration of one snapshot date: HHI and top shares as the batch stored them, and the weights
// behind them from that date's position valuations merged by risk symbol (the same rule as the batch).
import type { ConcentrationResponse } from "@/lib/contracts/analytics";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { riskSymbolOf } from "@/lib/positions/risk-symbol";
import { concentration } from "@/lib/risk/concentration";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export async function getConcentration(portfolio: PortfolioSummary, date?: string): Promise<ConcentrationResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const s = at.value.snapshot;
  if (s.hhi === null) return sectionUnavailable(portfolio, at.value, "concentration", "concentration");
  const valuations = await getPrisma().positionValuation.findMany({
    where: { portfolioId: portfolio.id, date: toDbDate(at.value.asOfDate) },
    select: { exposure: true, marketValue: true, position: { select: { id: true, symbol: true, investmentClass: true, underlying: true } } },
  });
  const merged = concentration(
    valuations.map((v) => ({
      positionId: v.position.id,
      symbol: v.position.symbol,
      riskSymbol: riskSymbolOf(v.position),
      investmentClass: v.position.investmentClass,
      exposure: v.exposure,
      marketValue: v.marketValue,
    })),
  );
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    hhi: s.hhi,
    effectivePositions: s.effectivePositions,
    top3Share: s.top3Share,
    top10Share: s.top10Share,
    weights: merged.available ? merged.weights : [],
  };
}
