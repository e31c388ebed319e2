// Performance of a book from its stored daily returns: period returns, drawdown, risk-adjusted
// figures over the last year and statistics against a benchmark.
// Definition and reference test: docs/METHODOLOGY.md, "Performance".
import type { IsoDate } from "@/lib/dates";
import { olsBeta } from "./ols-beta";
import { sampleStd, TRADING_DAYS_PER_YEAR } from "./volatility";

/** The risk-adjusted and benchmark figures use the last year of returns… */
export const PERFORMANCE_WINDOW = 252;
/** …and need at least a quarter of them. */
export const PERFORMANCE_MIN_RETURNS = 63;

export const PERIOD_KEYS = ["MTD", "QTD", "YTD", "1Y", "ITD"] as const;
export type PeriodKey = (typeof PERIOD_KEYS)[number];

/** A figure, or null with the reason in words. */
export type Figure = { value: number; reason: null } | { value: null; reason: string };

const known = (value: number): Figure => (Number.isFinite(value) ? { value, reason: null } : { value: null, reason: "the inputs are degenerate (the figure is not a finite number)" });
const missing = (reason: string): Figure => ({ value: null, reason });

export interface PerformanceInputs {
  /** The book's COMPLETE days, oldest first, up to the as-of date; the first is inception (no return). */
  dates: readonly IsoDate[];
  /** returns[i] = P&L on dates[i] / NAV on dates[i − 1]; returns[0] is ignored. */
  returns: ArrayLike<number>;
  /** The benchmark's simple return on each of `dates` (NaN where it has none). */
  benchmarkReturns: ArrayLike<number>;
  /** Every trading day from the start of the as-of date's year (or inception, if earlier) to the as-of date. */
  tradingDays: readonly IsoDate[];
  /** Yearly risk-free rate (0.04 = 4 %). */
  riskFreeRate: number;
}

export interface PeriodReturn {
  period: PeriodKey;
  /** Compounded return over the returns found, null when there are none. */
  value: number | null;
  /** First and last dates of the returns compounded. */
  from: IsoDate | null;
  to: IsoDate | null;
  returns: number;
  /** Returns the period asks for. */
  expected: number;
  /** Fewer returns than the period asks for: the value covers only the span found. */
  partial: boolean;
  /** Why the value is null. */
  reason: string | null;
}

export interface MaxDrawdown {
  /** The worst fall from a running peak of wealth (≤ 0; 0 when wealth never fell). */
  value: number;
  peakDate: IsoDate | null;
  troughDate: IsoDate | null;
  /** First date after the trough with wealth back at the peak, null if not (yet) recovered. */
  recoveryDate: IsoDate | null;
}

export interface Window {
  from: IsoDate;
  to: IsoDate;
  n: number;
}

export interface RiskAdjusted {
  window: Window | null;
  annualisedReturn: Figure;
  annualisedVol: Figure;
  sharpe: Figure;
  sortino: Figure;
}

export interface AgainstBenchmark {
  window: Window | null;
  beta: Figure;
  /** Annualised intercept (× 252). */
  alpha: Figure;
  rSquared: Figure;
  trackingError: Figure;
  informationRatio: Figure;
}

export interface CumulativePoint {
  date: IsoDate;
  portfolio: number;
  benchmark: number;
}

export interface Performance {
  periods: PeriodReturn[];
  /** Null before the book has a return. */
  drawdown: MaxDrawdown | null;
  riskAdjusted: RiskAdjusted;
  benchmark: AgainstBenchmark;
  /** Both cumulative returns since inception, on the dates where both have a return (0 at inception). */
  cumulative: CumulativePoint[];
}

const compound = (r: ArrayLike<number>, from: number, to: number) => {
  let w = 1;
  for (let i = from; i < to; i++) w *= 1 + r[i]!;
  return w - 1;
};

/** The first calendar day of the month / quarter / year of `date`: the period runs from the first trading day on or after it. */
function periodStart(period: "MTD" | "QTD" | "YTD", date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  const startMonth = period === "MTD" ? month : period === "QTD" ? month - ((month - 1) % 3) : 1;
  return `${date.slice(0, 4)}-${String(startMonth).padStart(2, "0")}-01`;
}

function periodReturns(dates: readonly IsoDate[], r: ArrayLike<number>, tradingDays: readonly IsoDate[]): PeriodReturn[] {
  const asOf = dates.at(-1)!;
  const n = dates.length;
  const result = (period: PeriodKey, first: number, expected: number): PeriodReturn => {
    const count = n - first;
    return {
      period,
      value: count > 0 ? compound(r, first, n) : null,
      from: count > 0 ? dates[first]! : null,
      to: count > 0 ? asOf : null,
      returns: count,
      expected,
      partial: count < expected,
      reason: count > 0 ? null : "the book has no daily return in this period yet",
    };
  };
  // Returns dated on or after the period's first calendar day are those after the last trading day before it.
  const calendar = (period: "MTD" | "QTD" | "YTD"): PeriodReturn => {
    const start = periodStart(period, asOf);
    const expected = tradingDays.filter((d) => d >= start && d <= asOf).length;
    let first = 1;
    while (first < n && dates[first]! < start) first++;
    return result(period, first, expected);
  };
  return [
    calendar("MTD"),
    calendar("QTD"),
    calendar("YTD"),
    result("1Y", Math.max(1, n - PERFORMANCE_WINDOW), PERFORMANCE_WINDOW),
    result("ITD", 1, n - 1),
  ];
}

function maxDrawdown(dates: readonly IsoDate[], r: ArrayLike<number>): MaxDrawdown | null {
  if (dates.length < 2) return null;
  // Wealth is 1 on the inception day (no return yet), so a first-day loss is a drawdown.
  let wealth = 1;
  let peak = 1;
  let peakIndex = 0;
  let worst = 0;
  let worstPeak = 0;
  let trough = -1;
  const w = [1];
  for (let i = 1; i < dates.length; i++) {
    wealth *= 1 + r[i]!;
    w.push(wealth);
    if (wealth > peak) {
      peak = wealth;
      peakIndex = i;
    }
    const dd = wealth / peak - 1;
    if (dd < worst) {
      worst = dd;
      worstPeak = peakIndex;
      trough = i;
    }
  }
  if (trough < 0) return { value: 0, peakDate: null, troughDate: null, recoveryDate: null };
  let recovery: IsoDate | null = null;
  for (let i = trough + 1; i < dates.length; i++) {
    if (w[i]! >= w[worstPeak]!) {
      recovery = dates[i]!;
      break;
    }
  }
  return { value: worst, peakDate: dates[worstPeak]!, troughDate: dates[trough]!, recoveryDate: recovery };
}

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s / v.length;
};

const tooFew = (n: number) =>
  `${n} daily return${n === 1 ? "" : "s"} in the last year, at least ${PERFORMANCE_MIN_RETURNS} needed`;

function riskAdjusted(dates: readonly IsoDate[], r: ArrayLike<number>, riskFreeRate: number): RiskAdjusted {
  const first = Math.max(1, dates.length - PERFORMANCE_WINDOW);
  const window = Float64Array.from({ length: Math.max(0, dates.length - first) }, (_, i) => r[first + i]!);
  const n = window.length;
  if (n < PERFORMANCE_MIN_RETURNS) {
    const reason = tooFew(n);
    return { window: null, annualisedReturn: missing(reason), annualisedVol: missing(reason), sharpe: missing(reason), sortino: missing(reason) };
  }
  const rf = riskFreeRate / TRADING_DAYS_PER_YEAR;
  const sd = sampleStd(window, 0, n);
  const excess = window.map((x) => x - rf);
  const excessMean = mean(excess);
  const downside = Math.sqrt(mean(excess.map((x) => Math.min(x, 0) ** 2)));
  const root = Math.sqrt(TRADING_DAYS_PER_YEAR);
  return {
    window: { from: dates[first]!, to: dates.at(-1)!, n },
    annualisedReturn: known((1 + compound(window, 0, n)) ** (TRADING_DAYS_PER_YEAR / n) - 1),
    annualisedVol: known(sd * root),
    sharpe: sd > 0 ? known((excessMean / sd) * root) : missing("the daily returns do not vary: the standard deviation is zero"),
    sortino: downside > 0 ? known((excessMean / downside) * root) : missing("no daily return fell below the risk-free rate: the downside deviation is zero"),
  };
}

function againstBenchmark(dates: readonly IsoDate[], r: ArrayLike<number>, b: ArrayLike<number>, benchmarkName: string): AgainstBenchmark {
  const first = Math.max(1, dates.length - PERFORMANCE_WINDOW);
  const y: number[] = [];
  const x: number[] = [];
  const used: IsoDate[] = [];
  for (let i = first; i < dates.length; i++) {
    if (!Number.isFinite(b[i]!)) continue;
    y.push(r[i]!);
    x.push(b[i]!);
    used.push(dates[i]!);
  }
  const n = y.length;
  if (n < PERFORMANCE_MIN_RETURNS) {
    const reason = `${n} daily return${n === 1 ? "" : "s"} in the last year with a return of ${benchmarkName}, at least ${PERFORMANCE_MIN_RETURNS} needed`;
    return { window: null, beta: missing(reason), alpha: missing(reason), rSquared: missing(reason), trackingError: missing(reason), informationRatio: missing(reason) };
  }
  const window = { from: used[0]!, to: used.at(-1)!, n };
  const active = Float64Array.from(y, (v, i) => v - x[i]!);
  const te = sampleStd(active, 0, n) * Math.sqrt(TRADING_DAYS_PER_YEAR);
  const ir = te > 0 ? known((mean(active) * TRADING_DAYS_PER_YEAR) / te) : missing(`the book moves exactly with ${benchmarkName}: the tracking error is zero`);
  if (sampleStd(x, 0, n) === 0) {
    const flat = missing(`${benchmarkName} did not move over the window: no regression on it is defined`);
    return { window, beta: flat, alpha: flat, rSquared: flat, trackingError: known(te), informationRatio: ir };
  }
  const fit = olsBeta(Float64Array.from(x), Float64Array.from(y));
  return {
    window,
    beta: known(fit.rawBeta),
    alpha: known(fit.alpha * TRADING_DAYS_PER_YEAR),
    rSquared: known(fit.rSquared),
    trackingError: known(te),
    informationRatio: ir,
  };
}

function cumulativeLines(dates: readonly IsoDate[], r: ArrayLike<number>, b: ArrayLike<number>): CumulativePoint[] {
  if (dates.length === 0) return [];
  const points: CumulativePoint[] = [{ date: dates[0]!, portfolio: 0, benchmark: 0 }];
  let wp = 1;
  let wb = 1;
  for (let i = 1; i < dates.length; i++) {
    if (!Number.isFinite(b[i]!)) continue;
    wp *= 1 + r[i]!;
    wb *= 1 + b[i]!;
    points.push({ date: dates[i]!, portfolio: wp - 1, benchmark: wb - 1 });
  }
  return points;
}

export function computePerformance(input: PerformanceInputs, benchmarkName: string): Performance {
  const { dates, returns: r, benchmarkReturns: b } = input;
  if (dates.length === 0) throw new RangeError("performance needs at least the inception day");
  if (r.length !== dates.length || b.length !== dates.length) throw new RangeError("dates, returns and benchmark returns must be equally long");
  return {
    periods: periodReturns(dates, r, input.tradingDays),
    drawdown: maxDrawdown(dates, r),
    riskAdjusted: riskAdjusted(dates, r, input.riskFreeRate),
    benchmark: againstBenchmark(dates, r, b, benchmarkName),
    cumulative: cumulativeLines(dates, r, b),
  };
}
