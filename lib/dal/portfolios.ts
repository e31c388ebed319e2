import "server-only";
// Portfolio reads, always scoped to what the caller may see: a manager their own, an admin all.
import { ApiError } from "@/lib/api/errors";
import { fromDbDate, toDbDate } from "@/lib/dates";
import { getPrisma } from "@/lib/db/prisma";
import type { SessionUser } from "./session";

export interface PortfolioSummary {
  id: string;
  name: string;
  description: string | null;
  ownerId: string;
  ownerName: string;
  currency: string;
  startingEquity: number;
  inceptionDate: string;
  positionCount: number;
  latest: { date: string; nav: number | null; pnlDay: number | null; pnlCumulative: number | null } | null;
}

const ownerFilter = (user: SessionUser) => (user.role === "ADMIN" ? {} : { ownerId: user.id });

async function summaries(user: SessionUser, id?: string): Promise<PortfolioSummary[]> {
  const prisma = getPrisma();
  const rows = await prisma.portfolio.findMany({
    where: { ...ownerFilter(user), ...(id === undefined ? {} : { id }) },
    orderBy: { name: "asc" },
    include: {
      owner: { select: { name: true } },
      _count: { select: { positions: true } },
      snapshots: { where: { status: "COMPLETE" }, orderBy: { date: "desc" }, take: 1, select: { date: true, nav: true, pnlDay: true, pnlCumulative: true } },
    },
  });
  return rows.map((p) => {
    const s = p.snapshots[0];
    return {
      id: p.id,
      name: p.name,
      description: p.description,
      ownerId: p.ownerId,
      ownerName: p.owner.name,
      currency: p.currency,
      startingEquity: p.startingEquity,
      inceptionDate: fromDbDate(p.inceptionDate),
      positionCount: p._count.positions,
      latest: s ? { date: fromDbDate(s.date), nav: s.nav, pnlDay: s.pnlDay, pnlCumulative: s.pnlCumulative } : null,
    };
  });
}

export function listPortfolios(user: SessionUser): Promise<PortfolioSummary[]> {
  return summaries(user);
}

/** The portfolio if the caller may read it; 404 otherwise (never 403: existence is not disclosed). */
export async function getPortfolioOrThrow(user: SessionUser, id: string): Promise<PortfolioSummary> {
  const [p] = await summaries(user, id);
  if (!p) throw new ApiError("not_found", `Portfolio ${id} not found.`);
  return p;
}

export interface SnapshotPoint {
  date: string;
  nav: number | null;
  pnlDay: number | null;
  pnlCumulative: number | null;
  dailyReturn: number | null;
  grossExposure: number | null;
  netExposure: number | null;
}

export async function getSnapshotHistory(portfolio: PortfolioSummary, range: { from?: string; to?: string } = {}): Promise<SnapshotPoint[]> {
  const rows = await getPrisma().snapshot.findMany({
    where: {
      portfolioId: portfolio.id,
      status: "COMPLETE",
      date: { ...(range.from ? { gte: toDbDate(range.from) } : {}), ...(range.to ? { lte: toDbDate(range.to) } : {}) },
    },
    orderBy: { date: "asc" },
    select: { date: true, nav: true, pnlDay: true, pnlCumulative: true, dailyReturn: true, grossExposure: true, netExposure: true },
  });
  return rows.map((r) => ({ ...r, date: fromDbDate(r.date) }));
}
