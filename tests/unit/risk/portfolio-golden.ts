// Shared by the portfolio-level risk tests: the bundled price panel, the golden fixtures written by
// scripts/golden/portfolio.py, and a tolerance check of 1e-8 relative (1e-12 absolute near zero).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { readPriceFile } from "@/lib/market-data/price-file";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import type { PricePanel } from "@/lib/risk/panel";
import { ReturnCache } from "@/lib/risk/returns";
import { publicExposureBySymbol, valueOption, valuePrivate, valuePublic, type EnginePosition, type PositionValue } from "@/lib/risk/position-exposure";

export interface GoldenPosition extends EnginePosition {
  /** Options only: the given delta and premium (the same on every date). */
  quote?: { delta: number; premium: number };
}

interface VarLevelGolden {
  confidence: number;
  var: number;
  es: number;
  varOfNav: number;
  esOfNav: number;
}

export interface AnalyticsCase {
  portfolio: string;
  date: string;
  nav: number;
  values: Record<string, { exposure: number; marketValue: number }>;
  betas: Record<string, { MARKET?: number; IR?: number }>;
  factorExposure: Record<"MARKET" | "IR", { beta: number; dollars: number; coverage: number; lowCoverage: boolean; missingSymbols: string[] }>;
  series: { observations: number; firstDate: string; lastDate: string; dollarPnlTail: number[]; returnsTail: number[] };
  volatility: {
    observations: number;
    realized21: number | null;
    realized63: number | null;
    rolling21: { length: number; first: number; last: number; firstDate: string };
    percentile: number | null;
    trendSlope: number | null;
    trend: string | null;
    ewmaForecast: number | null;
    harForecast: number | null;
  };
  var: { historical: VarLevelGolden[] | null; parametric: VarLevelGolden[] | null };
  correlation: { symbols: string[]; matrix: number[]; weights: number[]; averageAbsCorrelation: number; effectiveBets: number; from: string; to: string };
  concentration: { hhi: number; effectivePositions: number; top3Share: number; top10Share: number; gross: number; weights: Record<string, number> };
  sector: Record<string, { gross: number; net: number; grossOfNav: number; netOfNav: number; positions: number }>;
}

export interface AnalyticsGolden {
  portfolios: { name: string; cash: number; positions: GoldenPosition[] }[];
  cases: AnalyticsCase[];
}

export interface NavGolden {
  startingEquity: number;
  positions: GoldenPosition[];
  flows: Record<string, number>;
  days: {
    date: string;
    nav: number;
    pnl: number;
    dailyReturn: number;
    capitalFlow: number;
    longExposure: number;
    shortExposure: number;
    grossExposure: number;
    netExposure: number;
    cash: number;
    longCount: number;
    shortCount: number;
  }[];
}

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/golden");

export function readGolden<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")) as T;
}

let panel: PricePanel | undefined;
export function bundledPanel(): PricePanel {
  panel ??= buildPricePanel(readPriceFile());
  return panel;
}

let returns: ReturnCache | undefined;
export function bundledReturns(): ReturnCache {
  returns ??= new ReturnCache(bundledPanel());
  return returns;
}

export function closeOn(p: PricePanel, symbol: string, date: string): number {
  const i = p.dateIndex.get(date);
  const close = i === undefined ? undefined : p.closes.get(symbol)?.[i];
  if (close === undefined || Number.isNaN(close)) throw new Error(`no close for ${symbol} on ${date}`);
  return close;
}

/** Values a fixture position at the close of `date` from the bundled prices. */
export function valueAt(p: PricePanel, position: GoldenPosition, date: string): PositionValue {
  switch (position.investmentClass) {
    case "PUBLIC":
      return valuePublic(position, closeOn(p, position.symbol, date));
    case "OPTIONS": {
      if (!position.option || !position.quote) throw new Error(`fixture option ${position.id} lacks terms or quote`);
      return valueOption(position, { underlyingPrice: closeOn(p, position.option.underlying, date), ...position.quote });
    }
    case "PRIVATE":
      return valuePrivate(position);
  }
}

export function expectClose(actual: number | null | undefined, expected: number | null, what = ""): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).toBeTypeOf("number");
  const diff = Math.abs((actual as number) - expected);
  const tolerance = Math.max(1e-8 * Math.abs(expected), 1e-12);
  if (!(diff <= tolerance)) expect.fail(`${what}: ${actual} vs golden ${expected} (|Δ| = ${diff}, tolerance ${tolerance})`);
}

/** A golden case's holdings valued by the engine: position values, NAV (cash + market values) and public exposure by symbol. */
export function caseHoldings(golden: AnalyticsGolden, c: AnalyticsCase): { values: PositionValue[]; nav: number; exposures: Map<string, number> } {
  const pf = golden.portfolios.find((p) => p.name === c.portfolio);
  if (!pf) throw new Error(`fixture portfolio ${c.portfolio} missing`);
  const values = pf.positions.map((p) => valueAt(bundledPanel(), p, c.date));
  const nav = pf.cash + values.reduce((s, v) => s + v.marketValue, 0);
  return { values, nav, exposures: publicExposureBySymbol(values) };
}

/** A public stock or ETF lot for hand-built cases (short when the quantity is negative). */
export function stockPosition(id: string, symbol: string, quantity: number, entryDate = "2024-01-02"): EnginePosition {
  return {
    id,
    symbol,
    quantity,
    entryPrice: 100,
    entryDate,
    exitPrice: null,
    exitDate: null,
    type: quantity > 0 ? "LONG" : "SHORT",
    investmentClass: "PUBLIC",
    option: null,
    markPrice: null,
  };
}
