import { describe, expect, test } from "vitest";
import { harForecast, portfolioReturnSeries, VOL_HISTORY_RETURNS, volatilityMetrics } from "@/lib/risk/volatility";
import { bundledReturns, caseHoldings, expectClose, readGolden, type AnalyticsGolden } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

describe("portfolio volatility", () => {
  test("golden: return series, realized 21/63, HAR-RV and EWMA forecasts, percentile and trend", () => {
    expect(golden.cases.some((c) => c.date.startsWith("2020-03"))).toBe(true);
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const { nav, exposures } = caseHoldings(golden, c);
      const series = portfolioReturnSeries(bundledReturns(), exposures, nav, c.date, VOL_HISTORY_RETURNS);
      if (!series.available) throw new Error(series.detail);
      expect(series.returns.length, what).toBe(c.series.observations);
      expect([series.dates[0], series.dates.at(-1)], what).toEqual([c.series.firstDate, c.series.lastDate]);
      c.series.dollarPnlTail.forEach((l, k) => expectClose(series.dollarPnl[series.dollarPnl.length - 5 + k], l, `${what} L tail ${k}`));
      c.series.returnsTail.forEach((r, k) => expectClose(series.returns[series.returns.length - 5 + k], r, `${what} r tail ${k}`));

      const m = volatilityMetrics(series);
      const g = c.volatility;
      expectClose(m.realized21, g.realized21, `${what} realized21`);
      expectClose(m.realized63, g.realized63, `${what} realized63`);
      expectClose(m.harForecast, g.harForecast, `${what} HAR`);
      expectClose(m.ewmaForecast, g.ewmaForecast, `${what} EWMA`);
      expectClose(m.percentile, g.percentile, `${what} percentile`);
      expectClose(m.trendSlope, g.trendSlope, `${what} trend slope`);
      expect(m.trend, what).toBe(g.trend);
      expect(m.rolling21.values.length, what).toBe(g.rolling21.length);
      expect(m.rolling21.dates[0], what).toBe(g.rolling21.firstDate);
      expectClose(m.rolling21.values[0], g.rolling21.first, `${what} rolling first`);
      expectClose(m.rolling21.values.at(-1), g.rolling21.last, `${what} rolling last`);
      for (const key of ["harForecast", "ewmaForecast", "percentile"] as const) {
        expect(m.missing[key], `${what} ${key}`).toBe(g[key] === null ? "INSUFFICIENT_HISTORY" : undefined);
      }
    }
    // The fixtures cover a short history (a 2019 listing in March 2020) as well as full ones.
    expect(golden.cases.some((c) => c.volatility.harForecast === null)).toBe(true);
  });

  test("too little history gives null with INSUFFICIENT_HISTORY, never a guess", () => {
    const returns = Float64Array.from({ length: 30 }, (_, i) => 0.01 * Math.sin(i));
    const m = volatilityMetrics({ dates: Array.from({ length: 30 }, (_, i) => `d${i}`), returns });
    expect(m.realized21).not.toBeNull();
    expect(m.realized63).toBeNull();
    expect(m.missing).toEqual({ realized63: "INSUFFICIENT_HISTORY", harForecast: "INSUFFICIENT_HISTORY", ewmaForecast: "INSUFFICIENT_HISTORY", percentile: "INSUFFICIENT_HISTORY", trend: "INSUFFICIENT_HISTORY" });
    expect(harForecast(new Float64Array(VOL_HISTORY_RETURNS - 1).fill(0.01))).toBeNull();
    expect(VOL_HISTORY_RETURNS).toBe(294);
  });

  test("a date enters the series only when every held symbol has a return on it", () => {
    // UBER listed 2019-05-10: its first return is on 2019-05-13, so the series starts there.
    const s = portfolioReturnSeries(bundledReturns(), new Map([["SPY", 1e5], ["UBER", -1e4]]), 2e5, "2019-12-31", 1000);
    if (!s.available) throw new Error(s.detail);
    expect(s.dates[0]).toBe("2019-05-13");
    expect(s.dates.at(-1)).toBe("2019-12-31");
  });

  test("an unknown symbol is MISSING_PRICES", () => {
    expect(portfolioReturnSeries(bundledReturns(), new Map([["NOPE", 1e5]]), 1e5, "2024-06-28", 10)).toMatchObject({ available: false, reason: "MISSING_PRICES" });
  });

  // Lesson 6 (docs/METHODOLOGY.md): a portfolio of only private holdings crashed the analytics.
  test("lesson 6: no public exposure gives NO_PUBLIC_POSITIONS, not a crash", () => {
    expect(portfolioReturnSeries(bundledReturns(), new Map(), 950_000, "2024-06-28", VOL_HISTORY_RETURNS)).toMatchObject({ available: false, reason: "NO_PUBLIC_POSITIONS" });
  });
});
