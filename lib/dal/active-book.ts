import "server-only";
// An archived book is frozen: no batch runs recompute it, so a change to its inputs would leave its
// stored results stale for good. Its manager restores it first.
import { ApiError } from "@/lib/api/errors";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";

export function assertBookActive(portfolio: PortfolioSummary): void {
  if (portfolio.archived) throw new ApiError("conflict", `Portfolio ${portfolio.name} is archived: restore it before changing its positions or flows.`);
}
