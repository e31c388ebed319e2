// Means and centred cross-products of m aligned series over a window: everything a one-factor OLS
// or a ridge regression needs. `windowMoments` computes them directly (two passes); `RollingMoments`
// slides a window along a list of rows updating raw sums, so consecutive dates cost O(1) each.

export interface CentredMoments {
  n: number;
  /** Number of series. */
  m: number;
  means: Float64Array;
  /** cross[j*m + l] = Σ_i (v_j[i] − mean_j)(v_l[i] − mean_l), symmetric. */
  cross: Float64Array;
}

/** Moments of the given equally long series, computed around their means (no cancellation). */
export function windowMoments(series: readonly Float64Array[]): CentredMoments {
  const m = series.length;
  const n = series[0]?.length ?? 0;
  const means = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const v = series[j]!;
    if (v.length !== n) throw new RangeError(`windowMoments: series ${j} has ${v.length} values, expected ${n}`);
    let s = 0;
    for (let i = 0; i < n; i++) s += v[i]!;
    means[j] = s / n;
  }
  const cross = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    const vj = series[j]!;
    const mj = means[j]!;
    for (let l = j; l < m; l++) {
      const vl = series[l]!;
      const ml = means[l]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += (vj[i]! - mj) * (vl[i]! - ml);
      cross[j * m + l] = s;
      cross[l * m + j] = s;
    }
  }
  return { n, m, means, cross };
}

/**
 * Raw sums Σv_j and Σv_j·v_l over rows[lo..hi) of m series, moved incrementally. Daily returns have
 * means far below their standard deviations, so centring the raw sums loses about two digits at most;
 * a full recomputation every RESUM_EVERY moves keeps rounding drift from accumulating.
 */
export class RollingMoments {
  private static readonly RESUM_EVERY = 256;
  private readonly m: number;
  private readonly sums: Float64Array;
  private readonly products: Float64Array;
  private readonly current: CentredMoments;
  private lo = 0;
  private hi = 0;
  private moves = 0;

  constructor(
    private readonly series: readonly Float64Array[],
    private readonly rows: Int32Array,
  ) {
    this.m = series.length;
    this.sums = new Float64Array(this.m);
    this.products = new Float64Array(this.m * this.m);
    this.current = { n: 0, m: this.m, means: new Float64Array(this.m), cross: new Float64Array(this.m * this.m) };
  }

  private accumulate(from: number, to: number, sign: 1 | -1): void {
    const { m, series, rows, sums, products } = this;
    for (let p = from; p < to; p++) {
      const r = rows[p]!;
      for (let j = 0; j < m; j++) {
        const vj = series[j]![r]! * sign;
        sums[j]! += vj;
        for (let l = j; l < m; l++) products[j * m + l]! += vj * series[l]![r]!;
      }
    }
  }

  /** Moves the window to rows[lo..hi). */
  moveTo(lo: number, hi: number): void {
    const overlaps = lo < this.hi && hi > this.lo;
    if (!overlaps || ++this.moves >= RollingMoments.RESUM_EVERY) {
      this.sums.fill(0);
      this.products.fill(0);
      this.accumulate(lo, hi, 1);
      this.moves = 0;
    } else {
      if (lo < this.lo) this.accumulate(lo, this.lo, 1);
      else this.accumulate(this.lo, lo, -1);
      if (hi > this.hi) this.accumulate(this.hi, hi, 1);
      else this.accumulate(hi, this.hi, -1);
    }
    this.lo = lo;
    this.hi = hi;
  }

  /**
   * Centred moments of the current window. The returned object is reused by the next call (the
   * batch fits hundreds of thousands of windows; fresh typed arrays each time would keep the GC busy).
   */
  moments(): CentredMoments {
    const { m, sums, products, current } = this;
    const { means, cross } = current;
    const n = this.hi - this.lo;
    current.n = n;
    for (let j = 0; j < m; j++) means[j] = sums[j]! / n;
    for (let j = 0; j < m; j++) {
      for (let l = j; l < m; l++) {
        const c = products[j * m + l]! - sums[j]! * means[l]!;
        cross[j * m + l] = c;
        cross[l * m + j] = c;
      }
    }
    return current;
  }
}
