// What changed between two dates A < B: each factor's dollar exposure change split exactly into what
// the trades did (positions), what the prices did and what the re-estimated betas did. With
// share-equivalent quantity q, close p and beta β per symbol, $_f = Σ q p β, and
//   Δ$_f = Σ (q_B − q_A) p_A β_A + Σ q_B (p_B − p_A) β_A + Σ q_B p_B (β_B − β_A)
// telescopes to Σ q_B p_B β_B − Σ q_A p_A β_A. A direct stress P&L is linear in the $_f, so it splits
// the same way.
// Definition and reference test: docs/METHODOLOGY.md, "What changed".
import type { FactorKey } from "@/lib/factors/registry";
import type { ShockableFactor } from "@/lib/stress/scenarios";
import type { BetaTable } from "./portfolio-exposure";

export const WHAT_CHANGED_PARTS = ["positions", "prices", "betas"] as const;
export type WhatChangedPart = (typeof WHAT_CHANGED_PARTS)[number];

export interface Holding {
  /** Net non-private dollar exposure of the symbol (lots merged, options delta-adjusted on their underlying). */
  exposure: number;
  /** The close the exposure was valued at (the underlying's for options). */
  price: number;
}

export interface WhatChangedSide {
  holdings: ReadonlyMap<string, Holding>;
  betas: BetaTable;
  /** Closes on this date of symbols held only on the other side (q = 0 here, but p still enters). */
  closes: ReadonlyMap<string, number>;
}

export interface SymbolContribution {
  symbol: string;
  value: number;
}

export type PartSplit = Record<WhatChangedPart, number>;

export interface FactorChange extends PartSplit {
  factor: FactorKey;
  /** Σ q p β on each side, from the holdings and betas given. */
  dollarsA: number;
  dollarsB: number;
  change: number;
  /** The largest symbol contributions of each part, by absolute value. */
  top: Record<WhatChangedPart, SymbolContribution[]>;
}

export interface ScenarioChangeInput {
  key: string;
  /** The scenario's given shock per shocked factor (proxy returns; IR as TLT's return). */
  shocks: Partial<Record<ShockableFactor, number>>;
}

export interface ScenarioChange extends PartSplit {
  key: string;
  change: number;
  top: Record<WhatChangedPart, SymbolContribution[]>;
}

export interface WhatChanged {
  factors: FactorChange[];
  scenarios: ScenarioChange[];
  /** Share-equivalent quantity, close and presence per symbol on each side. */
  symbols: { symbol: string; qA: number; qB: number; pA: number; pB: number }[];
}

export const TOP_CONTRIBUTIONS = 5;

interface SymbolTerms {
  symbol: string;
  qA: number;
  qB: number;
  pA: number;
  pB: number;
}

function sideTerms(symbol: string, a: WhatChangedSide, b: WhatChangedSide): SymbolTerms {
  const ha = a.holdings.get(symbol);
  const hb = b.holdings.get(symbol);
  // A side without the symbol still has a close (its own, else the other side's): it only scales q = 0
  // in the sums, or the value of a new position in the positions part.
  const pA = ha?.price ?? a.closes.get(symbol) ?? hb!.price;
  const pB = hb?.price ?? b.closes.get(symbol) ?? ha!.price;
  return { symbol, qA: ha ? ha.exposure / ha.price : 0, qB: hb ? hb.exposure / hb.price : 0, pA, pB };
}

/** β of the symbol on a side: its own (0 when held without one), the other side's when not held there. */
function betaOn(side: WhatChangedSide, other: WhatChangedSide, symbol: string, factor: FactorKey): number {
  if (side.holdings.has(symbol)) return side.betas.get(symbol)?.[factor] ?? 0;
  return other.betas.get(symbol)?.[factor] ?? 0;
}

function top(values: SymbolContribution[], n: number): SymbolContribution[] {
  return values
    .filter((v) => v.value !== 0)
    .sort((x, y) => Math.abs(y.value) - Math.abs(x.value) || (x.symbol < y.symbol ? -1 : 1))
    .slice(0, n);
}

export function computeWhatChanged(
  a: WhatChangedSide,
  b: WhatChangedSide,
  factors: readonly FactorKey[],
  scenarios: readonly ScenarioChangeInput[] = [],
  topN = TOP_CONTRIBUTIONS,
): WhatChanged {
  const symbols = [...new Set([...a.holdings.keys(), ...b.holdings.keys()])].sort().map((s) => sideTerms(s, a, b));
  // parts[f][part][i]: symbol i's contribution to part of factor f.
  const perFactor = new Map<FactorKey, Record<WhatChangedPart, Float64Array>>();
  const factorChanges = factors.map((factor): FactorChange => {
    const parts = { positions: new Float64Array(symbols.length), prices: new Float64Array(symbols.length), betas: new Float64Array(symbols.length) };
    let dollarsA = 0;
    let dollarsB = 0;
    symbols.forEach((t, i) => {
      const bA = betaOn(a, b, t.symbol, factor);
      const bB = betaOn(b, a, t.symbol, factor);
      parts.positions[i] = (t.qB - t.qA) * t.pA * bA;
      parts.prices[i] = t.qB * (t.pB - t.pA) * bA;
      parts.betas[i] = t.qB * t.pB * (bB - bA);
      if (a.holdings.has(t.symbol)) dollarsA += a.holdings.get(t.symbol)!.exposure * (a.betas.get(t.symbol)?.[factor] ?? 0);
      if (b.holdings.has(t.symbol)) dollarsB += b.holdings.get(t.symbol)!.exposure * (b.betas.get(t.symbol)?.[factor] ?? 0);
    });
    perFactor.set(factor, parts);
    const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
    const topOf = (x: Float64Array) => top(symbols.map((t, i) => ({ symbol: t.symbol, value: x[i]! })), topN);
    return {
      factor,
      dollarsA,
      dollarsB,
      change: dollarsB - dollarsA,
      positions: sum(parts.positions),
      prices: sum(parts.prices),
      betas: sum(parts.betas),
      top: { positions: topOf(parts.positions), prices: topOf(parts.prices), betas: topOf(parts.betas) },
    };
  });

  const scenarioChanges = scenarios.map((s): ScenarioChange => {
    const bySymbol = { positions: new Float64Array(symbols.length), prices: new Float64Array(symbols.length), betas: new Float64Array(symbols.length) };
    let change = 0;
    for (const [factor, shock] of Object.entries(s.shocks) as [ShockableFactor, number][]) {
      const parts = perFactor.get(factor);
      if (!parts) continue;
      for (const part of WHAT_CHANGED_PARTS) for (let i = 0; i < symbols.length; i++) bySymbol[part][i]! += shock * parts[part][i]!;
      const fc = factorChanges.find((c) => c.factor === factor)!;
      change += shock * fc.change;
    }
    const sum = (x: Float64Array) => x.reduce((acc, v) => acc + v, 0);
    const topOf = (x: Float64Array) => top(symbols.map((t, i) => ({ symbol: t.symbol, value: x[i]! })), topN);
    return {
      key: s.key,
      change,
      positions: sum(bySymbol.positions),
      prices: sum(bySymbol.prices),
      betas: sum(bySymbol.betas),
      top: { positions: topOf(bySymbol.positions), prices: topOf(bySymbol.prices), betas: topOf(bySymbol.betas) },
    };
  });

  return { factors: factorChanges, scenarios: scenarioChanges, symbols };
}
