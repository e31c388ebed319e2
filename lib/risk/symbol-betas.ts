// All twelve factor betas of a symbol at a date: MARKET and IR by one-factor OLS, the six
// style factors jointly by ridge, the four spreads by one-factor OLS on long − short returns.
// SymbolBetaEngine caches returns and each symbol's usable-date lists and slides rolling sums along
// them, so consecutive dates of a symbol cost O(1) each.
// Definition and reference test: docs/METHODOLOGY.md, "Factor betas".
import { FACTOR_KEYS, FACTORS, STYLE_FACTOR_KEYS, type FactorKey } from "@/lib/factors/registry";
import { lastIndexOnOrBefore, type PricePanel } from "./panel";
import type { ReasonCode } from "@/lib/reason-codes";
import { olsBetaFromMoments } from "./ols-beta";
import { commonValidIndices, gather, ReturnCache, windowBounds } from "./returns";
import { cappedRidgeBetas, ridgeFromMoments } from "./ridge";
import { RollingMoments } from "./stats/moments";

export type MissingBetaReason = Extract<ReasonCode, "INSUFFICIENT_HISTORY" | "MISSING_PRICES">;

export interface FactorBeta {
  ok: true;
  factor: FactorKey;
  /** Capped at ±BETA_CAP. */
  beta: number;
  rawBeta: number;
  capped: boolean;
  /** OLS factors only. */
  alpha?: number;
  rSquared: number;
  stdError?: number;
  tStat?: number;
  pValue?: number;
  /** Returns in the regression window. */
  n: number;
}

export interface MissingFactorBeta {
  ok: false;
  factor: FactorKey;
  reason: MissingBetaReason;
  /** Returns available in the window (0 when prices are missing). */
  n: number;
}

export type FactorBetaResult = FactorBeta | MissingFactorBeta;
export type SymbolBetas = Record<FactorKey, FactorBetaResult>;

/** One regression of the symbol: its factors share the window and regressors. */
interface Model {
  factors: readonly FactorKey[];
  method: "ols" | "ridge";
  window: number;
  minObs: number;
}

const MODELS: readonly Model[] = [
  ...FACTOR_KEYS.filter((k) => FACTORS[k].method === "ols").map((k): Model => ({ factors: [k], method: "ols", window: FACTORS[k].window, minObs: FACTORS[k].minObs })),
  styleModel(),
];

function styleModel(): Model {
  const first = FACTORS[STYLE_FACTOR_KEYS[0]!];
  for (const k of STYLE_FACTOR_KEYS) {
    if (FACTORS[k].window !== first.window || FACTORS[k].minObs !== first.minObs) {
      throw new Error(`Style factor ${k} has its own window; the joint ridge needs one window for all style factors`);
    }
  }
  return { factors: STYLE_FACTOR_KEYS, method: "ridge", window: first.window, minObs: first.minObs };
}

/** Keys in registry order, so printed and serialised results read like the factor table. */
const REGISTRY_ORDER = Object.fromEntries(FACTOR_KEYS.map((k) => [k, undefined])) as Partial<SymbolBetas>;

/** A model's data for one symbol: regressors then y, the dates where all exist, rolling sums over them. */
interface PreparedModel {
  model: Model;
  series: Float64Array[] | undefined; // undefined: some prices are missing from the panel
  valid: Int32Array;
  rolling: RollingMoments | undefined;
}

/** The series on the window's dates: a view when the dates are consecutive (the usual case), else a copy. */
function windowValues(series: Float64Array, idx: Int32Array): Float64Array {
  const first = idx[0] ?? 0;
  const n = idx.length;
  return n > 0 && idx[n - 1]! - first === n - 1 ? series.subarray(first, first + n) : gather(series, idx);
}

function missing(model: Model, reason: MissingBetaReason, n: number): MissingFactorBeta[] {
  return model.factors.map((factor) => ({ ok: false, factor, reason, n }));
}

export class SymbolBetaEngine {
  private readonly prepared = new Map<string, PreparedModel[]>();

  constructor(
    readonly panel: PricePanel,
    private readonly returns = new ReturnCache(panel),
  ) {}

  private factorReturns(key: FactorKey): Float64Array | undefined {
    const proxy = FACTORS[key].proxy;
    return "symbol" in proxy ? this.returns.returns(proxy.symbol) : this.returns.spread(proxy.long, proxy.short);
  }

  private prepare(symbol: string): PreparedModel[] {
    let models = this.prepared.get(symbol);
    if (!models) {
      const y = this.returns.returns(symbol);
      models = MODELS.map((model) => {
        const xs = model.factors.map((k) => this.factorReturns(k));
        if (!y || xs.some((x) => x === undefined)) return { model, series: undefined, valid: new Int32Array(0), rolling: undefined };
        const series = [...(xs as Float64Array[]), y];
        const valid = commonValidIndices(series);
        return { model, series, valid, rolling: new RollingMoments(series, valid) };
      });
      this.prepared.set(symbol, models);
    }
    return models;
  }

  /** Every factor's beta for `symbol` from the returns with date ≤ `date`. */
  betas(symbol: string, date: string): SymbolBetas {
    const endIndex = lastIndexOnOrBefore(this.panel, date);
    const out = { ...REGISTRY_ORDER };
    for (const p of this.prepare(symbol)) {
      for (const r of this.fitModel(p, endIndex)) out[r.factor] = r;
    }
    return out as SymbolBetas;
  }

  /** Forgets a symbol's cached date lists (call after its last date to bound memory). */
  release(symbol: string): void {
    this.prepared.delete(symbol);
  }

  private fitModel(p: PreparedModel, endIndex: number): FactorBetaResult[] {
    const { model, series, valid, rolling } = p;
    if (!series || !rolling) return missing(model, "MISSING_PRICES", 0);
    const [lo, hi] = windowBounds(valid, endIndex, model.window);
    const n = hi - lo;
    if (n < model.minObs) return missing(model, "INSUFFICIENT_HISTORY", n);
    rolling.moveTo(lo, hi);
    const moments = rolling.moments();
    if (model.method === "ols") {
      const fit = olsBetaFromMoments(moments, () => {
        const idx = valid.subarray(lo, hi);
        return [windowValues(series[0]!, idx), windowValues(series[1]!, idx)];
      });
      const { beta, rawBeta, capped, alpha, rSquared, stdError, tStat, pValue } = fit;
      return [{ ok: true, factor: model.factors[0]!, beta, rawBeta, capped, alpha, rSquared, stdError, tStat, pValue, n }];
    }
    const fit = ridgeFromMoments(moments);
    return cappedRidgeBetas(fit).map(({ beta, rawBeta, capped }, j) => ({ ok: true, factor: model.factors[j]!, beta, rawBeta, capped, rSquared: fit.rSquared, n }));
  }
}

/** One symbol, one date. For many, build one SymbolBetaEngine or use computeSymbolBetasForDates. */
export function computeSymbolBetas(panel: PricePanel, symbol: string, date: string): SymbolBetas {
  return new SymbolBetaEngine(panel).betas(symbol, date);
}

/** Betas of every symbol at every date: result.get(symbol).get(date). Proxy returns are computed once. */
export function computeSymbolBetasForDates(
  panel: PricePanel,
  symbols: readonly string[],
  dates: readonly string[],
): Map<string, Map<string, SymbolBetas>> {
  const engine = new SymbolBetaEngine(panel);
  const result = new Map<string, Map<string, SymbolBetas>>();
  for (const symbol of symbols) {
    const byDate = new Map<string, SymbolBetas>();
    for (const date of dates) byDate.set(date, engine.betas(symbol, date));
    engine.release(symbol);
    result.set(symbol, byDate);
  }
  return result;
}
