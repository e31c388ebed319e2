import { describe, expect, test } from "vitest";
import { correlationMatrix, DEFAULT_CORRELATION_OPTIONS } from "@/lib/risk/correlation";
import { bundledPanel, caseHoldings, expectClose, readGolden, type AnalyticsGolden } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

describe("correlation", () => {
  test("golden: np.corrcoef of 90 log returns, gross-weight order, average |ρ|, effective number of bets", () => {
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const { nav, exposures } = caseHoldings(golden, c);
      const r = correlationMatrix(bundledPanel(), exposures, nav, c.date);
      if (!r.available) throw new Error(`${what}: ${r.detail}`);
      const g = c.correlation;
      expect(r.symbols, what).toEqual(g.symbols);
      expect([r.from, r.to], what).toEqual([g.from, g.to]);
      g.matrix.forEach((rho, i) => expectClose(r.matrix[i], rho, `${what} ρ[${i}]`));
      g.weights.forEach((w, i) => expectClose(r.weights[i], w, `${what} w[${i}]`));
      expectClose(r.averageAbsCorrelation, g.averageAbsCorrelation, `${what} average |ρ|`);
      expectClose(r.effectiveBets, g.effectiveBets, `${what} effective bets`);
      expect(r.excluded, what).toEqual([]);
    }
  });

  test("thresholds are configurable; small holdings stay out", () => {
    const c = golden.cases.find((x) => x.portfolio === "long-only" && x.date === "2024-06-28")!;
    const { nav, exposures } = caseHoldings(golden, c);
    const all = correlationMatrix(bundledPanel(), exposures, nav, c.date, { ...DEFAULT_CORRELATION_OPTIONS, minAbsWeight: 0, minAbsExposure: 0 });
    const top3 = correlationMatrix(bundledPanel(), exposures, nav, c.date, { ...DEFAULT_CORRELATION_OPTIONS, maxSymbols: 3 });
    if (!all.available || !top3.available) throw new Error("expected matrices");
    expect(all.symbols).toContain("KO"); // 5 shares: below $10,000 by default
    expect(c.correlation.symbols).not.toContain("KO");
    expect(top3.symbols).toEqual(c.correlation.symbols.slice(0, 3));
  });

  test("a holding listed too recently is left out with INSUFFICIENT_HISTORY, the others are correlated", () => {
    // ABNB listed 2020-12-10: far fewer than 90 returns by 2021-02-01.
    const r = correlationMatrix(bundledPanel(), new Map([["SPY", 5e5], ["ABNB", 3e5], ["TLT", 2e5]]), 1e6, "2021-02-01");
    if (!r.available) throw new Error(r.detail);
    expect(r.symbols).toEqual(["SPY", "TLT"]);
    expect(r.excluded).toMatchObject([{ symbol: "ABNB", reason: "INSUFFICIENT_HISTORY" }]);
    expect(r.matrix[0]).toBe(1);
  });

  // Lesson 6 (docs/METHODOLOGY.md).
  test("lesson 6: no public exposure gives NO_PUBLIC_POSITIONS", () => {
    expect(correlationMatrix(bundledPanel(), new Map(), 950_000, "2024-06-28")).toMatchObject({ available: false, reason: "NO_PUBLIC_POSITIONS" });
  });
});
