// EWMA covariance of the eight stress proxies' daily returns, as of a calculation date:
// only returns dated on or before that date enter (no look-ahead), never "today's" data.
// Definition and reference test: docs/METHODOLOGY.md, "Factor covariance".
import { STRESS_PROXIES, type StressProxy } from "@/lib/factors/registry";
import { lastIndexOnOrBefore, type PricePanel } from "./panel";
import type { MissingBetaReason } from "./symbol-betas";
import { commonValidIndices, gather, ReturnCache, windowIndices } from "./returns";

export const COVARIANCE_WINDOW = 252;
export const EWMA_LAMBDA = 0.94;
/** With fewer common returns than this the covariance is not estimated (INSUFFICIENT_HISTORY). */
export const COVARIANCE_MIN_OBS = 60;

export interface EwmaMoments {
  /** Weighted mean per series. */
  mean: Float64Array;
  /** k×k row-major: Σ_t w_t (x_t − μ)(x_t − μ)ᵀ. */
  covariance: Float64Array;
}

/**
 * Weights w_t ∝ λ^(n−1−t) over t = 0…n−1 (oldest first, so the latest observation has λ⁰),
 * normalised to sum to 1.
 */
export function ewmaWeights(n: number, lambda = EWMA_LAMBDA): Float64Array {
  const w = new Float64Array(n);
  let total = 0;
  for (let t = n - 1, p = 1; t >= 0; t--, p *= lambda) {
    w[t] = p;
    total += p;
  }
  for (let t = 0; t < n; t++) w[t]! /= total;
  return w;
}

/** EWMA mean and covariance of equally long series ordered oldest → latest. */
export function ewmaCovariance(columns: readonly Float64Array[], lambda = EWMA_LAMBDA): EwmaMoments {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const w = ewmaWeights(n, lambda);
  const mean = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const c = columns[j]!;
    let s = 0;
    for (let t = 0; t < n; t++) s += w[t]! * c[t]!;
    mean[j] = s;
  }
  const covariance = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    for (let l = j; l < k; l++) {
      const a = columns[j]!;
      const b = columns[l]!;
      let s = 0;
      for (let t = 0; t < n; t++) s += w[t]! * (a[t]! - mean[j]!) * (b[t]! - mean[l]!);
      covariance[j * k + l] = s;
      covariance[l * k + j] = s;
    }
  }
  return { mean, covariance };
}

/** Correlation matrix of a k×k covariance (row-major). */
export function correlationFromCovariance(covariance: Float64Array, k: number): Float64Array {
  const r = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    for (let l = 0; l < k; l++) r[j * k + l] = covariance[j * k + l]! / Math.sqrt(covariance[j * k + j]! * covariance[l * k + l]!);
  }
  return r;
}

export interface FactorCovariance {
  ok: true;
  /** Row and column order of the matrices: STRESS_PROXIES. */
  proxies: readonly StressProxy[];
  /** Dates of the first and last return in the window; endDate ≤ the calculation date. */
  startDate: string;
  endDate: string;
  n: number;
  lambda: number;
  mean: Float64Array;
  /** 8×8 row-major. */
  covariance: Float64Array;
  correlation: Float64Array;
}

export type FactorCovarianceResult = FactorCovariance | { ok: false; reason: MissingBetaReason; n: number };

export interface FactorCovarianceOptions {
  window?: number;
  lambda?: number;
  returns?: ReturnCache;
}

/** The proxies' EWMA covariance over the last `window` common returns dated ≤ `date`. */
export function factorCovariance(panel: PricePanel, date: string, options: FactorCovarianceOptions = {}): FactorCovarianceResult {
  const { window = COVARIANCE_WINDOW, lambda = EWMA_LAMBDA, returns = new ReturnCache(panel) } = options;
  const series = STRESS_PROXIES.map((p) => returns.returns(p));
  if (series.some((s) => s === undefined)) return { ok: false, reason: "MISSING_PRICES", n: 0 };
  const full = series as Float64Array[];
  const idx = windowIndices(commonValidIndices(full), lastIndexOnOrBefore(panel, date), window);
  if (idx.length < COVARIANCE_MIN_OBS) return { ok: false, reason: "INSUFFICIENT_HISTORY", n: idx.length };
  const { mean, covariance } = ewmaCovariance(
    full.map((s) => gather(s, idx)),
    lambda,
  );
  return {
    ok: true,
    proxies: STRESS_PROXIES,
    startDate: panel.dates[idx[0]!]!,
    endDate: panel.dates[idx[idx.length - 1]!]!,
    n: idx.length,
    lambda,
    mean,
    covariance,
    correlation: correlationFromCovariance(covariance, STRESS_PROXIES.length),
  };
}

/** One entry of the covariance by registry proxy names. */
export function covarianceOf(cov: FactorCovariance, a: StressProxy, b: StressProxy): number {
  const k = cov.proxies.length;
  return cov.covariance[cov.proxies.indexOf(a) * k + cov.proxies.indexOf(b)]!;
}
