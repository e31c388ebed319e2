import "server-only";
// A new book, owned by the manager who creates it. Its first batch run back-fills from inception.
import type { PortfolioCreateInput, PortfolioSummary } from "@/lib/contracts/portfolios";
import { toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import { getPortfolioOrThrow } from "./portfolios";
import type { SessionUser } from "./session";

export async function createPortfolio(user: SessionUser, input: PortfolioCreateInput): Promise<PortfolioSummary> {
  const created = await getPrisma().portfolio.create({
    data: {
      name: input.name,
      description: input.description ?? null,
      ownerId: user.id,
      startingEquity: input.startingEquity,
      inceptionDate: toDbDate(input.inceptionDate),
    },
    select: { id: true },
  });
  return getPortfolioOrThrow(user, created.id);
}
