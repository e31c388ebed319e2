// Daily simple returns over the price panel's date axis, and the return windows the regressions
// use: a window of N returns ending at D is the last N returns with date ≤ D, and for a
// regression only the dates where every needed return exists count.
// Definition and reference test: docs/METHODOLOGY.md, "Daily returns of a symbol".
import type { PricePanel } from "./panel";

/**
 * r[i] = P[i] / P[i−1] − 1 when both closes exist (previous panel date), else NaN; r[0] is NaN.
 * A missing close therefore removes the return into it and the return out of it.
 */
export function simpleReturns(closes: Float64Array): Float64Array {
  const r = new Float64Array(closes.length).fill(Number.NaN);
  for (let i = 1; i < closes.length; i++) r[i] = closes[i]! / closes[i - 1]! - 1; // NaN propagates
  return r;
}

/** Long-minus-short returns of a spread factor (NaN where either is missing). */
export function spreadReturns(long: Float64Array, short: Float64Array): Float64Array {
  if (long.length !== short.length) throw new RangeError("spreadReturns: series lengths differ");
  const r = new Float64Array(long.length);
  for (let i = 0; i < long.length; i++) r[i] = long[i]! - short[i]!;
  return r;
}

/** Ascending indices where every series has a return. */
export function commonValidIndices(series: readonly Float64Array[]): Int32Array {
  const len = series[0]?.length ?? 0;
  const out = new Int32Array(len);
  let m = 0;
  for (let i = 0; i < len; i++) {
    let ok = true;
    for (const s of series) {
      if (Number.isNaN(s[i]!)) {
        ok = false;
        break;
      }
    }
    if (ok) out[m++] = i;
  }
  return out.slice(0, m);
}

/**
 * Positions [lo, hi) in `valid` (ascending indices) of the last `size` entries that are ≤ endIndex;
 * fewer when history is short.
 */
export function windowBounds(valid: Int32Array, endIndex: number, size: number): [lo: number, hi: number] {
  let lo = 0;
  let hi = valid.length; // ends as the first position with valid[pos] > endIndex
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (valid[mid]! <= endIndex) lo = mid + 1;
    else hi = mid;
  }
  return [Math.max(0, lo - size), lo];
}

/** The panel indices of that window. */
export function windowIndices(valid: Int32Array, endIndex: number, size: number): Int32Array {
  const [lo, hi] = windowBounds(valid, endIndex, size);
  return valid.subarray(lo, hi);
}

/** series[indices[0]], series[indices[1]], … as a new array. */
export function gather(series: Float64Array, indices: Int32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = series[indices[i]!]!;
  return out;
}

export interface AlignedWindow {
  /** Panel date indices of the window, ascending. */
  indices: Int32Array;
  /** One array per input series, aligned on `indices`. */
  columns: Float64Array[];
}

/** The last `size` dates ≤ endIndex where every series has a return, with the values. */
export function alignedWindow(series: readonly Float64Array[], endIndex: number, size: number): AlignedWindow {
  const indices = windowIndices(commonValidIndices(series), endIndex, size);
  return { indices, columns: series.map((s) => gather(s, indices)) };
}

/** Computes each symbol's (and spread's) returns once and hands out the same arrays afterwards. */
export class ReturnCache {
  private readonly cache = new Map<string, Float64Array>();

  constructor(readonly panel: PricePanel) {}

  /** The symbol's returns on the panel axis, or undefined when the panel has no prices for it. */
  returns(symbol: string): Float64Array | undefined {
    let r = this.cache.get(symbol);
    if (!r) {
      const closes = this.panel.closes.get(symbol);
      if (!closes) return undefined;
      r = simpleReturns(closes);
      this.cache.set(symbol, r);
    }
    return r;
  }

  spread(long: string, short: string): Float64Array | undefined {
    const key = `${long}−${short}`;
    let r = this.cache.get(key);
    if (!r) {
      const a = this.returns(long);
      const b = this.returns(short);
      if (!a || !b) return undefined;
      r = spreadReturns(a, b);
      this.cache.set(key, r);
    }
    return r;
  }
}
