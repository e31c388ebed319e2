import "server-only";
// Deleting a book for good: the caller types its name as confirmation; every dependent row (positions
// with their marks, valuations and Greeks, flows, snapshots, results, telemetry) goes with it.
import { ApiError, invalidBodyField } from "@/lib/api/errors";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { getPrisma } from "@/lib/db/prisma";

export async function deletePortfolio(portfolio: PortfolioSummary, confirmName: string): Promise<{ deleted: string }> {
  if (confirmName !== portfolio.name) throw invalidBodyField("confirmName", "must be the portfolio's name, typed exactly");
  await getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM portfolios WHERE id = ${portfolio.id} FOR UPDATE`;
    // A run computing the book would write rows for a portfolio that no longer exists.
    const lease = await tx.portfolioLock.findFirst({ where: { portfolioId: portfolio.id, expiresAt: { gt: new Date() } }, select: { runId: true } });
    if (lease) throw new ApiError("conflict", `Batch run ${lease.runId} is computing ${portfolio.name}: delete it once the run ends.`);
    await tx.portfolioLock.deleteMany({ where: { portfolioId: portfolio.id } });
    await tx.portfolio.delete({ where: { id: portfolio.id } });
  });
  return { deleted: portfolio.id };
}
