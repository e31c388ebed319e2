// Invariants checked before a run may say SUCCEEDED (docs/ARCHITECTURE.md, "Batch integrity"): they
// read what was stored, so a bug anywhere upstream (planning, chaining, writing) shows here as a
// named violation instead of as plausible figures. Per portfolio they run while its lease is held, so
// a concurrent run cannot be caught half-way.
import type { Queryable } from "@/lib/db/pool";
import type { IsoDate } from "@/lib/dates";
import { previousTradingDay } from "@/lib/market-data/trading-calendar";
import type { PortfolioPlan } from "./types";

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

interface StoredDay {
  date: IsoDate;
  status: "PENDING" | "COMPLETE";
  previous_date: IsoDate | null;
  nav: number | null;
  pnl_day: number | null;
  capital_flow: number | null;
}

/**
 * Violations of one book's stored chain over its plan: with `complete`, every planned day must be
 * COMPLETE; every COMPLETE day must chain from its previous trading day, which is COMPLETE, with
 * NAV = previous NAV + P&L + flow (the first day: no previous day, P&L 0); no factor is stored from
 * zero coverage (a figure from no data).
 */
export async function portfolioViolations(db: Queryable, plan: PortfolioPlan, { complete }: { complete: boolean }): Promise<string[]> {
  const first = plan.dates[0];
  const last = plan.dates.at(-1);
  if (first === undefined || last === undefined) return [];
  const [days, zero] = await Promise.all([
    db.query<StoredDay>(
      `SELECT date, status, previous_date, nav, pnl_day, capital_flow FROM snapshots WHERE portfolio_id = $1 AND date >= $2::date AND date <= $3::date ORDER BY date`,
      [plan.portfolioId, plan.anchorDate ?? first, last],
    ),
    db.query<{ date: string; factor: string }>(
      `SELECT date, factor::text AS factor FROM portfolio_factor_exposures WHERE portfolio_id = $1 AND date >= $2::date AND date <= $3::date AND coverage = 0 ORDER BY date, factor LIMIT 5`,
      [plan.portfolioId, first, last],
    ),
  ]);
  const out: string[] = [];
  const byDate = new Map(days.rows.map((d) => [d.date, d]));
  if (complete) {
    const undone = plan.dates.filter((d) => byDate.get(d)?.status !== "COMPLETE");
    if (undone.length) out.push(`${undone.length} planned day(s) not complete (${undone[0]}${undone.length > 1 ? ` … ${undone.at(-1)}` : ""})`);
  }
  for (const day of days.rows) {
    if (day.status !== "COMPLETE" || day.date < first) continue;
    if (day.date === first && plan.anchorDate === null) {
      if (day.previous_date !== null || day.pnl_day !== 0) out.push(`${day.date}: the first day chains from ${day.previous_date} with P&L ${day.pnl_day}`);
      continue;
    }
    const expected = previousTradingDay(day.date);
    const previous = byDate.get(expected);
    if (day.previous_date !== expected) out.push(`${day.date}: chained from ${day.previous_date ?? "nothing"}, not from ${expected}`);
    else if (previous?.status !== "COMPLETE") out.push(`${day.date}: its previous day ${expected} is not complete`);
    else if (!close(day.nav!, previous.nav! + day.pnl_day! + (day.capital_flow ?? 0))) {
      out.push(`${day.date}: NAV ${day.nav} ≠ previous NAV ${previous.nav} + P&L ${day.pnl_day} + flow ${day.capital_flow ?? 0}`);
    }
    if (out.length >= 10) break;
  }
  for (const z of zero.rows) out.push(`${z.date}: factor ${z.factor} stored from zero coverage`);
  return out;
}

/** Telemetry rows of the run still RUNNING (the FINISH phase aside, which is running the check). */
export async function runningPhaseRows(db: Queryable, runId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM batch_phases WHERE run_id = $1 AND status = 'RUNNING' AND phase <> 'FINISH'`, [runId]);
  return rows[0]!.n;
}
