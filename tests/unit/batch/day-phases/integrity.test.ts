import { describe, expect, test } from "vitest";
import { integrityChecksPhase } from "@/lib/batch/day-phases/integrity";
import type { DayResult } from "@/lib/batch/day-phases/types";
import { rollForwardNav } from "@/lib/risk/nav";
import { publicValue } from "./helpers";

/** A day whose figures agree: two positions, one factor, one scenario. */
function day(): DayResult {
  const values = [publicValue("SPY", 60_000), publicValue("F", -20_000)];
  const nav = rollForwardNav({ previousNav: 100_000, startingEquity: 100_000, open: values.map((value) => ({ value, previousMarketValue: value.marketValue - 500 })), closedToday: [], capitalFlow: 2_000 });
  return {
    date: "2026-07-13",
    snapshot: {
      nav,
      flowsToDate: 2_000,
      privateValue: 0,
      numPositions: 2,
      vol: { vol21: null, vol63: null, har: null, ewma: null, percentile: null, trend: null },
      var: { var95Hist: null, var99Hist: null, es95Hist: null, es99Hist: null, var95Param: null, var99Param: null, es95Param: null, es99Param: null },
      concentration: null,
      sector: null,
      reasons: {},
      carriedSymbols: [],
    staleSymbols: [],
    },
    valuations: values.map((v) => ({ positionId: v.positionId, price: 1, marketValue: v.marketValue, exposure: v.exposure, weight: v.exposure / nav.nav, pnlDay: 500, pnlTotal: 0, carried: false })),
    greeks: [],
    exposures: [{ factor: "MARKET", beta: 0.4, dollars: 0.4 * nav.nav, coverage: 1, lowCoverage: false, rSquared: 0.9 }],
    correlation: null,
    stress: [{ scenarioKey: "MARKET_DOWN_5", directPnl: -2_000, correlatedPnl: -2_100, directPct: 0, correlatedPct: 0, newNav: nav.nav - 2_100, exceedsNav: false, shockVector: [] }],
    values: new Map(values.map((v) => [v.positionId, v])),
  };
}

describe("INTEGRITY_CHECKS", () => {
  test("a consistent day passes every invariant: gross, net, NAV roll-forward, cash, one per factor and per scenario", () => {
    expect(integrityChecksPhase({ day: day(), previousNav: 100_000, capitalFlow: 2_000, firstDay: false })).toEqual({ outcome: { status: "succeeded", counts: { checks: 6 } }, value: null });
  });

  test("a broken invariant fails the day, naming it", () => {
    const d = day();
    d.snapshot.nav.grossExposure *= 1.01;
    expect(() => integrityChecksPhase({ day: d, previousNav: 100_000, capitalFlow: 2_000, firstDay: false })).toThrow(/^integrity checks failed: Σ\|position exposure\| .* ≠ snapshot gross/);
    const e = day();
    e.exposures[0]!.dollars += 1;
    expect(() => integrityChecksPhase({ day: e, previousNav: 100_000, capitalFlow: 2_000, firstDay: false })).toThrow(/MARKET: dollars .* ≠ beta/);
    expect(() => integrityChecksPhase({ day: day(), previousNav: 90_000, capitalFlow: 2_000, firstDay: false })).toThrow(/NAV .* ≠ previous NAV 90000/);
  });
});
