import "server-only";
// Portfolio reads, always scoped to what the caller may see: a manager their own, an admin all.
import { ApiError } from "@/lib/api/errors";
import type { SnapshotPoint } from "@/lib/contracts/analytics";
import type { PortfolioSummary } from "@/lib/contracts/portfolios";
import { fromDbDate, toDbDate, type IsoDate } from "@/lib/dates";
import { getPool } from "@/lib/db/pool";
import { getPrisma } from "@/lib/db/prisma";
import type { SessionUser } from "./session";

interface SummaryRow {
  id: string;
  name: string;
  description: string | null;
  owner_id: string;
  owner_name: string;
  currency: string;
  starting_equity: number;
  inception_date: string;
  archived: boolean;
  benchmark_symbol: string;
  position_count: number;
  latest_date: string | null;
  nav: number | null;
  pnl_day: number | null;
  pnl_cumulative: number | null;
}

/**
 * One round trip per request: every handler of a portfolio authorizes through this query. `archived`
 * filters the list (true: archived books only, false: active ones); a lookup by id finds either.
 */
async function summaries(user: SessionUser, filter: { id: string } | { archived: boolean }): Promise<PortfolioSummary[]> {
  const { rows } = await getPool().query<SummaryRow>(
    `SELECT p.id, p.name, p.description, p.owner_id, u.name AS owner_name, p.currency, p.starting_equity, p.inception_date,
            p.archived_at IS NOT NULL AS archived, p.benchmark_symbol,
            (SELECT count(*) FROM positions x WHERE x.portfolio_id = p.id)::int AS position_count,
            s.date AS latest_date, s.nav, s.pnl_day, s.pnl_cumulative
     FROM portfolios p
     JOIN users u ON u.id = p.owner_id
     LEFT JOIN LATERAL (
       SELECT date, nav, pnl_day, pnl_cumulative FROM snapshots
       WHERE portfolio_id = p.id AND status = 'COMPLETE' ORDER BY date DESC LIMIT 1
     ) s ON true
     WHERE ($1::text IS NULL OR p.owner_id = $1) AND ($2::text IS NULL OR p.id = $2)
       AND ($3::boolean IS NULL OR (p.archived_at IS NOT NULL) = $3)
     ORDER BY p.name`,
    // The owner filter is explicit: a manager without an id must never match every portfolio.
    [user.role === "ADMIN" ? null : requireId(user.id), "id" in filter ? filter.id : null, "archived" in filter ? filter.archived : null],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    currency: r.currency,
    startingEquity: r.starting_equity,
    inceptionDate: r.inception_date,
    archived: r.archived,
    benchmarkSymbol: r.benchmark_symbol,
    positionCount: r.position_count,
    latest: r.latest_date === null ? null : { date: r.latest_date, nav: r.nav, pnlDay: r.pnl_day, pnlCumulative: r.pnl_cumulative },
  }));
}

function requireId(id: string): string {
  if (!id) throw new ApiError("unauthorized", "Sign in first.");
  return id;
}

/** The caller's active books, or with `archived` their archived ones. */
export function listPortfolios(user: SessionUser, { archived = false }: { archived?: boolean } = {}): Promise<PortfolioSummary[]> {
  return summaries(user, { archived });
}

export const portfolioNotFound = (id: string) => new ApiError("not_found", `Portfolio ${id} not found.`);

/** The portfolio if the caller may read it; 404 otherwise (never 403: existence is not disclosed). */
export async function getPortfolioOrThrow(user: SessionUser, id: string): Promise<PortfolioSummary> {
  const [p] = await summaries(user, { id });
  if (!p) throw portfolioNotFound(id);
  return p;
}

/** Which COMPLETE snapshot a read of `date` (or the latest) answers from: its date and the run that wrote
 * it when; and the state of the scenario library, since deleting a custom scenario removes its stored
 * results without rewriting the day. */
export interface SnapshotVersion {
  date: IsoDate;
  runId: string | null;
  completedAt: Date | null;
  scenarios: string;
}

/**
 * One round trip for a cached analytics read: whether the caller may read the book (as
 * getPortfolioOrThrow decides), and the version of the snapshot the read answers from (null: none).
 * `undefined`: the book is not the caller's to read.
 */
export async function readableSnapshotVersion(user: SessionUser, id: string, date: IsoDate | undefined): Promise<{ version: SnapshotVersion | null } | undefined> {
  const { rows } = await getPool().query<{ date: IsoDate | null; run_id: string | null; completed_at: Date | null; scenarios: string }>(
    `SELECT s.date::text AS date, s.run_id, s.completed_at,
            (SELECT count(*) || '-' || coalesce(floor(extract(epoch FROM max(updated_at)) * 1000)::text, '0') FROM stress_scenarios) AS scenarios
     FROM portfolios p
     LEFT JOIN LATERAL (
       SELECT date, run_id, completed_at FROM snapshots
       WHERE portfolio_id = p.id AND status = 'COMPLETE' AND ($3::date IS NULL OR date = $3::date)
       ORDER BY date DESC LIMIT 1
     ) s ON true
     WHERE p.id = $2 AND ($1::text IS NULL OR p.owner_id = $1)`,
    [user.role === "ADMIN" ? null : requireId(user.id), id, date ?? null],
  );
  const r = rows[0];
  if (!r) return undefined;
  return { version: r.date === null ? null : { date: r.date, runId: r.run_id, completedAt: r.completed_at, scenarios: r.scenarios } };
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
