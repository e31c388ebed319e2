// NAV roll-forward: NAV_t = NAV_{t−1} + Σ position P&L_t + realized P&L_t + capital flows_t.
// A day is a function of the previous day's NAV and that day's inputs only — never of whatever was
// stored last — so recomputing a day gives the same NAV instead of compounding it.
// Definition and reference test: docs/METHODOLOGY.md, "Valuation: NAV and P&L".
import { entryCost, exitProceeds, isOpenOn, type EnginePosition, type PositionValue } from "./position-exposure";

export interface OpenPositionDay {
  /** Valuation at today's close. */
  value: PositionValue;
  /** Market value at the previous close; for a position entered today, its entry cost. */
  previousMarketValue: number;
}

export interface ClosedPositionDay {
  /** Cash from closing the position today (exitProceeds). */
  proceeds: number;
  /** Market value at the previous close; for a position entered today, its entry cost. */
  previousMarketValue: number;
}

export interface NavDayInput {
  /** NAV at the previous trading day's close; null on the portfolio's first day. */
  previousNav: number | null;
  startingEquity: number;
  /** Positions open at today's close. */
  open: readonly OpenPositionDay[];
  /** Positions closed today. */
  closedToday: readonly ClosedPositionDay[];
  /** Deposits positive, withdrawals negative. */
  capitalFlow: number;
}

export interface NavDay {
  nav: number;
  /** Position P&L + realized P&L (capital flows are not P&L). */
  pnl: number;
  positionPnl: number;
  realizedPnl: number;
  capitalFlow: number;
  /** pnl / previous NAV; 0 on the first day; null after a non-positive NAV (no meaningful ratio). */
  dailyReturn: number | null;
  /** Σ positive exposures (private marks included). */
  longExposure: number;
  /** Σ negative exposures, a negative number. */
  shortExposure: number;
  grossExposure: number;
  netExposure: number;
  /** NAV − long + |short|. */
  cash: number;
  /** Positions by the sign of their exposure (a long put counts as short). */
  longCount: number;
  shortCount: number;
}

function exposureSummary(values: readonly PositionValue[]) {
  let long = 0;
  let short = 0;
  let longCount = 0;
  let shortCount = 0;
  for (const v of values) {
    if (v.exposure > 0) {
      long += v.exposure;
      longCount++;
    } else if (v.exposure < 0) {
      short += v.exposure;
      shortCount++;
    }
  }
  return { long, short, longCount, shortCount };
}

export function rollForwardNav(input: NavDayInput): NavDay {
  const first = input.previousNav === null;
  // The first day marks the book at its own close: by definition it has no P&L.
  const positionPnl = first ? 0 : input.open.reduce((s, p) => s + (p.value.marketValue - p.previousMarketValue), 0);
  const realizedPnl = first ? 0 : input.closedToday.reduce((s, p) => s + (p.proceeds - p.previousMarketValue), 0);
  const pnl = positionPnl + realizedPnl;
  const base = input.previousNav ?? input.startingEquity;
  const nav = base + pnl + input.capitalFlow;
  const { long, short, longCount, shortCount } = exposureSummary(input.open.map((p) => p.value));
  return {
    nav,
    pnl,
    positionPnl,
    realizedPnl,
    capitalFlow: input.capitalFlow,
    dailyReturn: input.previousNav === null ? 0 : input.previousNav > 0 ? pnl / input.previousNav : null,
    longExposure: long,
    shortExposure: short,
    grossExposure: long - short,
    netExposure: long + short,
    cash: nav - long + Math.abs(short),
    longCount,
    shortCount,
  };
}

export interface NavDayContext {
  date: string;
  /** The previous trading day; null on the portfolio's first day. */
  previousDate: string | null;
  previousNav: number | null;
  startingEquity: number;
  capitalFlow: number;
}

/**
 * Sorts the positions into open today and closed today, each with its base value: the previous close's
 * market value if it was open then, else its entry cost (entered since the previous trading day, which
 * also catches entries and exits dated on a non-trading day). An option past its expiry just drops out:
 * its last value (intrinsic on expiry) is already in NAV, now as cash.
 *
 * @param today valuations at `date` of the positions open then, by position id
 * @param previous valuations at `previousDate` of the positions open then, by position id
 */
export function navDayInput(
  positions: readonly EnginePosition[],
  day: NavDayContext,
  today: ReadonlyMap<string, PositionValue>,
  previous: ReadonlyMap<string, PositionValue>,
): NavDayInput {
  const valueOf = (values: ReadonlyMap<string, PositionValue>, p: EnginePosition, date: string): PositionValue => {
    const v = values.get(p.id);
    if (v === undefined) throw new Error(`navDayInput: position ${p.id} (${p.symbol}) is open on ${date} but has no valuation`);
    return v;
  };
  const open: OpenPositionDay[] = [];
  const closedToday: ClosedPositionDay[] = [];
  for (const p of positions) {
    if (p.entryDate > day.date) continue;
    const wasOpen = day.previousDate !== null && isOpenOn(p, day.previousDate);
    const base = (): number => (wasOpen ? valueOf(previous, p, day.previousDate!).marketValue : entryCost(p));
    if (isOpenOn(p, day.date)) {
      open.push({ value: valueOf(today, p, day.date), previousMarketValue: base() });
      continue;
    }
    const exitedToday = p.exitDate !== null && p.exitDate <= day.date && (day.previousDate === null || p.exitDate > day.previousDate);
    if (!exitedToday) continue;
    const proceeds = exitProceeds(p);
    if (proceeds === null) throw new Error(`navDayInput: position ${p.id} (${p.symbol}) has an exit date but no exit price`);
    closedToday.push({ proceeds, previousMarketValue: base() });
  }
  return { previousNav: day.previousNav, startingEquity: day.startingEquity, open, closedToday, capitalFlow: day.capitalFlow };
}
