// Phase 2: per portfolio, the trading days to compute, always one contiguous run of days that ends at
// the book's horizon (the as-of date, or its last stored day when that is later), so the NAV chain is
// never left half re-chained. A normal run starts at the first day that is not complete or that an
// edit marked for recomputation (a missed day is always back-filled); a forced rerun starts at its
// range's first day, or earlier at such a gap, and re-chains every later day. See docs/ARCHITECTURE.md.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { previousTradingDay, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import type { MissingDatesResult, PortfolioPlan } from "../types";

export interface ScopedPortfolio {
  id: string;
  inceptionDate: IsoDate;
  /** Stored days from this date on are to be recomputed (an edit changed their inputs). */
  recomputeFrom: IsoDate | null;
}

/** The books a run computes: all, or the given ones; an archived book is never computed again (its results are kept). */
export async function portfoliosInScope(db: Queryable, portfolioIds: readonly string[] | null | undefined): Promise<ScopedPortfolio[]> {
  const all = !portfolioIds || portfolioIds.length === 0;
  const { rows } = await db.query<{ id: string; inception_date: string; recompute_from: string | null; archived: boolean }>(
    `SELECT id, inception_date, recompute_from, archived_at IS NOT NULL AS archived FROM portfolios ${all ? "" : "WHERE id = ANY($1::text[])"} ORDER BY id`,
    all ? [] : [[...portfolioIds]],
  );
  if (!all) {
    const found = new Set(rows.map((r) => r.id));
    const unknown = portfolioIds.filter((id) => !found.has(id));
    if (unknown.length) throw new Error(`Unknown portfolio id(s): ${unknown.join(", ")}`);
  }
  return rows.filter((r) => !r.archived).map((r) => ({ id: r.id, inceptionDate: r.inception_date, recomputeFrom: r.recompute_from }));
}

/**
 * `completeDates`: the book's COMPLETE snapshots that are final (not provisional), of any date. A forced range that holds none of the
 * book's trading days up to the as-of date leaves it to the normal rule.
 */
export function planPortfolio(
  portfolio: ScopedPortfolio,
  completeDates: ReadonlySet<IsoDate>,
  asOfDate: IsoDate,
  force: { from: IsoDate; to: IsoDate } | null | undefined,
): PortfolioPlan {
  const lastStored = [...completeDates].reduce<IsoDate | null>((max, d) => (max === null || d > max ? d : max), null);
  const horizon = lastStored !== null && lastStored > asOfDate ? lastStored : asOfDate;
  const days = portfolio.inceptionDate <= horizon ? tradingDaysBetween(portfolio.inceptionDate, horizon) : [];
  const valid = (d: IsoDate) => completeDates.has(d) && (portfolio.recomputeFrom === null || d < portfolio.recomputeFrom);
  // A gap after the as-of date is re-chained by a run that starts earlier, never back-filled by itself.
  const gap = days.findIndex((d) => !valid(d));
  const firstGap = gap !== -1 && days[gap]! <= asOfDate ? gap : -1;
  const forcedStart = force ? days.findIndex((d) => d >= force.from && d <= force.to && d <= asOfDate) : -1;
  const candidates = [firstGap, forcedStart].filter((i) => i !== -1);
  const start = candidates.length ? Math.min(...candidates) : days.length;
  const dates = days.slice(start);
  const first = dates[0];
  return {
    portfolioId: portfolio.id,
    dates,
    anchorDate: first !== undefined && first > days[0]! ? previousTradingDay(first) : null,
  };
}

export async function planMissingDates(
  db: Queryable,
  { asOfDate, portfolioIds, force }: { asOfDate: IsoDate; portfolioIds?: readonly string[] | null; force?: { from: IsoDate; to: IsoDate } | null },
): Promise<MissingDatesResult> {
  const portfolios = await portfoliosInScope(db, portfolioIds);
  const { rows } = await db.query<{ portfolio_id: string; date: string }>(
    // A provisional day (valued on a stale symbol's last close) is planned again by every run, so the
    // first run that has the price recomputes it.
    `SELECT portfolio_id, date FROM snapshots WHERE status = 'COMPLETE' AND cardinality(stale_symbols) = 0 AND portfolio_id = ANY($1::text[])`,
    [portfolios.map((p) => p.id)],
  );
  const complete = new Map<string, Set<IsoDate>>();
  for (const r of rows) {
    let s = complete.get(r.portfolio_id);
    if (!s) complete.set(r.portfolio_id, (s = new Set()));
    s.add(r.date);
  }
  const plans = portfolios.map((p) => planPortfolio(p, complete.get(p.id) ?? new Set(), asOfDate, force));
  const allDates = [...new Set(plans.flatMap((p) => p.dates))].sort();
  return { asOfDate, portfolios: plans, allDates };
}
