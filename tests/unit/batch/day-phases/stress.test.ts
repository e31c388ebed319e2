import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { stressTestsPhase, type StressTestsInput } from "@/lib/batch/day-phases/stress";
import type { ExposureRow, GreekRow } from "@/lib/batch/day-phases/types";
import { isFactorKey } from "@/lib/factors/registry";
import type { EnginePosition, PositionValue } from "@/lib/risk/position-exposure";
import { resolveScenario, stressBreakdown } from "@/lib/risk/stress";
import type { StressBetas } from "@/lib/risk/stress-betas";
import { scenarioOrThrow } from "@/lib/stress/scenarios";
import { expectClose } from "../../risk/close";
import { betaStore, bundledMarket, bundledPanel, optionPosition, privatePosition, publicValue, stockPosition } from "./helpers";

interface GoldenStress {
  stressDate: string;
  positions: { key: string; symbol: string; exposure: number; gammaShares: number | null; underlyingPrice: number | null }[];
  navs: Record<"normal" | "leveraged", number>;
  dollarExposures: Record<string, number>;
  scenarios: {
    scenario: string;
    direct: { pnl: number; byFactor: Record<string, number> };
    correlated: { pnl: number; gammaPnl: number; positions: { key: string; pnl: number }[] };
    byNav: Record<"normal" | "leveraged", { directPct: number; correlatedPct: number; directExceedsNav: boolean; correlatedExceedsNav: boolean }>;
  }[];
}
const golden = JSON.parse(readFileSync("tests/fixtures/golden/stress.json", "utf8")) as GoldenStress;
const date = golden.stressDate;

/** The reference book as the day phases see it: an option's gamma comes from its Greek row (one contract of multiplier 1). */
function goldenInput(nav: number): StressTestsInput {
  const values: PositionValue[] = [];
  const positions: EnginePosition[] = [];
  const greeks: GreekRow[] = [];
  for (const p of golden.positions) {
    const option = p.gammaShares !== null;
    values.push({ positionId: p.key, symbol: p.key, riskSymbol: p.symbol, investmentClass: option ? "OPTIONS" : "PUBLIC", exposure: p.exposure, marketValue: p.exposure });
    if (!option) {
      positions.push(stockPosition(p.key, p.key, 1));
      continue;
    }
    const o = optionPosition(p.key, p.symbol, "CALL", 200, "2026-12-18", 1);
    positions.push({ ...o, symbol: p.key, option: { ...o.option!, multiplier: 1 } });
    greeks.push({ positionId: p.key, price: 0, delta: 0, gamma: p.gammaShares!, theta: 0, vega: 0, underlyingPrice: p.underlyingPrice!, volatility: 0.3, years: 0.5 });
  }
  const exposures: ExposureRow[] = Object.entries(golden.dollarExposures).map(([factor, dollars]) => {
    if (!isFactorKey(factor)) throw new Error(factor);
    return { factor, beta: dollars / nav, dollars, coverage: 1, lowCoverage: false, rSquared: null };
  });
  const market = bundledMarket(betaStore([], []));
  const scenarios = golden.scenarios.map((s) => resolveScenario(scenarioOrThrow(s.scenario), { panel: bundledPanel() }));
  return { date, market, scenarios, values, positionById: new Map(positions.map((p) => [p.id, p])), greeks, exposures, nav };
}

describe("STRESS_TESTS", () => {
  test("golden: direct and correlated P&L, their shares of NAV, new NAV and per-position contributions of each scenario", () => {
    for (const navKind of ["normal", "leveraged"] as const) {
      const nav = golden.navs[navKind];
      const input = goldenInput(nav);
      const { outcome, value } = stressTestsPhase(input);
      // What the stress detail reads back: the stored shock vector and each symbol's stress betas.
      const storedBetas = new Map<string, StressBetas>();
      for (const p of golden.positions) {
        const b = input.market.stressBetasOn(p.symbol, date);
        if (b.ok) storedBetas.set(p.symbol, b);
      }
      const storedPositions = golden.positions.map((p) =>
        p.gammaShares === null ? { key: p.key, symbol: p.symbol, exposure: p.exposure } : { key: p.key, symbol: p.symbol, exposure: p.exposure, gammaShares: p.gammaShares, underlyingPrice: p.underlyingPrice! },
      );
      expect(outcome).toEqual({ status: "succeeded", counts: { scenarios: golden.scenarios.length, positionsWithoutStressBetas: 0 } });
      golden.scenarios.forEach((want, i) => {
        const row = value.rows[i]!;
        const what = `${want.scenario} at NAV ${nav}`;
        expect(row.scenarioKey).toBe(want.scenario);
        expectClose(row.directPnl, want.direct.pnl, `${what} direct`, 1e-8, 1e-6);
        expectClose(row.correlatedPnl, want.correlated.pnl, `${what} correlated`, 1e-8, 1e-6);
        expectClose(row.directPct, want.byNav[navKind].directPct, `${what} direct %`, 1e-8, 1e-12);
        expectClose(row.correlatedPct, want.byNav[navKind].correlatedPct, `${what} correlated %`, 1e-8, 1e-12);
        expect(row.newNav).toBe(nav + row.correlatedPnl);
        expect(row.exceedsNav).toBe(want.byNav[navKind].directExceedsNav || want.byNav[navKind].correlatedExceedsNav);
        // What the stress detail derives on read from the stored shocks, exposures and stress betas.
        const derived = stressBreakdown(row.shockVector, golden.dollarExposures, storedPositions, storedBetas);
        want.correlated.positions.forEach((p, j) => expectClose(derived.positions[j]!.pnl, p.pnl, `${what} ${p.key}`, 1e-8, 1e-6));
        expectClose(derived.positions.reduce((sum, p) => sum + p.pnl, 0), row.correlatedPnl, `${what}: derived positions sum to the stored correlated P&L`, 1e-12, 1e-6);
        const gamma = derived.positions.reduce((sum, p) => sum + p.gammaPnl, 0);
        expectClose(derived.factors.reduce((sum, f) => sum + f.correlated, 0) + gamma, row.correlatedPnl, `${what}: derived factors and gamma sum to the stored correlated P&L`, 1e-12, 1e-6);
        for (const c of derived.factors) {
          if (c.direct !== null) expectClose(c.direct, want.direct.byFactor[c.factor] ?? 0, `${what} direct ${c.factor}`, 1e-8, 1e-6);
        }
        expectClose(derived.factors.reduce((sum, f) => sum + (f.direct ?? 0), 0), row.directPnl, `${what}: derived direct parts sum to the stored direct P&L`, 1e-12, 1e-6);
      });
    }
  });

  test("a factor left out of the exposures adds nothing to the direct P&L", () => {
    const input = goldenInput(golden.navs.normal);
    const { value } = stressTestsPhase({ ...input, exposures: input.exposures.filter((e) => e.factor !== "VALUE") });
    const rotation = value.rows.find((r) => r.scenarioKey === "VALUE_ROTATION")!; // Value +20 %, Growth −10 %
    expectClose(rotation.directPnl, golden.dollarExposures.GROWTH! * -0.1, "direct without VALUE", 1e-12);
    const withoutValue = Object.fromEntries(Object.entries(golden.dollarExposures).filter(([f]) => f !== "VALUE"));
    const derived = stressBreakdown(rotation.shockVector, withoutValue, [], new Map());
    expect(derived.factors.find((c) => c.factor === "VALUE")!.direct).toBe(0);
  });

  test("NAV ≤ 0: stored P&L is also a share of NAV, so nothing is stored and the reason is NAV_NOT_POSITIVE", () => {
    const { outcome, value } = stressTestsPhase(goldenInput(-10_000));
    expect(value).toEqual({ rows: [], reasons: { stress: { reason: "NAV_NOT_POSITIVE", detail: "NAV is -10000: stress P&L as a share of NAV needs a positive NAV" } } });
    expect(outcome).toMatchObject({ status: "skipped", reason: "NAV_NOT_POSITIVE" });
  });

  test("only private holdings: NO_PUBLIC_POSITIONS", () => {
    const input = goldenInput(golden.navs.normal);
    const pe = privatePosition("pe", "Fund", 1e5);
    const { value } = stressTestsPhase({ ...input, values: [{ positionId: "pe", symbol: "Fund", riskSymbol: "Fund", investmentClass: "PRIVATE", exposure: 1e5, marketValue: 1e5 }], positionById: new Map([["pe", pe]]) });
    expect(value.reasons.stress?.reason).toBe("NO_PUBLIC_POSITIONS");
  });

  test("P&L too large to be a number: DEGENERATE_INPUT naming the scenarios, nothing stored", () => {
    const input = goldenInput(golden.navs.normal);
    // Six lots each worth 1e308: their sum in a −35 % crash is beyond the largest number.
    const huge = Array.from({ length: 6 }, (_, i) => publicValue("SPY", 1e308, `lot${i}`));
    const { value } = stressTestsPhase({ ...input, values: huge, positionById: new Map(huge.map((v) => [v.positionId, stockPosition(v.positionId, v.symbol, 1)])) });
    expect(value.rows).toEqual([]);
    expect(value.reasons.stress?.reason).toBe("DEGENERATE_INPUT");
    expect(value.reasons.stress?.detail).toMatch(/^P&L not a finite number in .*MARKET_CRASH/);
  });
});
