// How complete the market data is for a batch (the MARKET_DATA phase): per needed symbol its last price
// date (stale when before the as-of date, missing when there is none), and per requested date how
// many needed symbols have a price. Pure, for batch telemetry and the admin endpoint.
import type { PriceRow } from "./price-file";

export type SymbolFreshnessStatus = "fresh" | "stale" | "missing";

export interface SymbolFreshness {
  symbol: string;
  lastPriceDate: string | null;
  status: SymbolFreshnessStatus;
}

export interface DateCoverage {
  date: string;
  requested: number;
  received: number;
  /** received / requested in percent (100 when nothing was requested). */
  pct: number;
}

export interface FreshnessReport {
  asOf: string;
  symbols: SymbolFreshness[];
  stale: string[];
  missing: string[];
  coverage: DateCoverage[];
  requested: number;
  received: number;
  pct: number;
}

export interface FreshnessInput {
  /** Symbols the batch needs (positions, option underlyings, factor proxies). */
  symbols: readonly string[];
  /** Trading dates requested, typically the batch's missing dates up to the as-of date. */
  dates: readonly string[];
  asOf: string;
  /** Prices received or stored for those symbols and dates; other rows are ignored for coverage. */
  rows: Iterable<Pick<PriceRow, "symbol" | "date">>;
  /** Last stored price date per symbol, when known beyond `rows` (e.g. from `lastPriceDates`). */
  lastPriceDates?: ReadonlyMap<string, string>;
}

const percent = (received: number, requested: number): number => (requested === 0 ? 100 : (received / requested) * 100);

export function freshnessReport({ symbols, dates, asOf, rows, lastPriceDates }: FreshnessInput): FreshnessReport {
  const needed = new Set(symbols);
  const wanted = new Set(dates);
  const receivedByDate = new Map<string, Set<string>>();
  const last = new Map<string, string>();
  for (const [symbol, date] of lastPriceDates ?? []) if (needed.has(symbol)) last.set(symbol, date);
  for (const { symbol, date } of rows) {
    if (!needed.has(symbol)) continue;
    if (date > (last.get(symbol) ?? "")) last.set(symbol, date);
    if (!wanted.has(date)) continue;
    let got = receivedByDate.get(date);
    if (!got) receivedByDate.set(date, (got = new Set()));
    got.add(symbol);
  }

  const perSymbol = [...needed].sort().map((symbol): SymbolFreshness => {
    const lastPriceDate = last.get(symbol) ?? null;
    const status = lastPriceDate === null ? "missing" : lastPriceDate < asOf ? "stale" : "fresh";
    return { symbol, lastPriceDate, status };
  });
  const coverage = [...wanted].sort().map((date): DateCoverage => {
    const received = receivedByDate.get(date)?.size ?? 0;
    return { date, requested: needed.size, received, pct: percent(received, needed.size) };
  });
  const requested = needed.size * wanted.size;
  const received = coverage.reduce((sum, c) => sum + c.received, 0);
  return {
    asOf,
    symbols: perSymbol,
    stale: perSymbol.filter((s) => s.status === "stale").map((s) => s.symbol),
    missing: perSymbol.filter((s) => s.status === "missing").map((s) => s.symbol),
    coverage,
    requested,
    received,
    pct: percent(received, requested),
  };
}
