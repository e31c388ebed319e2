import { describe, expect, it } from "vitest";
import { freshnessReport } from "@/lib/market-data/freshness";

describe("freshnessReport", () => {
  const dates = ["2026-07-09", "2026-07-10", "2026-07-13"];
  const rows = [
    ...dates.map((date) => ({ symbol: "SPY", date })),
    { symbol: "AAPL", date: "2026-07-09" },
    { symbol: "AAPL", date: "2026-07-10" },
    { symbol: "NOTNEEDED", date: "2026-07-13" },
    { symbol: "SPY", date: "2026-07-13" }, // a duplicate counts once
  ];

  it("classifies fresh, stale and missing symbols and counts coverage per date", () => {
    const report = freshnessReport({ symbols: ["SPY", "AAPL", "GONE"], dates, asOf: "2026-07-13", rows });
    expect(report.symbols).toEqual([
      { symbol: "AAPL", lastPriceDate: "2026-07-10", status: "stale" },
      { symbol: "GONE", lastPriceDate: null, status: "missing" },
      { symbol: "SPY", lastPriceDate: "2026-07-13", status: "fresh" },
    ]);
    expect(report.stale).toEqual(["AAPL"]);
    expect(report.missing).toEqual(["GONE"]);
    expect(report.coverage).toEqual([
      { date: "2026-07-09", requested: 3, received: 2, pct: (2 / 3) * 100 },
      { date: "2026-07-10", requested: 3, received: 2, pct: (2 / 3) * 100 },
      { date: "2026-07-13", requested: 3, received: 1, pct: (1 / 3) * 100 },
    ]);
    expect(report).toMatchObject({ asOf: "2026-07-13", requested: 9, received: 5, pct: (5 / 9) * 100 });
  });

  it("uses stored last dates for symbols with no rows in the window (stale, not missing)", () => {
    const report = freshnessReport({
      symbols: ["SPY", "GONE"],
      dates,
      asOf: "2026-07-13",
      rows,
      lastPriceDates: new Map([["GONE", "2026-06-30"], ["SPY", "2026-07-01"]]),
    });
    expect(report.symbols).toEqual([
      { symbol: "GONE", lastPriceDate: "2026-06-30", status: "stale" },
      { symbol: "SPY", lastPriceDate: "2026-07-13", status: "fresh" },
    ]);
    expect(report.missing).toEqual([]);
  });

  it("reports full coverage when nothing is requested", () => {
    const report = freshnessReport({ symbols: [], dates, asOf: "2026-07-13", rows });
    expect(report).toMatchObject({ requested: 0, received: 0, pct: 100, stale: [], missing: [] });
  });
});
