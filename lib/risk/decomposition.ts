// Risk decomposition: the book's daily variance split into a factor part (its dollar exposures to the
// eight stress proxies under their EWMA covariance) and a specific part (what each symbol's stress
// ridge leaves unexplained), then attributed to the factors and to each symbol.
// Definition and reference test: docs/METHODOLOGY.md, "Risk decomposition".
import { STRESS_PROXIES, type StressProxy } from "@/lib/factors/registry";
import type { ReasonCode } from "@/lib/reason-codes";
import { factorCovariance, type FactorCovariance } from "./factor-covariance";
import { capBeta } from "./ols-beta";
import { lastIndexOnOrBefore, type PricePanel } from "./panel";
import { alignedWindow, ReturnCache } from "./returns";
import { ridgeFit } from "./ridge";
import { STRESS_BETA_MIN_OBS, STRESS_BETA_WINDOW } from "./stress-betas";

export const TRADING_DAYS_PER_YEAR = 252;

export interface SymbolRiskModel {
  /** Capped stress betas, in STRESS_PROXIES order (the betas the stress tests use). */
  betas: Float64Array;
  /** s² = mean of the squared in-sample residuals of the stress ridge. */
  specificVariance: number;
  n: number;
}

export type SymbolRiskModelResult = ({ ok: true } & SymbolRiskModel) | { ok: false; reason: "MISSING_PRICES" | "INSUFFICIENT_HISTORY"; n: number };

/** The symbol's stress ridge over its last 90 returns ≤ date, with the residuals it leaves. */
export function symbolRiskModel(returns: ReturnCache, symbol: string, date: string): SymbolRiskModelResult {
  const y = returns.returns(symbol);
  const xs = STRESS_PROXIES.map((p) => returns.returns(p));
  if (!y || xs.some((x) => x === undefined)) return { ok: false, reason: "MISSING_PRICES", n: 0 };
  const { columns } = alignedWindow([...(xs as Float64Array[]), y], lastIndexOnOrBefore(returns.panel, date), STRESS_BETA_WINDOW);
  const yw = columns.pop()!;
  const n = yw.length;
  if (n < STRESS_BETA_MIN_OBS) return { ok: false, reason: "INSUFFICIENT_HISTORY", n };
  const fit = ridgeFit(columns, yw);
  // Residuals of the fitted (uncapped) ridge: the capped betas differ only beyond ±5.
  let ss = 0;
  for (let t = 0; t < n; t++) {
    let e = yw[t]! - fit.intercept;
    for (let j = 0; j < columns.length; j++) e -= fit.coef[j]! * columns[j]![t]!;
    ss += e * e;
  }
  return { ok: true, betas: Float64Array.from(fit.coef, (b) => capBeta(b).beta), specificVariance: ss / n, n };
}

export interface DecompositionSymbol {
  symbol: string;
  /** e_i: net delta-adjusted dollar exposure. */
  exposure: number;
  betas: Record<StressProxy, number>;
  /** Daily specific standard deviation s_i (a return). */
  specificVol: number;
  /** c_i = e_i (sb_iᵀ C b + e_i s_i²) / V; the c_i sum to 1. */
  componentShare: number;
  /** √252 (sb_iᵀ C b + e_i s_i²) / √V: dollars of annual vol per dollar of exposure. */
  marginal: number;
}

export interface DecompositionFactor {
  proxy: StressProxy;
  /** b_k = Σ_i e_i sb_i,k. */
  dollars: number;
  /** b_k (C b)_k / V; the shares sum to V_F / V. */
  share: number;
}

export interface Decomposition {
  available: true;
  nav: number;
  /** Daily dollar variances: V_F = bᵀ C b, V_S = Σ e_i² s_i², V = V_F + V_S. */
  factorVariance: number;
  specificVariance: number;
  variance: number;
  /** √(252 V) dollars, and as a share of NAV (null when NAV ≤ 0). */
  volDollars: number;
  volPctNav: number | null;
  factorShare: number;
  specificShare: number;
  factors: DecompositionFactor[];
  symbols: DecompositionSymbol[];
  /** Held symbols left out (no stress ridge): their exposure is not in V. */
  excluded: { symbol: string; exposure: number; reason: ReasonCode }[];
  covariance: { startDate: string; endDate: string; n: number };
}

export type DecompositionResult = Decomposition | { available: false; reason: ReasonCode; detail: string };

export interface DecompositionInput {
  panel: PricePanel;
  date: string;
  /** Net non-private exposure per risk symbol (lots merged, options on their underlying). */
  exposures: ReadonlyMap<string, number>;
  nav: number;
  returns?: ReturnCache;
  covariance?: FactorCovariance;
}

export function computeDecomposition(input: DecompositionInput): DecompositionResult {
  const { panel, date, exposures, nav } = input;
  const returns = input.returns ?? new ReturnCache(panel);
  const held = [...exposures].filter(([, e]) => e !== 0);
  if (held.length === 0) return { available: false, reason: "NO_PUBLIC_POSITIONS", detail: "no stock, ETF or option exposure to decompose" };
  let cov: FactorCovariance;
  if (input.covariance) cov = input.covariance;
  else {
    const c = factorCovariance(panel, date, { returns });
    if (!c.ok) return { available: false, reason: c.reason, detail: `factor covariance: ${c.n} common proxy returns up to ${date}` };
    cov = c;
  }
  const k = STRESS_PROXIES.length;
  const models: { symbol: string; e: number; m: SymbolRiskModel }[] = [];
  const excluded: Decomposition["excluded"] = [];
  for (const [symbol, e] of held.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const m = symbolRiskModel(returns, symbol, date);
    if (m.ok) models.push({ symbol, e, m });
    else excluded.push({ symbol, exposure: e, reason: m.reason });
  }
  if (models.length === 0) return { available: false, reason: "INSUFFICIENT_HISTORY", detail: `no held symbol has a stress ridge on ${date}` };

  const b = new Float64Array(k);
  for (const { e, m } of models) for (let j = 0; j < k; j++) b[j]! += e * m.betas[j]!;
  const cb = new Float64Array(k);
  for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) cb[j]! += cov.covariance[j * k + l]! * b[l]!;
  let factorVariance = 0;
  for (let j = 0; j < k; j++) factorVariance += b[j]! * cb[j]!;
  let specificVariance = 0;
  for (const { e, m } of models) specificVariance += e * e * m.specificVariance;
  const variance = factorVariance + specificVariance;
  if (!(variance > 0) || !Number.isFinite(variance)) return { available: false, reason: "DEGENERATE_INPUT", detail: `portfolio variance ${variance}` };
  const volDollars = Math.sqrt(TRADING_DAYS_PER_YEAR * variance);

  const symbols = models.map(({ symbol, e, m }): DecompositionSymbol => {
    let exposureToCb = 0;
    for (let j = 0; j < k; j++) exposureToCb += m.betas[j]! * cb[j]!;
    const perDollar = exposureToCb + e * m.specificVariance;
    return {
      symbol,
      exposure: e,
      betas: Object.fromEntries(STRESS_PROXIES.map((p, j) => [p, m.betas[j]!])) as Record<StressProxy, number>,
      specificVol: Math.sqrt(m.specificVariance),
      componentShare: (e * perDollar) / variance,
      marginal: (Math.sqrt(TRADING_DAYS_PER_YEAR) * perDollar) / Math.sqrt(variance),
    };
  });
  return {
    available: true,
    nav,
    factorVariance,
    specificVariance,
    variance,
    volDollars,
    volPctNav: nav > 0 ? volDollars / nav : null,
    factorShare: factorVariance / variance,
    specificShare: specificVariance / variance,
    factors: STRESS_PROXIES.map((proxy, j) => ({ proxy, dollars: b[j]!, share: (b[j]! * cb[j]!) / variance })),
    symbols,
    excluded,
    covariance: { startDate: cov.startDate, endDate: cov.endDate, n: cov.n },
  };
}
