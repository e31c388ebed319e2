// Round axis ticks: steps of 1, 2, 2.5 or 5 × 10^k covering the data, so an axis reads 0/5/10/15 %
// rather than 0/4/7/11/14 %. Charts pass the ticks and their ends as the axis domain.

const STEPS = [1, 2, 2.5, 5, 10];

/** About `count` round ticks from at most `min` to at least `max` (zero included when in range). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 2;
    [min, max] = [min - pad, max + pad];
  }
  const raw = (max - min) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.find((s) => s * magnitude >= raw)! * magnitude;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  // Rounded to the step's own precision so 0.1 + 0.2 style noise never reaches a label.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toFixed(decimals)) || 0);
  return ticks;
}

/** Round ticks over the finite values of `values`, e.g. one series of a chart's data. */
export function niceTicksOf(values: Iterable<number | null | undefined>, opts: { count?: number; includeZero?: boolean } = {}): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v == null || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return [];
  if (opts.includeZero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  return niceTicks(lo, hi, opts.count);
}
