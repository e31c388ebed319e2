import { describe, expect, test } from "vitest";
import { readSymbolFile } from "@/lib/market-data/price-file";
import { valuePrivate, valuePublic } from "@/lib/risk/position-exposure";
import { ETF_BUCKET, sectorExposure, UNCLASSIFIED, type SectorLookup } from "@/lib/risk/sector";
import { type AnalyticsGolden, caseHoldings, readGolden, stockPosition, expectClose } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");
const lookup: SectorLookup = new Map(readSymbolFile().map((s) => [s.symbol, s]));

const stock = (id: string, symbol: string, quantity: number) => stockPosition(id, symbol, quantity);

describe("sector exposure", () => {
  test("golden: gross and net by sector as % of NAV, options in their underlying's sector, private Unclassified", () => {
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const { values, nav } = caseHoldings(golden, c);
      const r = sectorExposure(values, lookup, nav);
      if (!r.available) throw new Error(r.detail);
      expect(r.buckets.map((b) => b.sector).sort(), what).toEqual(Object.keys(c.sector).sort());
      for (const b of r.buckets) {
        const g = c.sector[b.sector]!;
        for (const key of ["gross", "net", "grossOfNav", "netOfNav"] as const) expectClose(b[key], g[key], `${what} ${b.sector} ${key}`);
        expect(b.positions, `${what} ${b.sector}`).toBe(g.positions);
      }
    }
  });

  test("ETFs take the bucket the symbol data gives, \"ETF\" when it gives none; unknown and private are Unclassified with their amounts", () => {
    const own: SectorLookup = new Map([
      ["XLK", { assetType: "ETF", sector: "Information Technology" }],
      ["SPY", { assetType: "ETF", sector: "US Equity" }],
      ["NEWETF", { assetType: "ETF", sector: "" }],
    ]);
    const values = [
      valuePublic(stock("a", "XLK", 10), 100),
      valuePublic(stock("b", "SPY", -20), 100),
      valuePublic(stock("c", "NEWETF", 5), 100),
      valuePublic(stock("d", "ZZZZ", -3), 100),
      valuePrivate({ ...stock("e", "ACME-PE", 70), investmentClass: "PRIVATE" }),
    ];
    const r = sectorExposure(values, own, 10_000);
    if (!r.available) throw new Error(r.detail);
    expect(r.buckets.map((b) => [b.sector, b.gross, b.net])).toEqual([
      ["US Equity", 2000, -2000],
      ["Information Technology", 1000, 1000],
      [ETF_BUCKET, 500, 500],
      [UNCLASSIFIED, 7300, 6700],
    ]);
    expect(r.buckets[0]!.netOfNav).toBeCloseTo(-0.2, 14);
    expect(r.unclassified).toEqual({ privateGross: 7000, privateNet: 7000, unknownGross: 300, unknownNet: -300, unknownSymbols: ["ZZZZ"] });
  });

  test("every bundled symbol has a bucket", () => {
    for (const [symbol, info] of lookup) expect(info.sector, symbol).not.toBe("");
  });
});
