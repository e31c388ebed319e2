// Inputs for the day-phase tests: the bundled prices as a market context (symbol betas, covariance and
// stress betas computed from them), hand-made books, and a check that no figure is NaN or Infinity.
import { expect } from "vitest";
import { BetaStore } from "@/lib/batch/beta-store";
import type { PortfolioData } from "@/lib/batch/load-portfolio";
import { marketContext, type MarketContext } from "@/lib/batch/market-context";
import type { FactorKey } from "@/lib/factors/registry";
import { readSymbolFile } from "@/lib/market-data/price-file";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import type { PricePanel } from "@/lib/risk/panel";
import type { EnginePosition, PositionValue } from "@/lib/risk/position-exposure";
import { ReturnCache } from "@/lib/risk/returns";
import type { SectorLookup } from "@/lib/risk/sector";
import { resolveScenario } from "@/lib/risk/stress";
import { SymbolBetaEngine } from "@/lib/risk/symbol-betas";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { bundledPanel, bundledReturns, stockPosition } from "../../risk/portfolio-golden";

export { bundledPanel, bundledReturns, closeOn, stockPosition } from "../../risk/portfolio-golden";

/** The last two trading days of the bundled prices. */
export const DATE = "2026-07-13";
export const PREVIOUS = "2026-07-10";

export const sectors: SectorLookup = new Map(readSymbolFile().map((s) => [s.symbol, s]));

/** Symbol betas of `symbols` on `dates` from the bundled prices, without the factors in `drop`. */
export function betaStore(symbols: readonly string[], dates: readonly string[], drop: readonly FactorKey[] = []): BetaStore {
  const store = new BetaStore();
  const engine = new SymbolBetaEngine(bundledPanel(), bundledReturns());
  for (const symbol of symbols) {
    for (const date of dates) {
      for (const r of Object.values(engine.betas(symbol, date))) if (r.ok && !drop.includes(r.factor)) store.set(date, symbol, r.factor, r.beta, r.rSquared);
    }
  }
  return store;
}

/** The batch's market context over the bundled prices, as createMarketContext builds it from the database. */
export function bundledMarket(betas: BetaStore): MarketContext {
  const panel = bundledPanel();
  return marketContext({
    panel,
    returns: bundledReturns(),
    betas,
    sectors,
    scenarios: SCENARIOS.map((s) => resolveScenario(s, { panel, tltDuration: 17 })),
    config: { riskFreeRate: 0.04, tltDuration: 17 },
  });
}

/** A price panel of made-up closes: `closes(symbol, i)` on `days` consecutive dates. */
export function syntheticPanel(symbols: readonly string[], days: number, closes: (symbol: string, i: number) => number): { panel: PricePanel; returns: ReturnCache; last: string } {
  const dates = Array.from({ length: days }, (_, i) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
  const panel = buildPricePanel(symbols.flatMap((symbol) => dates.map((date, i) => ({ symbol, date, close: closes(symbol, i) }))));
  return { panel, returns: new ReturnCache(panel), last: dates.at(-1)! };
}

export function privatePosition(id: string, name: string, entryPrice: number): EnginePosition {
  return { ...stockPosition(id, name, 1), entryPrice, investmentClass: "PRIVATE" };
}

export function optionPosition(id: string, underlying: string, right: "CALL" | "PUT", strike: number, expiry: string, contracts: number): EnginePosition {
  const long = contracts > 0;
  return {
    ...stockPosition(id, `${underlying} ${expiry} ${right} ${strike}`, contracts),
    entryPrice: 10,
    type: right === "CALL" ? (long ? "LC" : "SC") : long ? "LP" : "SP",
    investmentClass: "OPTIONS",
    option: { underlying, right, strike, expiry, multiplier: 100 },
  };
}

export function book(positions: EnginePosition[], opts: { startingEquity?: number; flows?: [string, number][]; marks?: [string, { date: string; price: number }[]][] } = {}): PortfolioData {
  return {
    id: "book",
    name: "Test book",
    ownerId: "owner",
    startingEquity: opts.startingEquity ?? 1_000_000,
    inceptionDate: "2024-01-02",
    inputsVersion: 0,
    positions,
    marks: new Map(opts.marks ?? []),
    flows: new Map(opts.flows ?? []),
  };
}

/** A public holding's valuation as the engine makes it: exposure = market value. */
export function publicValue(symbol: string, exposure: number, positionId = symbol): PositionValue {
  return { positionId, symbol, riskSymbol: symbol, investmentClass: "PUBLIC", exposure, marketValue: exposure };
}

/** Fails naming the first number under `value` that is NaN or ±Infinity. */
export function expectAllFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    return;
  }
  if (value === null || typeof value !== "object") return;
  if (value instanceof Map) {
    for (const [k, v] of value) expectAllFinite(v, `${path}.get(${String(k)})`);
    return;
  }
  if (ArrayBuffer.isView(value)) {
    Array.from(value as unknown as ArrayLike<number>).forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
    return;
  }
  for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
}
