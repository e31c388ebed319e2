// VALUATION: every open position at the close (stock and ETF closes, private marks, Black–Scholes for
// options), then the NAV roll-forward and the per-position rows. A price that has not arrived yet is
// taken at its last close (the day is provisional: its stale symbols are stored and it is recomputed
// once the price arrives). Without any usable price for a position, or with a value too large to be a
// number, the day cannot be valued and the NAV chain stops.
import type { IsoDate } from "@/lib/dates";
import { priceForValuation } from "@/lib/market-data/gaps";
import type { ReasonCode } from "@/lib/reason-codes";
import { navDayInput, rollForwardNav, type NavDay } from "@/lib/risk/nav";
import { isOpenOn, valueOption, valuePrivate, valuePublic, type EnginePosition, type PositionValue } from "@/lib/risk/position-exposure";
import type { SnapshotReasons } from "@/lib/results/shapes";
import type { PortfolioData } from "../load-portfolio";
import type { MarketContext } from "../market-context";
import { quoteOption, realizedVol63 } from "@/lib/risk/option-inputs";
import { nonFinite, ok, skip } from "./outcome";
import type { DayState, GreekRow, PhaseResult, ValuationRow } from "./types";

export interface ValuationInput {
  portfolio: PortfolioData;
  market: Pick<MarketContext, "panel" | "returns" | "config">;
  state: DayState;
}

export type Valuation =
  | {
      complete: true;
      nav: NavDay;
      /** By position id: the next day's `previousValues`. */
      values: Map<string, PositionValue>;
      rows: ValuationRow[];
      /** Black–Scholes of each open option (its premium and delta value the position). */
      greeks: GreekRow[];
      carriedSymbols: string[];
      /** Symbols whose price has not arrived: valued on their last close, the day provisional. */
      staleSymbols: string[];
      reasons: SnapshotReasons;
    }
  | { complete: false; reason: ReasonCode; detail: string };

function markOn(portfolio: PortfolioData, position: EnginePosition, date: IsoDate): number | null {
  const marks = portfolio.marks.get(position.id);
  let price: number | null = null;
  for (const m of marks ?? []) if (m.date <= date) price = m.price;
  return price;
}

interface PricedPositions {
  values: Map<string, PositionValue>;
  prices: Map<string, { price: number; carried: boolean }>;
  greeks: GreekRow[];
  carriedSymbols: Set<string>;
  staleSymbols: Set<string>;
  problem: { reason: ReasonCode; detail: string } | null;
}

function valuePositions(portfolio: PortfolioData, market: ValuationInput["market"], date: IsoDate): PricedPositions {
  const { panel, returns, config } = market;
  const endIndex = panel.dateIndex.get(date);
  if (endIndex === undefined) throw new Error(`${date} is not on the price panel`);
  const values = new Map<string, PositionValue>();
  const prices = new Map<string, { price: number; carried: boolean }>();
  const greeks: GreekRow[] = [];
  const carriedSymbols = new Set<string>();
  const staleSymbols = new Set<string>();
  const missing: string[] = [];
  const degenerate: string[] = [];
  const priceOf = (symbol: string) => {
    const p = priceForValuation(panel, symbol, date);
    if (p.price === null) missing.push(symbol);
    else if (p.carried) carriedSymbols.add(symbol);
    else if (p.stale) staleSymbols.add(symbol);
    // Either way today's close was not observed: the row says the price was carried.
    return { price: p.price, carried: p.carried || p.stale };
  };
  for (const position of portfolio.positions) {
    if (!isOpenOn(position, date)) continue;
    if (position.investmentClass === "PRIVATE") {
      const v = valuePrivate({ ...position, markPrice: markOn(portfolio, position, date) });
      values.set(position.id, v);
      prices.set(position.id, { price: v.marketValue / position.quantity, carried: false });
      continue;
    }
    if (position.option === null) {
      const p = priceOf(position.symbol);
      if (p.price === null) continue;
      values.set(position.id, valuePublic(position, p.price));
      prices.set(position.id, { price: p.price, carried: p.carried });
      continue;
    }
    const { option } = position;
    const u = priceOf(option.underlying);
    if (u.price === null) continue;
    const vol = realizedVol63(returns, option.underlying, endIndex);
    if (vol === null) {
      missing.push(`${option.underlying} (63 returns for option volatility)`);
      continue;
    }
    // Black–Scholes needs a positive strike, and before expiry a positive volatility.
    if (!(option.strike > 0) || (date < option.expiry && !(vol > 0))) {
      degenerate.push(`${position.symbol} (position ${position.id}): no option price with strike ${option.strike} and volatility ${vol}`);
      continue;
    }
    const q = quoteOption(option, date, u.price, vol, config.riskFreeRate);
    if (nonFinite({ price: q.price, delta: q.delta }).length) {
      degenerate.push(`${position.symbol} (position ${position.id}): option price ${q.price}, delta ${q.delta}`);
      continue;
    }
    values.set(position.id, valueOption(position, { underlyingPrice: u.price, delta: q.delta, premium: q.price }));
    prices.set(position.id, { price: q.price, carried: u.carried });
    greeks.push({ positionId: position.id, ...q });
  }
  const problem = missing.length
      ? { reason: "MISSING_PRICES" as const, detail: `no usable price for ${[...new Set(missing)].join(", ")} on ${date}` }
      : degenerate.length
        ? { reason: "DEGENERATE_INPUT" as const, detail: `cannot value ${degenerate.join("; ")} on ${date}` }
        : null;
  return { values, prices, greeks, carriedSymbols, staleSymbols, problem };
}

/** A figure that is not a finite number cannot be stored, and a NAV that is not one cannot be chained. */
function unrepresentable(positionById: ReadonlyMap<string, EnginePosition>, nav: NavDay, rows: readonly ValuationRow[]): string[] {
  const found = rows.flatMap((r) => {
    const bad = nonFinite({ price: r.price, "market value": r.marketValue, exposure: r.exposure, weight: r.weight, "day P&L": r.pnlDay, "total P&L": r.pnlTotal });
    const p = positionById.get(r.positionId)!;
    return bad.length ? [`${p.symbol} (position ${p.id}, quantity ${p.quantity}): ${bad.join(", ")}`] : [];
  });
  const navBad = nonFinite({
    NAV: nav.nav,
    "P&L": nav.pnl,
    "daily return": nav.dailyReturn,
    cash: nav.cash,
    "long exposure": nav.longExposure,
    "short exposure": nav.shortExposure,
    "gross exposure": nav.grossExposure,
    "net exposure": nav.netExposure,
  });
  if (navBad.length) found.push(`the book: ${navBad.join(", ")}`);
  return found;
}

export function valuationPhase({ portfolio, market, state }: ValuationInput): PhaseResult<Valuation> {
  const { date } = state;
  const v = valuePositions(portfolio, market, date);
  if (v.problem) return { outcome: skip(v.problem.reason, v.problem.detail), value: { complete: false, ...v.problem } };
  const nav = rollForwardNav(
    navDayInput(
      portfolio.positions,
      { date, previousDate: state.previousDate, previousNav: state.previousNav, startingEquity: portfolio.startingEquity, capitalFlow: portfolio.flows.get(date) ?? 0 },
      v.values,
      state.previousValues,
    ),
  );
  const positionById = new Map(portfolio.positions.map((p) => [p.id, p]));
  const rows = [...v.values.values()].map((pv): ValuationRow => {
    const position = positionById.get(pv.positionId)!;
    const previous = state.previousValues.get(pv.positionId);
    const multiplier = position.option?.multiplier ?? 1;
    const entryCost = position.quantity * position.entryPrice * multiplier;
    const base = state.previousNav === null ? pv.marketValue : (previous?.marketValue ?? entryCost);
    return {
      positionId: pv.positionId,
      price: v.prices.get(pv.positionId)!.price,
      marketValue: pv.marketValue,
      exposure: pv.exposure,
      weight: nav.nav !== 0 ? pv.exposure / nav.nav : 0,
      pnlDay: pv.marketValue - base,
      pnlTotal: pv.marketValue - entryCost,
      carried: v.prices.get(pv.positionId)!.carried,
    };
  });
  const bad = unrepresentable(positionById, nav, rows);
  if (bad.length) {
    const detail = `figures too large to be numbers on ${date}: ${bad.join("; ")}`;
    return { outcome: skip("DEGENERATE_INPUT", detail), value: { complete: false, reason: "DEGENERATE_INPUT", detail } };
  }
  const reasons: SnapshotReasons = {};
  if (nav.dailyReturn === null) {
    reasons.dailyReturn = { reason: "NAV_NOT_POSITIVE", detail: `the previous NAV ${state.previousNav} is not positive: no return can be measured against it` };
  }
  return {
    outcome: ok({ positions: v.values.size, carriedPrices: v.carriedSymbols.size, stalePrices: v.staleSymbols.size }),
    value: { complete: true, nav, values: v.values, rows, greeks: v.greeks, carriedSymbols: [...v.carriedSymbols].sort(), staleSymbols: [...v.staleSymbols].sort(), reasons },
  };
}
