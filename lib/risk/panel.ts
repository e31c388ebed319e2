// The engine's input: a price panel, one Float64Array of closes per symbol over a shared, sorted date
// axis, and its pure look-ups. NaN marks "no price that day" (not listed yet, interior gap or data not
// arrived). lib/market-data builds panels of this type (from the price file, the database or a vendor).
import type { IsoDate } from "@/lib/dates";

export interface PricePanel {
  /** Sorted ISO dates (YYYY-MM-DD): the trading-calendar axis, or the union of all dates with a price. */
  dates: IsoDate[];
  dateIndex: Map<IsoDate, number>;
  symbols: string[];
  /** closes.get(symbol)[i] is the close on dates[i], or NaN. */
  closes: Map<string, Float64Array>;
}

/** Index of the last panel date ≤ `date`, or −1. */
export function lastIndexOnOrBefore(panel: PricePanel, date: IsoDate): number {
  let lo = 0;
  let hi = panel.dates.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (panel.dates[mid]! <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The close of `symbol` on `date`, or undefined when the panel has none (no row, gap, off-axis date). */
export function closeOnDate(panel: PricePanel, symbol: string, date: IsoDate): number | undefined {
  const i = panel.dateIndex.get(date);
  const close = i === undefined ? undefined : panel.closes.get(symbol)?.[i];
  return close === undefined || Number.isNaN(close) ? undefined : close;
}
