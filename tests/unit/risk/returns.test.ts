import { describe, expect, test } from "vitest";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { alignedWindow, ReturnCache, simpleReturns, spreadReturns, windowIndices } from "@/lib/risk/returns";

describe("returns and windows", () => {
  test("r_t = P_t / P_{t−1} − 1 only where both closes exist", () => {
    const r = simpleReturns(Float64Array.from([100, 110, Number.NaN, 121, 133.1]));
    expect(Number.isNaN(r[0]!)).toBe(true);
    expect(r[1]).toBeCloseTo(0.1, 15);
    expect(Number.isNaN(r[2]!) && Number.isNaN(r[3]!)).toBe(true); // a gap removes the return into and out of it
    expect(r[4]).toBeCloseTo(0.1, 15);
  });

  test("a window of N returns ending at D is the last N usable returns dated ≤ D; aligned windows need every series", () => {
    const dates = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"];
    const panel = buildPricePanel([
      ...dates.map((date, i) => ({ symbol: "AAA", date, close: 100 + i })),
      ...dates.filter((d) => d !== "2024-01-03").map((date, i) => ({ symbol: "BBB", date, close: 50 + i })),
    ]);
    const cache = new ReturnCache(panel);
    const a = cache.returns("AAA")!;
    const b = cache.returns("BBB")!;
    expect(cache.returns("AAA")).toBe(a); // computed once
    expect(cache.returns("ZZZ")).toBeUndefined();
    const w = alignedWindow([a, b], 4, 10);
    expect(Array.from(w.indices)).toEqual([1, 4]); // BBB has no return on 01-03 or 01-04
    expect(Array.from(windowIndices(Int32Array.from([1, 2, 3, 4, 5]), 4, 2))).toEqual([3, 4]);
    const s = spreadReturns(a, b);
    expect(s[1]).toBeCloseTo(a[1]! - b[1]!, 15);
  });
});
