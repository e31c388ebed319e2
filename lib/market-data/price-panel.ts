// Builds the engine's price panel (lib/risk/panel.ts) from price rows, on a given date axis (the
// trading calendar) or on the union of the rows' dates.
import type { PricePanel } from "@/lib/risk/panel";
import type { PriceRow } from "./price-file";

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
