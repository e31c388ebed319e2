import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { STRESS_PROXIES, STYLE_FACTOR_KEYS, type FactorKey } from "@/lib/factors/registry";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { factorCovariance, type FactorCovariance } from "@/lib/risk/factor-covariance";
import { StressBetaEngine, type StressBetas } from "@/lib/risk/stress-betas";
import { completeShocks, resolveScenario, runStressTest, tltReturnForRateShock, type StressInputs } from "@/lib/risk/stress";
import { computeSymbolBetas } from "@/lib/risk/symbol-betas";
import { scenarioOrThrow, type ShockableFactor } from "@/lib/stress/scenarios";
import { expectAllClose, expectClose } from "./close";
import { bundledPanel } from "./panel";

interface GoldenStress {
  covariances: { date: string; n: number; startDate: string; endDate: string; mean: number[]; covariance: number[][]; correlation: number[][] }[];
  stressDate: string;
  positions: { key: string; symbol: string; exposure: number; gammaShares: number | null; underlyingPrice: number | null }[];
  navs: Record<"normal" | "leveraged", number>;
  stressBetas: Record<string, { betas: number[]; rawBetas: number[]; rSquared: number; n: number }>;
  dollarExposures: Record<string, number>;
  scenarios: {
    scenario: string;
    factorShocks: Record<string, number>;
    completedShocks: number[];
    direct: { pnl: number; byFactor: Record<string, number> };
    correlated: { pnl: number; byProxy: number[]; gammaPnl: number; positions: { key: string; impliedReturn: number; linearPnl: number; gammaPnl: number; pnl: number }[] };
    byNav: Record<"normal" | "leveraged", { directPct: number; correlatedPct: number; directExceedsNav: boolean; correlatedExceedsNav: boolean }>;
  }[];
}
const golden = JSON.parse(readFileSync("tests/fixtures/golden/stress.json", "utf8")) as GoldenStress;

function okCovariance(date: string, panel = bundledPanel()): FactorCovariance {
  const c = factorCovariance(panel, date);
  if (!c.ok) throw new Error(`no covariance on ${date}: ${c.reason}`);
  return c;
}

/** The golden portfolio's stress inputs, with dollar exposures from our own symbol betas. */
function goldenInputs(nav: number): StressInputs {
  const panel = bundledPanel();
  const engine = new StressBetaEngine(panel);
  const stressBetas = new Map<string, StressBetas>();
  const dollarExposures: Partial<Record<ShockableFactor, number>> = {};
  for (const p of golden.positions) {
    const sb = engine.betas(p.symbol, golden.stressDate);
    if (!sb.ok) throw new Error(`no stress betas for ${p.symbol}`);
    stressBetas.set(p.symbol, sb);
    const betas = computeSymbolBetas(panel, p.symbol, golden.stressDate);
    for (const f of ["MARKET", "IR", ...STYLE_FACTOR_KEYS] as (FactorKey & ShockableFactor)[]) {
      const b = betas[f];
      if (!b.ok) throw new Error(`no ${f} beta for ${p.symbol}`);
      dollarExposures[f] = (dollarExposures[f] ?? 0) + p.exposure * b.beta;
    }
  }
  const positions = golden.positions.map((p) => ({
    key: p.key,
    symbol: p.symbol,
    exposure: p.exposure,
    ...(p.gammaShares === null ? {} : { gammaShares: p.gammaShares, underlyingPrice: p.underlyingPrice! }),
  }));
  return { nav, dollarExposures, positions, stressBetas, covariance: okCovariance(golden.stressDate) };
}

describe("factor covariance (EWMA, λ = 0.94, 252 returns) matches numpy", () => {
  test.each(golden.covariances.map((c) => [c.date, c] as const))("as of %s", (date, want) => {
    const got = okCovariance(date);
    expect(got.proxies).toEqual(STRESS_PROXIES);
    expect([got.n, got.startDate, got.endDate]).toEqual([want.n, want.startDate, want.endDate]);
    expectAllClose(got.mean, want.mean, "mean");
    expectAllClose(got.covariance, want.covariance.flat(), "covariance");
    expectAllClose(got.correlation, want.correlation.flat(), "correlation");
  });

  test("lesson 10: as-of-date covariance — a historical date uses only returns dated on or before it", () => {
    const panel = bundledPanel();
    const asOf = "2020-03-23";
    const rows = panel.symbols.flatMap((s) =>
      panel.dates.flatMap((d, i) => (d <= asOf && !Number.isNaN(panel.closes.get(s)![i]!) ? [{ symbol: s, date: d, close: panel.closes.get(s)![i]! }] : [])),
    );
    const historical = okCovariance(asOf, buildPricePanel(rows));
    const full = okCovariance(asOf);
    expect(full.endDate).toBe(asOf);
    expect(Array.from(full.covariance)).toEqual(Array.from(historical.covariance));
    const today = okCovariance(panel.dates.at(-1)!);
    expect(today.covariance[0]).not.toBeCloseTo(full.covariance[0]!, 8);
  });

  test("too little history is INSUFFICIENT_HISTORY, not a guess", () => {
    expect(factorCovariance(bundledPanel(), "2019-02-01")).toMatchObject({ ok: false, reason: "INSUFFICIENT_HISTORY" });
  });
});

describe("stress betas (ridge on the 8 proxies) match sklearn", () => {
  test.each(golden.positions.map((p) => [p.symbol] as const))("%s", (symbol) => {
    const got = new StressBetaEngine(bundledPanel()).betas(symbol, golden.stressDate);
    const want = golden.stressBetas[symbol]!;
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expectAllClose(STRESS_PROXIES.map((p) => got.betas[p]), want.betas, `${symbol} betas`);
    expectAllClose(STRESS_PROXIES.map((p) => got.rawBetas[p]), want.rawBetas, `${symbol} raw betas`);
    expectClose(got.rSquared, want.rSquared, `${symbol} R²`);
    expect(got.n).toBe(want.n);
  });
});

describe("stress tests match the numpy reference", () => {
  const inputs = goldenInputs(golden.navs.normal);
  test("the displayed dollar exposures the direct P&L uses equal the reference", () => {
    for (const [f, v] of Object.entries(golden.dollarExposures)) expectClose(inputs.dollarExposures[f as ShockableFactor], v, `$_${f}`);
  });

  test.each(golden.scenarios.map((s) => [s.scenario, s] as const))("%s", (key, want) => {
    const shocks = resolveScenario(scenarioOrThrow(key), { panel: bundledPanel() });
    expect(Object.keys(shocks.factorShocks).sort()).toEqual(Object.keys(want.factorShocks).sort());
    for (const [f, v] of Object.entries(want.factorShocks)) expectClose(shocks.factorShocks[f as ShockableFactor], v, `${key} shock ${f}`);
    const result = runStressTest(shocks, inputs);
    expectAllClose(result.shocks.map((s) => s.shock), want.completedShocks, `${key} completed shocks`);
    expectClose(result.direct.pnl, want.direct.pnl, `${key} direct`, 1e-8, 1e-6);
    for (const c of result.direct.contributions) expectClose(c.pnl, want.direct.byFactor[c.factor]!, `${key} direct ${c.factor}`, 1e-8, 1e-6);
    expectClose(result.correlated.pnl, want.correlated.pnl, `${key} correlated`, 1e-8, 1e-6);
    expectAllClose(result.correlated.contributions.map((c) => c.pnl), want.correlated.byProxy, `${key} by proxy`, 1e-8, 1e-6);
    expectClose(result.correlated.gammaPnl, want.correlated.gammaPnl, `${key} gamma`, 1e-8, 1e-9);
    want.correlated.positions.forEach((p, i) => expectClose(result.correlated.positions[i]!.pnl, p.pnl, `${key} ${p.key}`, 1e-8, 1e-6));
    expectClose(result.difference, want.correlated.pnl - want.direct.pnl, `${key} difference`, 1e-8, 1e-6);
    expectClose(result.direct.pnlPctNav, want.byNav.normal.directPct, `${key} direct %`);
    expect(result.direct.exceedsNav).toBe(want.byNav.normal.directExceedsNav);
  });
});

describe("lessons kept as regression tests", () => {
  test("lesson 11: a +100 bp shock moves TLT by −17 % through the duration", () => {
    expect(tltReturnForRateShock(100)).toBeCloseTo(-0.17, 15);
    const shocks = resolveScenario(scenarioOrThrow("RATES_UP_100BP"));
    expect(shocks.factorShocks).toEqual({ IR: -0.17 });
    expect(shocks.proxyShocks).toEqual({ TLT: -0.17 });
    expect(resolveScenario(scenarioOrThrow("RATES_UP_100BP"), { tltDuration: 10 }).factorShocks.IR).toBeCloseTo(-0.1, 15);
  });

  test("lesson 11: the rate shock gives non-trivial P&L, direct and correlated, for a bond-heavy book", () => {
    const inputs = goldenInputs(golden.navs.normal);
    const result = runStressTest(resolveScenario(scenarioOrThrow("RATES_UP_100BP")), inputs);
    // $_IR × (−17 %): TLT alone is $90k with IR beta 1.
    expect(Math.abs(result.direct.pnl)).toBeGreaterThan(0.1 * 90_000);
    expect(result.direct.contributions).toEqual([expect.objectContaining({ factor: "IR", shock: -0.17 })]);
    expect(Math.abs(result.correlated.pnl)).toBeGreaterThan(0.1 * 90_000);
  });

  test("lesson 12: a loss beyond NAV is reported in full and flagged, never clipped at −99 %", () => {
    const nav = golden.navs.leveraged;
    const result = runStressTest(resolveScenario(scenarioOrThrow("DOTCOM_2000")), goldenInputs(nav));
    const want = golden.scenarios.find((s) => s.scenario === "DOTCOM_2000")!.byNav.leveraged;
    expect(want.directExceedsNav || want.correlatedExceedsNav).toBe(true);
    expect(result.direct.exceedsNav).toBe(want.directExceedsNav);
    expect(result.correlated.exceedsNav).toBe(want.correlatedExceedsNav);
    expectClose(result.correlated.pnlPctNav, want.correlatedPct, "correlated % of NAV");
    const worst = Math.min(result.direct.pnlPctNav, result.correlated.pnlPctNav);
    expect(worst).toBeLessThan(-1);
    expect(Math.min(result.direct.newNav, result.correlated.newNav)).toBeLessThan(0);
  });

  test("lesson 10 / lesson 3: the correlated path keys shocks and contributions by registry names", () => {
    const result = runStressTest(resolveScenario(scenarioOrThrow("VALUE_ROTATION")), goldenInputs(golden.navs.normal));
    expect(result.shocks.map((s) => s.proxy)).toEqual([...STRESS_PROXIES]);
    expect(result.shocks.map((s) => s.factor)).toEqual(["MARKET", "VALUE", "GROWTH", "MOMENTUM", "QUALITY", "SIZE", "LOW_VOL", "IR"]);
    expect(result.shocks.filter((s) => s.source === "scenario").map((s) => s.factor)).toEqual(["VALUE", "GROWTH"]);
    expect(result.direct.contributions.map((c) => c.displayName)).toEqual(["Value", "Growth"]);
  });
});

describe("conditional completion", () => {
  test("shocked proxies keep their value; a full shock vector needs no completion", () => {
    const cov = okCovariance(golden.stressDate);
    const all = Object.fromEntries(STRESS_PROXIES.map((p, i) => [p, i / 100]));
    expect(completeShocks(all, cov).map((s) => s.shock)).toEqual(STRESS_PROXIES.map((_, i) => i / 100));
    const some = completeShocks({ SPY: -0.1 }, cov);
    expect(some[0]).toEqual({ proxy: "SPY", factor: "MARKET", shock: -0.1, source: "scenario" });
    // Equity proxies fall with the market.
    expect(some.find((s) => s.proxy === "VUG")!.shock).toBeLessThan(0);
  });

  test("a replay needs the panel and the dates it names", () => {
    expect(() => resolveScenario(scenarioOrThrow("COVID_2020"))).toThrow(/needs the price panel/);
  });
});
