import { describe, expect, test } from "vitest";
import type { FactorKey } from "@/lib/factors/registry";
import { portfolioFactorExposures, type BetaTable } from "@/lib/risk/portfolio-exposure";
import { valuePrivate, valuePublic } from "@/lib/risk/position-exposure";
import { type AnalyticsGolden, bundledPanel, closeOn, readGolden, stockPosition, valueAt, expectClose } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

const stock = (id: string, symbol: string, quantity: number) => stockPosition(id, symbol, quantity, "2019-06-03");

describe("portfolio factor exposure", () => {
  test("golden: β_p, $ exposure and coverage (options on their underlying's betas, private out)", () => {
    const panel = bundledPanel();
    for (const c of golden.cases) {
      const pf = golden.portfolios.find((p) => p.name === c.portfolio)!;
      const values = pf.positions.map((p) => valueAt(panel, p, c.date));
      const nav = pf.cash + values.reduce((s, v) => s + v.marketValue, 0);
      expectClose(nav, c.nav, `${c.portfolio} ${c.date} NAV`);
      const betas: BetaTable = new Map(Object.entries(c.betas));
      const result = portfolioFactorExposures(values, betas, nav, ["MARKET", "IR"]);
      if (!result.available) throw new Error(result.detail);
      for (const e of result.exposures) {
        const g = c.factorExposure[e.factor as "MARKET" | "IR"];
        const what = `${c.portfolio} ${c.date} ${e.factor}`;
        expectClose(e.beta, g.beta, `${what} beta`);
        expectClose(e.dollars, g.dollars, `${what} dollars`);
        expectClose(e.coverage, g.coverage, `${what} coverage`);
        expect(e.lowCoverage, what).toBe(g.lowCoverage);
        expect(e.missingSymbols, what).toEqual(g.missingSymbols);
      }
    }
    // The fixtures hold both sides of the 80 % line.
    expect(golden.cases.some((c) => c.factorExposure.IR.lowCoverage)).toBe(true);
    expect(golden.cases.some((c) => !c.factorExposure.IR.lowCoverage)).toBe(true);
  });

  test("a symbol without a beta contributes nothing, and coverage says so", () => {
    const values = [valuePublic(stock("a", "AAPL", 10), 100), valuePublic(stock("b", "XOM", -30), 100)];
    const result = portfolioFactorExposures(values, new Map([["AAPL", { MARKET: 1.2 }]]), 10_000, ["MARKET"]);
    if (!result.available) throw new Error(result.detail);
    expect(result.exposures[0]).toEqual({ factor: "MARKET", beta: 0.12, dollars: 1200, coverage: 0.25, lowCoverage: true, missingSymbols: ["XOM"] });
  });

  // Lesson 6 (docs/METHODOLOGY.md): a portfolio of only private holdings crashed the beta calculation.
  test("lesson 6: a private-only portfolio gets no factor exposure, with NO_PUBLIC_POSITIONS", () => {
    const pe = { ...stock("pe", "ACME-PE", 1000), investmentClass: "PRIVATE" as const };
    const result = portfolioFactorExposures([valuePrivate(pe)], new Map(), 100_000);
    expect(result).toMatchObject({ available: false, reason: "NO_PUBLIC_POSITIONS" });
  });

  // Lesson 9 (docs/METHODOLOGY.md): betas were computed only for the last date of a back-fill.
  test("lesson 9: two dates of a back-fill get two different factor exposures", () => {
    const panel = bundledPanel();
    const positions = [stock("a", "AAPL", 100), stock("b", "JPM", 50)];
    const betas: BetaTable = new Map<string, Partial<Record<FactorKey, number>>>([
      ["AAPL", { MARKET: 1.1 }],
      ["JPM", { MARKET: 1.3 }],
    ]);
    const dollars = ["2020-03-20", "2020-03-23"].map((d) => {
      const r = portfolioFactorExposures(positions.map((p) => valuePublic(p, closeOn(panel, p.symbol, d))), betas, 1e6, ["MARKET"]);
      if (!r.available) throw new Error(r.detail);
      return r.exposures[0]!.dollars;
    });
    expect(dollars[0]).not.toBe(dollars[1]);
  });
});
