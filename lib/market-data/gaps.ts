// The missing-data rule over a price panel:
// - a gap inside a series means the market was closed for that symbol: the last price is carried
//   for valuation only and flagged `carried` (returns must not be computed across it as if observed);
// - a gap at the end means the data has not arrived: the symbol is `stale` there; the book is still
//   valued on its last close (the day is provisional, recomputed once the price arrives), and no
//   return is computed from it;
// - before a symbol's first price (not listed yet, or never received) the price is null, unflagged.
import type { PricePanel } from "@/lib/risk/panel";

export interface ResolvedPrice {
  date: string;
  /** The close to value with, or null when none may be used. */
  price: number | null;
  /** The date `price` was observed (earlier than `date` when carried). */
  priceDate: string | null;
  carried: boolean;
  stale: boolean;
}

const EMPTY = new Float64Array(0);

function lastObservedIndex(series: Float64Array): number {
  for (let i = series.length - 1; i >= 0; i--) if (!Number.isNaN(series[i]!)) return i;
  return -1;
}

/** Every panel date of `symbol`'s series with the rule applied. */
export function resolveSeries(panel: PricePanel, symbol: string): ResolvedPrice[] {
  const series = panel.closes.get(symbol) ?? EMPTY;
  const last = lastObservedIndex(series);
  let seen = -1;
  return panel.dates.map((date, i) => {
    const close = series[i] ?? Number.NaN;
    if (!Number.isNaN(close)) {
      seen = i;
      return { date, price: close, priceDate: date, carried: false, stale: false };
    }
    if (seen < 0) return { date, price: null, priceDate: null, carried: false, stale: false };
    return { date, price: series[seen]!, priceDate: panel.dates[seen]!, carried: i < last, stale: i > last };
  });
}

/** The rule at one panel date; throws if `date` is not on the panel's axis. */
export function priceForValuation(panel: PricePanel, symbol: string, date: string): ResolvedPrice {
  const i = panel.dateIndex.get(date);
  if (i === undefined) throw new Error(`${date} is not a date of the price panel (${panel.dates[0] ?? "empty"} to ${panel.dates.at(-1) ?? "empty"})`);
  const series = panel.closes.get(symbol);
  if (!series) return { date, price: null, priceDate: null, carried: false, stale: false };
  const close = series[i]!;
  if (!Number.isNaN(close)) return { date, price: close, priceDate: date, carried: false, stale: false };
  let seen = i - 1;
  while (seen >= 0 && Number.isNaN(series[seen]!)) seen--;
  if (seen < 0) return { date, price: null, priceDate: null, carried: false, stale: false };
  const inside = lastObservedIndex(series) > i;
  return { date, price: series[seen]!, priceDate: panel.dates[seen]!, carried: inside, stale: !inside };
}
