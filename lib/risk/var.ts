// One-day Value at Risk and Expected Shortfall of today's holdings, historical and parametric,
// from the daily dollar P&L series L_t = Σ exposure_i · r_i,t (portfolioReturnSeries).
// Definition and reference test: docs/METHODOLOGY.md, "Value at Risk and Expected Shortfall".
import type { ReasonCode } from "@/lib/reason-codes";
import { normInv, normPdf } from "./stats/normal";
import { sampleStd } from "./volatility";

export const VAR_CONFIDENCES = [0.95, 0.99] as const;
export type VarConfidence = (typeof VAR_CONFIDENCES)[number];
/** Dates of P&L behind historical VaR. */
export const HISTORICAL_VAR_DATES = 250;
/** Returns behind the parametric σ. */
export const PARAMETRIC_VAR_DATES = 63;

export interface VarLevel {
  confidence: VarConfidence;
  /** A loss, in dollars: positive when the quantile is a loss. */
  var: number;
  es: number;
  /** The same as fractions of NAV (0.012 = 1.2 %). */
  varOfNav: number;
  esOfNav: number;
}

export type VarEstimate = { available: true; levels: VarLevel[] } | { available: false; reason: ReasonCode; detail: string };

export interface ValueAtRisk {
  historical: VarEstimate;
  parametric: VarEstimate;
}

/** numpy's default quantile: linear interpolation between order statistics at h = (n − 1)·p. */
export function quantileLinear(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

function level(confidence: VarConfidence, v: number, es: number, nav: number): VarLevel {
  return { confidence, var: v, es, varOfNav: v / nav, esOfNav: es / nav };
}

function tooShort(needed: number, have: number): VarEstimate {
  return { available: false, reason: "INSUFFICIENT_HISTORY", detail: `needs ${needed} daily P&L values, has ${have}` };
}

/** Historical VaR_q = −quantile(L, 1 − q); ES_q = −mean of the L_t ≤ −VaR_q; over the last 250 values. */
export function historicalVar(dollarPnl: Float64Array, nav: number): VarEstimate {
  const n = dollarPnl.length;
  if (n < HISTORICAL_VAR_DATES) return tooShort(HISTORICAL_VAR_DATES, n);
  const sorted = dollarPnl.slice(n - HISTORICAL_VAR_DATES).sort();
  const levels = VAR_CONFIDENCES.map((q) => {
    const cutoff = quantileLinear(sorted, 1 - q);
    let tail = 0;
    let count = 0;
    for (const l of sorted) {
      if (l > cutoff) break;
      tail += l;
      count++;
    }
    return level(q, -cutoff, -tail / count, nav);
  });
  return { available: true, levels };
}

/** Normal, zero mean, σ = sample std of the last 63 values: VaR_q = z_q σ, ES_q = σ φ(z_q) / (1 − q). */
export function parametricVar(dollarPnl: Float64Array, nav: number): VarEstimate {
  const n = dollarPnl.length;
  if (n < PARAMETRIC_VAR_DATES) return tooShort(PARAMETRIC_VAR_DATES, n);
  const sigma = sampleStd(dollarPnl, n - PARAMETRIC_VAR_DATES, n);
  const levels = VAR_CONFIDENCES.map((q) => {
    const z = normInv(q);
    return level(q, z * sigma, (sigma * normPdf(z)) / (1 - q), nav);
  });
  return { available: true, levels };
}

export function valueAtRisk(dollarPnl: Float64Array, nav: number): ValueAtRisk {
  return { historical: historicalVar(dollarPnl, nav), parametric: parametricVar(dollarPnl, nav) };
}
