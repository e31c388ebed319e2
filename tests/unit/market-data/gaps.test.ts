import { describe, expect, it } from "vitest";
import { priceForValuation, resolveSeries } from "@/lib/market-data/gaps";
import { buildPricePanel } from "@/lib/market-data/price-panel";

const DATES = ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10"];
// AAA: gap inside (07-07, 07-08). BBB: gap at the end (07-09, 07-10). CCC: listed from 07-08. DDD: complete.
const panel = buildPricePanel(
  [
    { symbol: "AAA", date: "2026-07-06", close: 10 },
    { symbol: "AAA", date: "2026-07-09", close: 11 },
    { symbol: "AAA", date: "2026-07-10", close: 12 },
    { symbol: "BBB", date: "2026-07-06", close: 20 },
    { symbol: "BBB", date: "2026-07-07", close: 21 },
    { symbol: "BBB", date: "2026-07-08", close: 22 },
    { symbol: "CCC", date: "2026-07-08", close: 30 },
    { symbol: "CCC", date: "2026-07-10", close: 31 },
    ...DATES.map((date, i) => ({ symbol: "DDD", date, close: 40 + i })),
  ],
  DATES,
);

describe("missing-data rule", () => {
  it("carries the last price through a gap inside the series, flagged", () => {
    expect(resolveSeries(panel, "AAA")).toEqual([
      { date: "2026-07-06", price: 10, priceDate: "2026-07-06", carried: false, stale: false },
      { date: "2026-07-07", price: 10, priceDate: "2026-07-06", carried: true, stale: false },
      { date: "2026-07-08", price: 10, priceDate: "2026-07-06", carried: true, stale: false },
      { date: "2026-07-09", price: 11, priceDate: "2026-07-09", carried: false, stale: false },
      { date: "2026-07-10", price: 12, priceDate: "2026-07-10", carried: false, stale: false },
    ]);
  });

  it("values a gap at the end on the last close, flagged stale (not carried: no close came after it)", () => {
    const series = resolveSeries(panel, "BBB");
    expect(series.slice(3)).toEqual([
      { date: "2026-07-09", price: 22, priceDate: "2026-07-08", carried: false, stale: true },
      { date: "2026-07-10", price: 22, priceDate: "2026-07-08", carried: false, stale: true },
    ]);
    expect(series.slice(0, 3).every((p) => p.price !== null && !p.carried && !p.stale)).toBe(true);
  });

  it("gives no price, unflagged, before a symbol's first price and for an unknown symbol", () => {
    const ccc = resolveSeries(panel, "CCC");
    expect(ccc[0]).toEqual({ date: "2026-07-06", price: null, priceDate: null, carried: false, stale: false });
    expect(ccc[3]).toEqual({ date: "2026-07-09", price: 30, priceDate: "2026-07-08", carried: true, stale: false });
    expect(resolveSeries(panel, "ZZZ").every((p) => p.price === null && !p.carried && !p.stale)).toBe(true);
  });

  it("priceForValuation agrees with resolveSeries at every date", () => {
    for (const symbol of ["AAA", "BBB", "CCC", "DDD", "ZZZ"]) {
      const series = resolveSeries(panel, symbol);
      for (const [i, date] of DATES.entries()) expect(priceForValuation(panel, symbol, date), `${symbol} ${date}`).toEqual(series[i]);
    }
  });

  it("refuses a date that is not on the panel", () => {
    expect(() => priceForValuation(panel, "AAA", "2026-07-11")).toThrow(/2026-07-11 is not a date of the price panel/);
  });
});
