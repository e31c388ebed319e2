import "server-only";
// The stored correlation matrix of one snapshot date (positions ordered by gross weight).
import { StoredDataError } from "@/lib/api/errors";
import type { CorrelationsResponse } from "@/lib/contracts/analytics";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { correlationExcludedSchema } from "@/lib/results/shapes";
import { findAsOfSnapshot, sectionUnavailable } from "./as-of-snapshot";
import { parseStored } from "./stored-json";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export async function getCorrelations(portfolio: PortfolioSummary, date?: string): Promise<CorrelationsResponse> {
  const at = await findAsOfSnapshot(portfolio, date);
  if (!at.found) return at.unavailable;
  const r = await getPrisma().correlationMatrix.findUnique({ where: { portfolioId_date: { portfolioId: portfolio.id, date: toDbDate(at.value.asOfDate) } } });
  if (!r) return sectionUnavailable(portfolio, at.value, "correlations", "correlations");
  const key = { portfolioId: portfolio.id, date: at.value.asOfDate };
  // The matrix is stored flat (row-major n × n): its length is all that can drift.
  const { n } = r;
  if (r.symbols.length !== n || r.weights.length !== n || r.matrix.length !== n * n) {
    throw new StoredDataError({ table: "correlation_matrices", column: "matrix", key }, [
      `${r.symbols.length} symbols, ${r.weights.length} weights and ${r.matrix.length} correlations, expected n = ${n} of each and n × n = ${n * n}`,
    ]);
  }
  return {
    portfolioId: portfolio.id,
    available: true,
    asOfDate: at.value.asOfDate,
    symbols: r.symbols,
    rows: Array.from({ length: n }, (_, i) => r.matrix.slice(i * n, (i + 1) * n)),
    weights: r.weights,
    from: fromDbDate(r.windowFrom),
    to: fromDbDate(r.windowTo),
    n,
    averageAbsCorrelation: r.averageAbsCorrelation,
    effectiveBets: r.effectiveBets,
    excluded: parseStored(correlationExcludedSchema, r.excluded, { table: "correlation_matrices", column: "excluded", key }),
  };
}
