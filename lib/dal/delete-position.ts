import "server-only";
// Deleting a mistaken position: its rows go (marks, valuations and Greeks cascade) and every stored
// day since its entry is recomputed by the next run.
import { ApiError } from "@/lib/api/errors";
import { fromDbDate } from "@/lib/dates";
import type { StaleResultsNotice } from "@/lib/positions/stale-results";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { assertBookActive } from "./active-book";
import { changeInputs, markResultsStale } from "./results-stale";

export async function deletePosition(portfolio: PortfolioSummary, positionId: string): Promise<{ deleted: string } & StaleResultsNotice> {
  assertBookActive(portfolio);
  return changeInputs(portfolio.id, async (tx) => {
    const p = await tx.position.findFirst({ where: { id: positionId, portfolioId: portfolio.id }, select: { entryDate: true } });
    if (!p) throw new ApiError("not_found", `Position ${positionId} not found in portfolio ${portfolio.id}.`);
    await tx.position.delete({ where: { id: positionId } });
    return { deleted: positionId, ...(await markResultsStale(tx, portfolio.id, fromDbDate(p.entryDate))) };
  });
}
