import { describe, expect, test } from "vitest";
import { volatilityVarPhase } from "@/lib/batch/day-phases/volatility-var";
import { bundledReturns, caseHoldings, expectClose, readGolden, type AnalyticsGolden } from "../../risk/portfolio-golden";
import { expectAllFinite, syntheticPanel } from "./helpers";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");
const VAR_FIELDS = [
  ["var95Hist", "historical", 0, "var"],
  ["var99Hist", "historical", 1, "var"],
  ["es95Hist", "historical", 0, "es"],
  ["es99Hist", "historical", 1, "es"],
  ["var95Param", "parametric", 0, "var"],
  ["var99Param", "parametric", 1, "var"],
  ["es95Param", "parametric", 0, "es"],
  ["es99Param", "parametric", 1, "es"],
] as const;

describe("VOLATILITY_VAR", () => {
  test("golden: realized and forecast volatility, percentile, trend, historical and parametric VaR and ES", () => {
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const { nav, exposures } = caseHoldings(golden, c);
      const { outcome, value } = volatilityVarPhase({ date: c.date, returns: bundledReturns(), publicExposures: exposures, nav });
      const g = c.volatility;
      expect(outcome, what).toMatchObject({ status: "succeeded", counts: { returns: c.series.observations } });
      expectClose(value.vol.vol21, g.realized21, `${what} vol21`);
      expectClose(value.vol.vol63, g.realized63, `${what} vol63`);
      expectClose(value.vol.har, g.harForecast, `${what} HAR`);
      expectClose(value.vol.ewma, g.ewmaForecast, `${what} EWMA`);
      expectClose(value.vol.percentile, g.percentile, `${what} percentile`);
      expect(value.vol.trend, what).toBe(g.trend);
      for (const [field, kind, i, key] of VAR_FIELDS) expectClose(value.var[field], c.var[kind]?.[i]?.[key] ?? null, `${what} ${field}`);
      if (c.var.historical === null) expect(value.reasons.var?.reason, what).toBe("INSUFFICIENT_HISTORY");
    }
  });

  test("NAV ≤ 0: no volatility (returns on NAV) with NAV_NOT_POSITIVE, while VaR and ES in dollars are computed as for any NAV", () => {
    const c = golden.cases.find((x) => x.var.historical !== null)!;
    const { exposures } = caseHoldings(golden, c);
    for (const nav of [0, -250_000]) {
      const { outcome, value } = volatilityVarPhase({ date: c.date, returns: bundledReturns(), publicExposures: exposures, nav });
      expect(value.vol).toEqual({ vol21: null, vol63: null, har: null, ewma: null, percentile: null, trend: null });
      expect(value.reasons).toEqual({ volatility: { reason: "NAV_NOT_POSITIVE", detail: `NAV is ${nav}: volatility is of returns on NAV, which needs a positive NAV` } });
      for (const [field, kind, i, key] of VAR_FIELDS) expectClose(value.var[field], c.var[kind]![i]![key], `${field} at NAV ${nav}`);
      expect(outcome).toMatchObject({ status: "succeeded", details: { reasons: value.reasons } });
    }
  });

  test("only private holdings: NO_PUBLIC_POSITIONS for volatility and VaR", () => {
    const { outcome, value } = volatilityVarPhase({ date: "2024-06-28", returns: bundledReturns(), publicExposures: new Map(), nav: 1e6 });
    expect(value.reasons.volatility?.reason).toBe("NO_PUBLIC_POSITIONS");
    expect(value.reasons.var?.reason).toBe("NO_PUBLIC_POSITIONS");
    expect(outcome).toMatchObject({ status: "skipped", reason: "NO_PUBLIC_POSITIONS" });
  });

  test("prices that never move: the HAR regression is degenerate (DEGENERATE_INPUT in words), every other figure is computed", () => {
    const { returns, last } = syntheticPanel(["FLAT"], 400, () => 100);
    const { outcome, value } = volatilityVarPhase({ date: last, returns, publicExposures: new Map([["FLAT", 50_000]]), nav: 100_000 });
    expect(value.vol).toEqual({ vol21: 0, vol63: 0, har: null, ewma: 0, percentile: 0, trend: "stable" });
    expect(value.reasons.volatility).toEqual({ reason: "DEGENERATE_INPUT", detail: "HAR forecast: not a finite number or a degenerate regression (the 294 portfolio returns are constant or too large)" });
    for (const field of ["var95Hist", "es99Hist", "var95Param", "es99Param"] as const) expect(value.var[field], field).toBeCloseTo(0, 12);
    expect(outcome.status).toBe("succeeded");
  });

  test("exposures too large to square: parametric VaR is DEGENERATE_INPUT, historical VaR and volatility are computed and finite", () => {
    const c = golden.cases.find((x) => x.portfolio === "long-only" && x.var.historical !== null)!;
    const { value } = volatilityVarPhase({ date: c.date, returns: bundledReturns(), publicExposures: new Map([["SPY", 1e306]]), nav: 1e306 });
    expect(value.reasons.var).toEqual({ reason: "DEGENERATE_INPUT", detail: "var95Param, var99Param, es95Param, es99Param: not a finite number, the daily P&L is too large to square" });
    expect(value.var).toMatchObject({ var95Param: null, var99Param: null, es95Param: null, es99Param: null });
    expect(value.var.var95Hist).toBeGreaterThan(1e303);
    expect(value.vol.vol21).toBeGreaterThan(0.01);
    expectAllFinite(value, "value");
  });

  test("a daily P&L that is not a number: DEGENERATE_INPUT for volatility and VaR, nothing stored", () => {
    const { returns, last } = syntheticPanel(["A", "B"], 400, (_, i) => 2 ** (i % 2)); // ±100 % a day
    const { outcome, value } = volatilityVarPhase({ date: last, returns, publicExposures: new Map([["A", 1e308], ["B", 1e308]]), nav: 1e6 });
    expect(value.reasons.volatility).toEqual({ reason: "DEGENERATE_INPUT", detail: "the holdings' daily P&L is not a finite number: exposures too large to represent" });
    expect(value.reasons.var?.reason).toBe("DEGENERATE_INPUT");
    expect(Object.values(value.var).every((v) => v === null)).toBe(true);
    expect(outcome).toMatchObject({ status: "skipped", reason: "DEGENERATE_INPUT" });
  });
});
