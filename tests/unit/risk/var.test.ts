import { describe, expect, test } from "vitest";
import { historicalVar, parametricVar, quantileLinear, valueAtRisk } from "@/lib/risk/var";
import { portfolioReturnSeries, VOL_HISTORY_RETURNS } from "@/lib/risk/volatility";
import { bundledReturns, caseHoldings, expectClose, readGolden, type AnalyticsGolden } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

describe("value at risk", () => {
  test("golden: historical (np.quantile, linear) and parametric VaR and ES at 95 % and 99 %, $ and % of NAV", () => {
    for (const c of golden.cases) {
      const { nav, exposures } = caseHoldings(golden, c);
      const series = portfolioReturnSeries(bundledReturns(), exposures, nav, c.date, VOL_HISTORY_RETURNS);
      if (!series.available) throw new Error(series.detail);
      const result = valueAtRisk(series.dollarPnl, nav);
      for (const kind of ["historical", "parametric"] as const) {
        const g = c.var[kind];
        const r = result[kind];
        const what = `${c.portfolio} ${c.date} ${kind}`;
        if (g === null) {
          expect(r, what).toMatchObject({ available: false, reason: "INSUFFICIENT_HISTORY" });
          continue;
        }
        if (!r.available) throw new Error(`${what}: ${r.detail}`);
        g.forEach((level, i) => {
          const l = r.levels[i]!;
          expect(l.confidence).toBe(level.confidence);
          for (const key of ["var", "es", "varOfNav", "esOfNav"] as const) expectClose(l[key], level[key], `${what} ${level.confidence} ${key}`);
        });
      }
    }
  });

  test("quantile interpolates linearly between order statistics like numpy", () => {
    const sorted = Float64Array.from([-5, -3, -1, 0, 2]);
    expect(quantileLinear(sorted, 0.05)).toBeCloseTo(-5 + 0.2 * 2, 12); // h = 0.2
    expect(quantileLinear(sorted, 0.5)).toBe(-1);
    expect(quantileLinear(sorted, 1)).toBe(2);
  });

  test("ES averages every loss at or beyond VaR; both are losses as positive dollars", () => {
    const pnl = Float64Array.from({ length: 250 }, (_, i) => i - 100); // −100 … 149
    const r = historicalVar(pnl, 10_000);
    if (!r.available) throw new Error(r.detail);
    const l95 = r.levels[0]!;
    expect(l95.var).toBeCloseTo(100 - 0.05 * 249, 10); // quantile at h = 12.45
    expect(l95.es).toBeCloseTo(100 - 6, 10); // mean of −100 … −88
    expect(l95.varOfNav).toBeCloseTo(l95.var / 10_000, 14);
  });

  test("fewer than 250 (historical) or 63 (parametric) values: INSUFFICIENT_HISTORY", () => {
    expect(historicalVar(new Float64Array(249), 1)).toMatchObject({ available: false, reason: "INSUFFICIENT_HISTORY" });
    expect(parametricVar(new Float64Array(62), 1)).toMatchObject({ available: false, reason: "INSUFFICIENT_HISTORY" });
  });
});
