import "server-only";
// The stored correlation matrix of one snapshot date (positions ordered by gross weight).
import type { CorrelationsResponse } from "@/lib/contracts/analytics";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { correlationMatrixSchema } from "@/lib/results/shapes";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import { parseStored } from "./stored-json";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export async function getCorrelations(portfolio: PortfolioSummary, date?: string): Promise<CorrelationsResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const r = await getPrisma().correlationMatrix.findUnique({ where: { portfolioId_date: { portfolioId: portfolio.id, date: toDbDate(at.value.asOfDate) } } });
  if (!r) return sectionUnavailable(portfolio, at.value, "correlations", "correlations");
  const m = parseStored(correlationMatrixSchema, r.matrix, { table: "correlation_matrices", column: "matrix", key: { portfolioId: portfolio.id, date: at.value.asOfDate } });
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    symbols: r.symbols,
    rows: m.rows,
    weights: m.weights,
    from: m.from,
    to: m.to,
    n: r.n,
    averageAbsCorrelation: r.averageAbsCorrelation,
    effectiveBets: r.effectiveBets,
    excluded: m.excluded,
  };
}
