// The day's sequence through computePortfolioDay: the phases in order, and the days with bad values
// (NAV ≤ 0, absurd quantities, a factor without betas) that must complete or stop with a reason,
// never crash or store NaN / Infinity.
import { describe, expect, test } from "vitest";
import { computePortfolioDay, DayPhaseError, type DayOutcome, type DayResult } from "@/lib/batch/portfolio-day";
import { PORTFOLIO_DAY_PHASES } from "@/lib/batch/types";
import { FACTOR_KEYS } from "@/lib/factors/registry";
import { SCENARIOS } from "@/lib/stress/scenarios";
import { betaStore, book, bundledMarket, DATE, expectAllFinite, optionPosition, PREVIOUS, privatePosition, stockPosition } from "./helpers";

const SYMBOLS = ["SPY", "TLT", "AAPL"];
const market = bundledMarket(betaStore(SYMBOLS, [PREVIOUS, DATE]));
const holdings = [stockPosition("spy", "SPY", 400), stockPosition("tlt", "TLT", -1_000), optionPosition("call", "AAPL", "CALL", 330, "2026-12-18", 5), privatePosition("pe", "Fund", 60_000)];
const firstDay = { date: DATE, previousDate: null, previousNav: null, previousValues: new Map() };

function completed(o: DayOutcome): DayResult {
  if (!o.complete) throw new Error(`${o.reason}: ${o.detail}`);
  return o.result;
}
const phases = (o: DayOutcome) => o.timings.map((t) => [t.phase, t.outcome.status === "skipped" ? t.outcome.reason : "ok"]);

describe("computePortfolioDay", () => {
  test("runs the eight day phases in order and assembles the day; two days chain their NAV", () => {
    const portfolio = book(holdings, { startingEquity: 500_000 });
    const day1 = completed(computePortfolioDay(portfolio, market, { ...firstDay, date: PREVIOUS }));
    const outcome = computePortfolioDay(portfolio, market, { date: DATE, previousDate: PREVIOUS, previousNav: day1.snapshot.nav.nav, previousValues: day1.values });
    expect(phases(outcome)).toEqual(PORTFOLIO_DAY_PHASES.filter((p) => p !== "WRITE_RESULTS").map((p) => [p, "ok"]));
    const day = completed(outcome);
    expect(day.valuations).toHaveLength(4);
    expect(day.greeks.map((g) => g.positionId)).toEqual(["call"]);
    expect(day.exposures.map((e) => e.factor)).toEqual([...FACTOR_KEYS]);
    expect(day.stress).toHaveLength(SCENARIOS.length);
    expect(day.correlation?.symbols.sort()).toEqual(["AAPL", "SPY", "TLT"]);
    expect(day.snapshot.nav.nav).toBeCloseTo(day1.snapshot.nav.nav + day.snapshot.nav.pnl, 8);
    expect(day.snapshot.privateValue).toBe(60_000);
    expect(day.snapshot.reasons).toEqual({});
    expect(outcome.timings.at(-1)!.outcome).toEqual({ status: "succeeded", counts: { checks: 4 + FACTOR_KEYS.length + SCENARIOS.length } });
    expectAllFinite(day, "day");
  });

  test("NAV ≤ 0 (a withdrawal larger than the book): the day completes; figures that need a positive NAV carry NAV_NOT_POSITIVE, the rest are computed", () => {
    const outcome = computePortfolioDay(book(holdings, { startingEquity: 500_000, flows: [[DATE, -700_000]] }), market, firstDay);
    const day = completed(outcome);
    expect(day.snapshot.nav.nav).toBe(-200_000);
    expect(phases(outcome)).toEqual([
      ["VALUATION", "ok"],
      ["OPTION_GREEKS", "ok"],
      ["FACTOR_EXPOSURES", "NAV_NOT_POSITIVE"],
      ["VOLATILITY_VAR", "ok"],
      ["CORRELATIONS", "NAV_NOT_POSITIVE"],
      ["CONCENTRATION", "ok"],
      ["STRESS_TESTS", "NAV_NOT_POSITIVE"],
      ["INTEGRITY_CHECKS", "ok"],
    ]);
    const reasons = day.snapshot.reasons;
    for (const section of ["factors", "volatility", "correlations", "stress", "sector"] as const) expect(reasons[section]?.reason, section).toBe("NAV_NOT_POSITIVE");
    expect(reasons.var).toBeUndefined();
    // Computable without a positive NAV: valuations, Greeks, dollar VaR and ES, concentration, sector dollars.
    expect(day.valuations).toHaveLength(4);
    expect(day.greeks).toHaveLength(1);
    expect(day.snapshot.var.var99Hist).toBeGreaterThan(0);
    expect(day.snapshot.var.es95Param).toBeGreaterThan(0);
    expect(day.snapshot.concentration?.hhi).toBeGreaterThan(0);
    expect(day.snapshot.sector?.buckets.every((b) => b.gross > 0 && b.grossOfNav === null)).toBe(true);
    expect(day.snapshot.vol.vol21).toBeNull();
    expect([day.exposures, day.stress, day.correlation]).toEqual([[], [], null]);
    expectAllFinite(day, "day");
  });

  test("1e308 shares: the book cannot be valued, so the day stops with DEGENERATE_INPUT (no exception, nothing stored)", () => {
    const outcome = computePortfolioDay(book([...holdings, stockPosition("huge", "SPY", 1e308)]), market, firstDay);
    expect(outcome).toMatchObject({ complete: false, reason: "DEGENERATE_INPUT", detail: expect.stringContaining("SPY (position huge, quantity 1e+308): market value, exposure") });
    expect(phases(outcome)).toEqual([["VALUATION", "DEGENERATE_INPUT"]]);
  });

  test("1e300 shares (representable, but their squares are not): the day completes, each overflowing figure has DEGENERATE_INPUT, the others are finite", () => {
    const outcome = computePortfolioDay(book([...holdings, stockPosition("huge", "SPY", 1e300)]), market, firstDay);
    const day = completed(outcome);
    expect(day.snapshot.reasons.var).toEqual({ reason: "DEGENERATE_INPUT", detail: expect.stringMatching(/^var95Param, var99Param, es95Param, es99Param: /) });
    expect(day.snapshot.reasons.volatility?.reason).toBe("DEGENERATE_INPUT");
    expect(day.snapshot.var.var95Hist).toBeGreaterThan(1e300);
    expect(day.exposures).toHaveLength(FACTOR_KEYS.length);
    expect(day.stress).toHaveLength(SCENARIOS.length);
    expect(day.snapshot.concentration?.top3Share).toBeCloseTo(1, 12);
    expect(day.correlation?.symbols[0]).toBe("SPY");
    expect(outcome.timings.find((t) => t.phase === "INTEGRITY_CHECKS")!.outcome.status).toBe("succeeded");
    expectAllFinite(day, "day");
  });

  test("a factor no held symbol has a beta for is left out with its reason; the other eleven and the stress tests are computed", () => {
    const withoutMomentum = bundledMarket(betaStore(SYMBOLS, [DATE], ["MOMENTUM"]));
    const outcome = computePortfolioDay(book(holdings, { startingEquity: 500_000 }), withoutMomentum, firstDay);
    const day = completed(outcome);
    expect(day.exposures.map((e) => e.factor)).toEqual(FACTOR_KEYS.filter((f) => f !== "MOMENTUM"));
    expect(day.snapshot.reasons).toEqual({ omittedFactors: { MOMENTUM: { reason: "NOT_COMPUTED", detail: `no held symbol has a beta for this factor on ${DATE} (none for AAPL, SPY, TLT)` } } });
    expect(day.stress).toHaveLength(SCENARIOS.length);
    const growth = day.stress.find((s) => s.scenarioKey === "GROWTH_RALLY")!; // Growth +15 %, Momentum +10 %
    expect(growth.shockVector.find((s) => s.proxy === "MTUM")).toMatchObject({ shock: 0.1, given: true });
    expect(growth.directPnl).toBeCloseTo(day.exposures.find((e) => e.factor === "GROWTH")!.dollars * 0.15, 6);
    // The first day adds one check (no P&L) to gross, net, NAV and cash.
    expect(outcome.timings.at(-1)!.outcome).toEqual({ status: "succeeded", counts: { checks: 5 + 11 + SCENARIOS.length } });
  });

  test("an exception is tagged with its phase and date", () => {
    let error: unknown;
    try {
      computePortfolioDay(book(holdings), market, { ...firstDay, date: "2026-07-11" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DayPhaseError);
    expect(error).toMatchObject({ phase: "VALUATION", date: "2026-07-11", message: "VALUATION on 2026-07-11: 2026-07-11 is not on the price panel" });
  });
});
