// In-memory price panel: one Float64Array of closes per symbol over a shared, sorted date axis.
// NaN marks "no price that day" (not listed yet, interior gap or data not arrived).
import type { PriceRow } from "./price-file";

export interface PricePanel {
  /** Sorted ISO dates (YYYY-MM-DD): the union of all dates with a price. */
  dates: string[];
  dateIndex: Map<string, number>;
  symbols: string[];
  /** closes.get(symbol)[i] is the close on dates[i], or NaN. */
  closes: Map<string, Float64Array>;
}

export function buildPricePanel(rows: readonly PriceRow[], calendar?: readonly string[]): PricePanel {
  const dates = calendar ? [...calendar] : [...new Set(rows.map((r) => r.date))].sort();
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const closes = new Map<string, Float64Array>();
  for (const r of rows) {
    const i = dateIndex.get(r.date);
    if (i === undefined) continue;
    let series = closes.get(r.symbol);
    if (!series) {
      series = new Float64Array(dates.length).fill(Number.NaN);
      closes.set(r.symbol, series);
    }
    series[i] = r.close;
  }
  return { dates, dateIndex, symbols: [...closes.keys()].sort(), closes };
}

/** Index of the last panel date ≤ `date`, or −1. */
export function lastIndexOnOrBefore(panel: PricePanel, date: string): number {
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
export function closeOnDate(panel: PricePanel, symbol: string, date: string): number | undefined {
  const i = panel.dateIndex.get(date);
  const close = i === undefined ? undefined : panel.closes.get(symbol)?.[i];
  return close === undefined || Number.isNaN(close) ? undefined : close;
}
