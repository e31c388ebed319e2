import { describe, expect, test } from "vitest";
import { concentration } from "@/lib/risk/concentration";
import { valuePrivate, valuePublic } from "@/lib/risk/position-exposure";
import { type AnalyticsGolden, caseHoldings, readGolden, stockPosition, expectClose } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

const stock = (id: string, symbol: string, quantity: number) => stockPosition(id, symbol, quantity);

describe("concentration", () => {
  test("golden: weights by symbol (lots merged, options on their underlying, private in), HHI, top-3/10", () => {
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const r = concentration(caseHoldings(golden, c).values);
      if (!r.available) throw new Error(r.detail);
      const g = c.concentration;
      for (const key of ["hhi", "effectivePositions", "top3Share", "top10Share", "gross"] as const) expectClose(r[key], g[key], `${what} ${key}`);
      expect(r.weights.map((w) => w.symbol).sort(), what).toEqual(Object.keys(g.weights).sort());
      for (const w of r.weights) expectClose(w.weight, g.weights[w.symbol]!, `${what} weight ${w.symbol}`);
    }
  });

  test("equal weights: HHI = 10,000 / n and n effective positions", () => {
    const values = ["A", "B", "C", "D"].map((s, i) => valuePublic(stock(s, s, i % 2 === 0 ? 10 : -10), 100));
    const r = concentration(values);
    if (!r.available) throw new Error(r.detail);
    expect(r.hhi).toBeCloseTo(2500, 9);
    expect(r.effectivePositions).toBeCloseTo(4, 12);
    expect(r.top3Share).toBeCloseTo(0.75, 12);
    expect(r.top10Share).toBeCloseTo(1, 12);
  });

  test("lots of one symbol are merged before weighing; ties in symbol order", () => {
    const r = concentration([valuePublic(stock("a", "AAPL", 10), 100), valuePublic(stock("b", "AAPL", 30), 100), valuePrivate({ ...stock("p", "ACME", 40), investmentClass: "PRIVATE" })]);
    if (!r.available) throw new Error(r.detail);
    expect(r.weights).toEqual([
      { symbol: "AAPL", exposure: 4000, weight: 0.5 },
      { symbol: "ACME", exposure: 4000, weight: 0.5 },
    ]);
  });

  test("nothing to weigh: NO_POSITIONS", () => {
    expect(concentration([])).toMatchObject({ available: false, reason: "NO_POSITIONS" });
  });
});
