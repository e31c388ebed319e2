import "server-only";
// Rename, describe, re-equity, archive or restore a book, or choose its benchmark. Only the starting equity is an input of the
// numbers (NAV at inception): changing it makes every stored day stale. Archiving keeps the results
// and takes the book out of lists and batch runs; restoring lets the next run back-fill what it missed.
import type { PortfolioPatchInput, PortfolioSummary, PortfolioUpdateResponse } from "@/lib/contracts/portfolios";
import { portfolioChanged } from "@/lib/batch/recompute/portfolio-changed";
import { getPrisma } from "@/lib/db/prisma";
import { assertBookActive } from "./active-book";
import { assertBenchmarkListed } from "./benchmark";
import { getPortfolioOrThrow } from "./portfolios";
import { markResultsStale } from "./results-stale";
import type { SessionUser } from "./session";

export async function updatePortfolio(user: SessionUser, portfolio: PortfolioSummary, patch: PortfolioPatchInput): Promise<PortfolioUpdateResponse> {
  const equityChanges = patch.startingEquity !== undefined && patch.startingEquity !== portfolio.startingEquity;
  if (equityChanges && patch.archived !== false) assertBookActive(portfolio);
  const archiving = patch.archived === true && !portfolio.archived;
  if (patch.benchmarkSymbol !== undefined) await assertBenchmarkListed(patch.benchmarkSymbol);
  const staleResults = await getPrisma().$transaction(async (tx) => {
    await tx.portfolio.update({
      where: { id: portfolio.id },
      data: {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.startingEquity === undefined ? {} : { startingEquity: patch.startingEquity }),
        ...(patch.benchmarkSymbol === undefined ? {} : { benchmarkSymbol: patch.benchmarkSymbol }),
        ...(archiving ? { archivedAt: new Date() } : patch.archived === false ? { archivedAt: null } : {}),
      },
    });
    return equityChanges ? markResultsStale(tx, portfolio.id, portfolio.inceptionDate) : null;
  });
  // A recompute for the new equity, or a back-fill of what an archived book missed.
  if (staleResults || (patch.archived === false && portfolio.archived)) await portfolioChanged(portfolio.id, staleResults?.recomputeFrom ?? portfolio.inceptionDate);
  return { portfolio: await getPortfolioOrThrow(user, portfolio.id), staleResults };
}
