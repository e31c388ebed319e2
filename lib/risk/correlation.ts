// Correlation of the significant holdings: Pearson on daily log returns, ordered by gross
// weight, with the average pairwise |ρ| and the effective number of bets 1 / (wᵀ R w).
// Definition and reference test: docs/METHODOLOGY.md, "Correlations".
import { lastIndexOnOrBefore, type PricePanel } from "./panel";
import type { ReasonCode } from "@/lib/reason-codes";

export interface CorrelationOptions {
  /** Minimum |exposure| / NAV. */
  minAbsWeight: number;
  /** Minimum |exposure| in dollars. */
  minAbsExposure: number;
  /** Matrix size limit: the largest holdings by gross weight. */
  maxSymbols: number;
  /** Log returns per symbol. */
  window: number;
}

export const DEFAULT_CORRELATION_OPTIONS: CorrelationOptions = { minAbsWeight: 0.01, minAbsExposure: 10_000, maxSymbols: 25, window: 90 };

export interface CorrelationMatrix {
  available: true;
  /** Ordered by gross weight, largest first. */
  symbols: string[];
  /** Row-major symbols.length × symbols.length. */
  matrix: Float64Array;
  /** |exposure| normalised over the matrix's symbols, in the same order. */
  weights: Float64Array;
  /** Mean |ρ| over distinct pairs; null with fewer than two symbols. */
  averageAbsCorrelation: number | null;
  effectiveBets: number;
  /** Dates of the returns used (the last `window` with a return for every symbol). */
  from: string;
  to: string;
  /** Eligible holdings left out, and why. */
  excluded: { symbol: string; reason: ReasonCode; detail: string }[];
}

export type CorrelationResult = CorrelationMatrix | { available: false; reason: ReasonCode; detail: string; excluded: CorrelationMatrix["excluded"] };

/**
 * @param exposures net signed exposure per risk symbol, private holdings excluded (publicExposureBySymbol)
 */
export function correlationMatrix(
  panel: PricePanel,
  exposures: ReadonlyMap<string, number>,
  nav: number,
  asOf: string,
  options: CorrelationOptions = DEFAULT_CORRELATION_OPTIONS,
): CorrelationResult {
  if (exposures.size === 0) return { available: false, reason: "NO_PUBLIC_POSITIONS", detail: "no stock, ETF or option exposure", excluded: [] };
  // Holdings qualify by their weight in NAV: with a NAV ≤ 0 no weight means anything.
  if (!(nav > 0)) return { available: false, reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: holdings are chosen by their weight in NAV, which needs a positive NAV`, excluded: [] };
  const end = lastIndexOnOrBefore(panel, asOf);
  const excluded: CorrelationMatrix["excluded"] = [];
  const candidates = [...exposures]
    .filter(([, e]) => Math.abs(e) / nav >= options.minAbsWeight && Math.abs(e) >= options.minAbsExposure)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1));

  const chosen: { symbol: string; exposure: number; closes: Float64Array }[] = [];
  for (const [symbol, exposure] of candidates) {
    if (chosen.length === options.maxSymbols) break;
    const closes = panel.closes.get(symbol);
    if (closes === undefined) {
      excluded.push({ symbol, reason: "MISSING_PRICES", detail: "no price history" });
      continue;
    }
    let returns = 0;
    let moved = false;
    for (let j = end; j >= 1 && returns < options.window; j--) {
      if (!(closes[j]! > 0 && closes[j - 1]! > 0)) continue;
      returns++;
      moved ||= closes[j] !== closes[j - 1];
    }
    if (returns < options.window || !moved) {
      const detail = returns < options.window ? `${returns} of ${options.window} returns` : "price unchanged over the window: no correlation is defined";
      excluded.push({ symbol, reason: "INSUFFICIENT_HISTORY", detail });
      continue;
    }
    chosen.push({ symbol, exposure, closes });
  }
  if (chosen.length === 0) return { available: false, reason: "INSUFFICIENT_HISTORY", detail: "no holding is both large enough and long enough listed", excluded };

  // Centred log returns on the last `window` dates where every chosen symbol has one.
  const k = chosen.length;
  const centred = chosen.map(() => new Float64Array(options.window));
  const rowDates: string[] = [];
  for (let j = end; j >= 1 && rowDates.length < options.window; j--) {
    if (!chosen.every((c) => c.closes[j]! > 0 && c.closes[j - 1]! > 0)) continue;
    const row = options.window - 1 - rowDates.length;
    chosen.forEach((c, s) => (centred[s]![row] = Math.log(c.closes[j]! / c.closes[j - 1]!)));
    rowDates.push(panel.dates[j]!);
  }
  if (rowDates.length < options.window) {
    return { available: false, reason: "INSUFFICIENT_HISTORY", detail: `${rowDates.length} common return dates, ${options.window} needed`, excluded };
  }
  for (const x of centred) {
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    for (let i = 0; i < x.length; i++) x[i]! -= m;
  }

  const cov = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      const xa = centred[a]!;
      const xb = centred[b]!;
      for (let i = 0; i < options.window; i++) s += xa[i]! * xb[i]!;
      cov[a * k + b] = s;
      cov[b * k + a] = s;
    }
  }
  const matrix = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const rho = a === b ? 1 : cov[a * k + b]! / Math.sqrt(cov[a * k + a]! * cov[b * k + b]!);
      matrix[a * k + b] = Math.max(-1, Math.min(1, rho));
    }
  }

  const gross = chosen.reduce((s, c) => s + Math.abs(c.exposure), 0);
  const weights = Float64Array.from(chosen, (c) => Math.abs(c.exposure) / gross);
  let quadratic = 0;
  let absSum = 0;
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      quadratic += weights[a]! * matrix[a * k + b]! * weights[b]!;
      if (b > a) absSum += Math.abs(matrix[a * k + b]!);
    }
  }
  return {
    available: true,
    symbols: chosen.map((c) => c.symbol),
    matrix,
    weights,
    averageAbsCorrelation: k >= 2 ? absSum / ((k * (k - 1)) / 2) : null,
    effectiveBets: 1 / quadratic,
    from: rowDates[rowDates.length - 1]!,
    to: rowDates[0]!,
    excluded,
  };
}
