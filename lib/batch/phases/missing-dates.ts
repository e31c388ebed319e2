// Phase 2 (SPEC §5): per portfolio, the trading days to compute. Each portfolio has its own watermark:
// the first trading day since inception without a complete snapshot, so a missed day is always
// back-filled (SPEC §12 lesson 7). A forced rerun recomputes its range, extended back to any earlier
// gap so the NAV chain stays whole.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { previousTradingDay, tradingDaysBetween } from "@/lib/market-data/trading-calendar";
import type { MissingDatesResult, PortfolioPlan } from "../types";

export interface ScopedPortfolio {
  id: string;
  inceptionDate: IsoDate;
}

export async function portfoliosInScope(db: Queryable, portfolioIds: readonly string[] | null | undefined): Promise<ScopedPortfolio[]> {
  const all = !portfolioIds || portfolioIds.length === 0;
  const { rows } = await db.query<{ id: string; inception_date: string }>(
    `SELECT id, inception_date FROM portfolios ${all ? "" : "WHERE id = ANY($1::text[])"} ORDER BY id`,
    all ? [] : [[...portfolioIds]],
  );
  if (!all) {
    const found = new Set(rows.map((r) => r.id));
    const unknown = portfolioIds.filter((id) => !found.has(id));
    if (unknown.length) throw new Error(`Unknown portfolio id(s): ${unknown.join(", ")}`);
  }
  return rows.map((r) => ({ id: r.id, inceptionDate: r.inception_date }));
}

export function planPortfolio(
  portfolio: ScopedPortfolio,
  completeDates: ReadonlySet<IsoDate>,
  asOfDate: IsoDate,
  force: { from: IsoDate; to: IsoDate } | null | undefined,
): PortfolioPlan {
  const days = tradingDaysBetween(portfolio.inceptionDate, asOfDate);
  const firstGap = days.findIndex((d) => !completeDates.has(d));
  let start: number;
  let end = days.length;
  if (force) {
    const from = days.findIndex((d) => d >= force.from);
    start = from === -1 ? days.length : firstGap === -1 ? from : Math.min(from, firstGap);
    const to = days.findLastIndex((d) => d <= force.to);
    end = Math.max(to + 1, 0);
    // A gap after the forced range (never computed) is computed too: its chain starts in the range.
    if (firstGap !== -1 && firstGap >= end) end = days.length;
  } else {
    start = firstGap === -1 ? days.length : firstGap;
  }
  const dates = start < end ? days.slice(start, end) : [];
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
    `SELECT portfolio_id, date FROM snapshots WHERE status = 'COMPLETE' AND portfolio_id = ANY($1::text[]) AND date <= $2::date`,
    [portfolios.map((p) => p.id), asOfDate],
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
