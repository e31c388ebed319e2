// The engine's view of a position and its valuation on one date: market value (what it
// is worth) and signed dollar exposure (how much underlying risk it carries) are kept apart, because
// for an option they differ by far: premium × contracts × 100 vs delta × contracts × 100 × spot.
// Definition and reference test: docs/METHODOLOGY.md, "Position exposure".

export const POSITION_TYPES = ["LONG", "SHORT", "LC", "LP", "SC", "SP"] as const;
export type PositionType = (typeof POSITION_TYPES)[number];

export const INVESTMENT_CLASSES = ["PUBLIC", "OPTIONS", "PRIVATE"] as const;
export type InvestmentClass = (typeof INVESTMENT_CLASSES)[number];

export const OPTION_MULTIPLIER = 100;

export interface OptionContract {
  underlying: string;
  right: "CALL" | "PUT";
  strike: number;
  /** Last trading day, ISO date. */
  expiry: string;
  multiplier: number;
}

export interface EnginePosition {
  id: string;
  /** Ticker; the OCC symbol for an option; a free identifier for a private holding. */
  symbol: string;
  /** Signed: negative = short. Shares, contracts or units. */
  quantity: number;
  /** Per share, per share of premium (options) or per unit (private). */
  entryPrice: number;
  entryDate: string;
  exitPrice: number | null;
  exitDate: string | null;
  type: PositionType;
  investmentClass: InvestmentClass;
  /** Present exactly for OPTIONS. */
  option: OptionContract | null;
  /** PRIVATE only: last manual mark per unit; null until marked (valued at the entry price). */
  markPrice: number | null;
}

export interface PositionValue {
  positionId: string;
  symbol: string;
  /** The symbol whose price moves this position: an option's underlying, otherwise the symbol. */
  riskSymbol: string;
  investmentClass: InvestmentClass;
  /** Signed dollars of underlying-equivalent exposure (delta-adjusted for options). */
  exposure: number;
  /** What the position is worth at the close. */
  marketValue: number;
}

/** Open at the close of `date`: entered on or before it, not exited on or before it, not past expiry. */
export function isOpenOn(position: EnginePosition, date: string): boolean {
  if (position.entryDate > date) return false;
  if (position.exitDate !== null && position.exitDate <= date) return false;
  return position.option === null || date <= position.option.expiry;
}

function unitMultiplier(position: EnginePosition): number {
  return position.option?.multiplier ?? 1;
}

/** Cash paid (or received, if negative) to open the position. */
export function entryCost(position: EnginePosition): number {
  return position.quantity * position.entryPrice * unitMultiplier(position);
}

/** Cash received (or paid, if negative) to close the position; null while it is open. */
export function exitProceeds(position: EnginePosition): number | null {
  return position.exitPrice === null ? null : position.quantity * position.exitPrice * unitMultiplier(position);
}

function expectClass(position: EnginePosition, cls: InvestmentClass): void {
  if (position.investmentClass !== cls) {
    throw new Error(`Position ${position.id} (${position.symbol}) is ${position.investmentClass}, valued as ${cls}`);
  }
}

function expectPositive(value: number, what: string, position: EnginePosition): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`Position ${position.id} (${position.symbol}): ${what} must be a positive number, got ${value}`);
}

/** Stock or ETF at its close: exposure = market value = quantity × price. */
export function valuePublic(position: EnginePosition, price: number): PositionValue {
  expectClass(position, "PUBLIC");
  expectPositive(price, "price", position);
  const value = position.quantity * price;
  return { positionId: position.id, symbol: position.symbol, riskSymbol: position.symbol, investmentClass: "PUBLIC", exposure: value, marketValue: value };
}

export interface OptionQuote {
  /** Close of the underlying. */
  underlyingPrice: number;
  /** Black–Scholes delta of one long contract per share of underlying (lib/risk/black-scholes.ts). */
  delta: number;
  /** Option price per share of underlying (Black–Scholes, intrinsic on expiry). */
  premium: number;
}

/** Option: exposure = delta × contracts × multiplier × underlying price; value = premium × contracts × multiplier. */
export function valueOption(position: EnginePosition, quote: OptionQuote): PositionValue {
  expectClass(position, "OPTIONS");
  const option = position.option;
  if (option === null) throw new Error(`Option position ${position.id} (${position.symbol}) has no contract terms`);
  expectPositive(quote.underlyingPrice, "underlying price", position);
  if (!Number.isFinite(quote.delta) || !Number.isFinite(quote.premium)) {
    throw new RangeError(`Position ${position.id} (${position.symbol}): delta and premium must be finite`);
  }
  const contracts = position.quantity * option.multiplier;
  return {
    positionId: position.id,
    symbol: position.symbol,
    riskSymbol: option.underlying,
    investmentClass: "OPTIONS",
    exposure: quote.delta * contracts * quote.underlyingPrice,
    marketValue: quote.premium * contracts,
  };
}

/** Private holding: no market data, valued at its last mark (the entry price until marked). */
export function valuePrivate(position: EnginePosition): PositionValue {
  expectClass(position, "PRIVATE");
  const value = position.quantity * (position.markPrice ?? position.entryPrice);
  return { positionId: position.id, symbol: position.symbol, riskSymbol: position.symbol, investmentClass: "PRIVATE", exposure: value, marketValue: value };
}

/**
 * Net signed exposure per risk symbol over the non-private positions (lots merged, options on their
 * underlying): the holdings that drive factor, volatility, VaR and correlation analytics.
 */
export function publicExposureBySymbol(values: readonly PositionValue[]): Map<string, number> {
  const bySymbol = new Map<string, number>();
  for (const v of values) {
    if (v.investmentClass === "PRIVATE") continue;
    bySymbol.set(v.riskSymbol, (bySymbol.get(v.riskSymbol) ?? 0) + v.exposure);
  }
  return bySymbol;
}
