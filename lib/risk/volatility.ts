// Portfolio volatility: the return series of today's holdings over the price history, realized
// vol, HAR-RV and EWMA forecasts, percentile and trend. A metric without enough history is null with
// INSUFFICIENT_HISTORY — never estimated from fewer returns than its definition needs.
// Definition and reference test: docs/METHODOLOGY.md, "Volatility and its forecasts".
import { lastIndexOnOrBefore } from "./panel";
import type { ReasonCode } from "@/lib/reason-codes";
import type { ReturnCache } from "./returns";
import { olsFit, olsPredict } from "./stats/ols";

export const TRADING_DAYS_PER_YEAR = 252;
export const SHORT_WINDOW = 21;
export const LONG_WINDOW = 63;
export const PERCENTILE_LOOKBACK = 252;
export const HAR_HORIZON = 21;
export const HAR_FIT_DATES = 252;
export const EWMA_LAMBDA = 0.94;
export const EWMA_TERMS = 252;
export const TREND_POINTS = 21;
/** The trend is rising/falling when the fitted change over the trend window exceeds this share of today's vol. */
export const TREND_THRESHOLD = 0.1;

const HAR_LONG_LAG = 22;
const HAR_WEEK_LAG = 5;
/** Returns needed by the hungriest metric, HAR: 22 lagged + 252 fit dates + 21 forward − 1 overlap. */
export const VOL_HISTORY_RETURNS = HAR_LONG_LAG - 1 + HAR_FIT_DATES + HAR_HORIZON;

export interface PortfolioPnlSeries {
  /** Dates of the P&L values, ascending. */
  dates: string[];
  /** L_t = Σ exposure_i · r_i,t, dollars. */
  dollarPnl: Float64Array;
}

export interface PortfolioReturnSeries extends PortfolioPnlSeries {
  /** r_p,t = Σ exposure_i · r_i,t / NAV. */
  returns: Float64Array;
}

export type PortfolioPnlResult = ({ available: true } & PortfolioPnlSeries) | { available: false; reason: ReasonCode; detail: string };

export type PortfolioSeriesResult =
  | ({ available: true } & PortfolioReturnSeries)
  | { available: false; reason: ReasonCode; detail: string };

/**
 * The last `count` (or fewer, if the history is shorter) daily dollar P&L values of today's holdings,
 * held constant, ending on or before `asOf`. A date enters only if every held symbol has a simple
 * return on it (closes on that panel date and the one before): nothing is filled in. Needs no NAV,
 * so VaR in dollars exists whatever the NAV.
 *
 * @param returns the batch's shared per-symbol returns over the price panel
 * @param exposures net signed exposure per risk symbol, private holdings excluded (publicExposureBySymbol)
 */
export function portfolioPnlSeries(returns: ReturnCache, exposures: ReadonlyMap<string, number>, asOf: string, count: number): PortfolioPnlResult {
  if (exposures.size === 0) return { available: false, reason: "NO_PUBLIC_POSITIONS", detail: "no stock, ETF or option exposure" };
  const weights: number[] = [];
  const series: Float64Array[] = [];
  const unknown: string[] = [];
  for (const [symbol, exposure] of exposures) {
    const r = returns.returns(symbol);
    if (r === undefined) unknown.push(symbol);
    else {
      series.push(r);
      weights.push(exposure);
    }
  }
  if (unknown.length > 0) return { available: false, reason: "MISSING_PRICES", detail: `no price history for ${unknown.sort().join(", ")}` };

  // Walk back from asOf and stop after `count` complete dates: O(count × holdings), not the whole axis.
  const indices: number[] = [];
  const pnl: number[] = [];
  for (let j = lastIndexOnOrBefore(returns.panel, asOf); j >= 1 && indices.length < count; j--) {
    let sum = 0;
    let k = 0;
    for (; k < series.length; k++) {
      const r = series[k]![j]!;
      if (Number.isNaN(r)) break;
      sum += weights[k]! * r;
    }
    if (k < series.length) continue;
    indices.push(j);
    pnl.push(sum);
  }
  return { available: true, dates: indices.reverse().map((j) => returns.panel.dates[j]!), dollarPnl: Float64Array.from(pnl.reverse()) };
}

/** portfolioPnlSeries as returns on today's NAV; a NAV ≤ 0 gives no meaningful return (NAV_NOT_POSITIVE). */
export function portfolioReturnSeries(
  returns: ReturnCache,
  exposures: ReadonlyMap<string, number>,
  nav: number,
  asOf: string,
  count: number,
): PortfolioSeriesResult {
  const pnl = portfolioPnlSeries(returns, exposures, asOf, count);
  if (!pnl.available) return pnl;
  if (!(nav > 0)) return { available: false, reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: returns on NAV need a positive NAV` };
  return { ...pnl, returns: pnl.dollarPnl.map((l) => l / nav) };
}

function mean(v: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i]!;
  return s / (to - from);
}

/** Sample standard deviation (ddof 1) of v[from, to). */
export function sampleStd(v: ArrayLike<number>, from: number, to: number): number {
  const m = mean(v, from, to);
  let ss = 0;
  for (let i = from; i < to; i++) ss += (v[i]! - m) ** 2;
  return Math.sqrt(ss / (to - from - 1));
}

const annualise = (dailyStd: number): number => dailyStd * Math.sqrt(TRADING_DAYS_PER_YEAR);

/** 21-day realized vol of the windows ending at each of the last `count` returns (fewer if short). */
function rollingVol(returns: Float64Array, count: number): Float64Array {
  const n = returns.length;
  const values = Math.max(0, Math.min(count, n - SHORT_WINDOW + 1));
  const out = new Float64Array(values);
  for (let k = 0; k < values; k++) {
    const end = n - values + k + 1;
    out[k] = annualise(sampleStd(returns, end - SHORT_WINDOW, end));
  }
  return out;
}

/**
 * Direct HAR-RV forecast of the next 21 days' vol, annualised; null below VOL_HISTORY_RETURNS returns.
 *
 * With v_t = r_t², a *usable date* t is one with all 21 forward values v_{t+1} … v_{t+21} and all 22
 * lagged values v_{t−21} … v_t in the series. On the last 252 usable dates, OLS of
 * mean(v_{t+1..t+21}) on [1, v_t, mean(v_{t−4..t}), mean(v_{t−21..t})]; the prediction uses the same
 * three components at the last date of the series (which itself has no forward values).
 */
export function harForecast(returns: Float64Array): number | null {
  const n = returns.length;
  if (n < VOL_HISTORY_RETURNS) return null;
  const v = returns.map((r) => r * r);
  const components = (t: number): [number, number, number] => [v[t]!, mean(v, t - HAR_WEEK_LAG + 1, t + 1), mean(v, t - HAR_LONG_LAG + 1, t + 1)];
  const lastUsable = n - 1 - HAR_HORIZON;
  const firstUsable = lastUsable - HAR_FIT_DATES + 1;
  const cols = [new Float64Array(HAR_FIT_DATES), new Float64Array(HAR_FIT_DATES), new Float64Array(HAR_FIT_DATES)] as const;
  const y = new Float64Array(HAR_FIT_DATES);
  for (let i = 0; i < HAR_FIT_DATES; i++) {
    const t = firstUsable + i;
    const [d, w, m] = components(t);
    cols[0][i] = d;
    cols[1][i] = w;
    cols[2][i] = m;
    y[i] = mean(v, t + 1, t + 1 + HAR_HORIZON);
  }
  const predicted = olsPredict(olsFit(cols, y), components(n - 1));
  return Math.sqrt(Math.max(predicted, 0) * TRADING_DAYS_PER_YEAR);
}

/** EWMA vol (λ = 0.94 over the last 252 returns, weights normalised, no mean), annualised. */
export function ewmaVol(returns: Float64Array): number | null {
  const n = returns.length;
  if (n < EWMA_TERMS) return null;
  let weightSum = 0;
  let weighted = 0;
  let w = 1;
  for (let k = 0; k < EWMA_TERMS; k++) {
    const r = returns[n - 1 - k]!;
    weighted += w * r * r;
    weightSum += w;
    w *= EWMA_LAMBDA;
  }
  return annualise(Math.sqrt(weighted / weightSum));
}

export type VolTrend = "rising" | "falling" | "stable";

export type VolMetricKey = "realized21" | "realized63" | "harForecast" | "ewmaForecast" | "percentile" | "trend";

export interface VolatilityMetrics {
  /** Annualised; 21 and 63 most recent returns. */
  realized21: number | null;
  realized63: number | null;
  /** Annualised forecasts of the next 21 days. */
  harForecast: number | null;
  ewmaForecast: number | null;
  /** Share in [0, 1) of the last 252 values of the 21-day vol strictly below today's. */
  percentile: number | null;
  trend: VolTrend | null;
  /** OLS slope of the last 21 values of the 21-day vol on 0…20: annualised vol per trading day. */
  trendSlope: number | null;
  /** The 21-day vol for the last (up to) 252 dates, for the chart. */
  rolling21: { dates: string[]; values: Float64Array };
  /** The reason of every null metric. */
  missing: Partial<Record<VolMetricKey, ReasonCode>>;
  observations: number;
}

/**
 * All volatility metrics of one portfolio and date from its return series (ideally VOL_HISTORY_RETURNS
 * long). A metric that would not be a finite number (returns too large to square, a degenerate HAR
 * regression on constant returns) is null with DEGENERATE_INPUT, never NaN or Infinity.
 */
export function volatilityMetrics(series: Pick<PortfolioReturnSeries, "dates" | "returns">): VolatilityMetrics {
  const { returns } = series;
  const n = returns.length;
  const missing: Partial<Record<VolMetricKey, ReasonCode>> = {};
  const finite = (key: VolMetricKey, value: number | null): number | null => {
    if (value === null || Number.isFinite(value)) return value;
    missing[key] = "DEGENERATE_INPUT";
    return null;
  };
  const realized = (window: number): number | null => (n >= window ? annualise(sampleStd(returns, n - window, n)) : null);
  const rolling = rollingVol(returns, PERCENTILE_LOOKBACK);
  const rollingFinite = rolling.every(Number.isFinite);
  const today = rolling[rolling.length - 1];

  let percentile: number | null = null;
  if (rolling.length === PERCENTILE_LOOKBACK && today !== undefined) {
    if (!rollingFinite) missing.percentile = "DEGENERATE_INPUT";
    else {
      let below = 0;
      for (const x of rolling) if (x < today) below++;
      percentile = below / PERCENTILE_LOOKBACK;
    }
  }

  let trend: VolTrend | null = null;
  let trendSlope: number | null = null;
  if (rolling.length >= TREND_POINTS && today !== undefined) {
    const x = Float64Array.from({ length: TREND_POINTS }, (_, i) => i);
    const slope = rollingFinite ? olsFit([x], rolling.slice(rolling.length - TREND_POINTS)).coef[0]! : Number.NaN;
    trendSlope = finite("trend", slope);
    if (trendSlope !== null) {
      const change = trendSlope * (TREND_POINTS - 1);
      trend = change > TREND_THRESHOLD * today ? "rising" : change < -TREND_THRESHOLD * today ? "falling" : "stable";
    }
  }

  let har: number | null;
  try {
    har = harForecast(returns);
  } catch (e) {
    // With three regressors over 252 dates, olsFit's only failure is a degenerate design: squared
    // returns that are constant or collinear (e.g. a book whose prices never moved).
    if (!(e instanceof RangeError)) throw e;
    har = Number.NaN;
  }

  const metrics = {
    realized21: finite("realized21", realized(SHORT_WINDOW)),
    realized63: finite("realized63", realized(LONG_WINDOW)),
    harForecast: finite("harForecast", har),
    ewmaForecast: finite("ewmaForecast", ewmaVol(returns)),
    percentile,
    trend,
  };
  for (const [key, value] of Object.entries(metrics) as [VolMetricKey, unknown][]) {
    if (value === null) missing[key] ??= "INSUFFICIENT_HISTORY";
  }
  return {
    ...metrics,
    trendSlope,
    rolling21: { dates: series.dates.slice(n - rolling.length), values: rolling },
    missing,
    observations: n,
  };
}
