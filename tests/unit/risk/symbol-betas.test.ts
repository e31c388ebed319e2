import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { BETA_CAP, FACTOR_KEYS } from "@/lib/factors/registry";
import { buildPricePanel } from "@/lib/market-data/price-panel";
import { capBeta, olsBeta } from "@/lib/risk/ols-beta";
import { cappedRidgeBetas, ridgeFit } from "@/lib/risk/ridge";
import { computeSymbolBetas, computeSymbolBetasForDates, SymbolBetaEngine } from "@/lib/risk/symbol-betas";
import { expectClose } from "./close";
import { bundledPanel } from "./panel";

type GoldenBeta =
  | { ok: true; beta: number; rawBeta: number; capped: boolean; alpha?: number; rSquared: number; stdError?: number; tStat?: number; pValue?: number; n: number }
  | { ok: false; reason: string; n: number };
interface GoldenCase {
  symbol: string;
  date: string;
  betas: Record<string, GoldenBeta>;
}
const golden = JSON.parse(readFileSync("tests/fixtures/golden/symbol-betas.json", "utf8")) as { cases: GoldenCase[] };

describe("symbol betas match statsmodels / sklearn golden values (1e-8 relative)", () => {
  const panel = bundledPanel();
  const engine = new SymbolBetaEngine(panel);
  test.each(golden.cases.map((c) => [c.symbol, c.date, c] as const))("%s on %s", (_symbol, _date, c) => {
    const betas = engine.betas(c.symbol, c.date);
    expect(Object.keys(betas)).toEqual([...FACTOR_KEYS]);
    for (const key of FACTOR_KEYS) {
      const want = c.betas[key]!;
      const got = betas[key];
      const where = `${c.symbol} ${c.date} ${key}`;
      expect(got.factor).toBe(key);
      expect(got.ok, where).toBe(want.ok);
      expect(got.n, `${where} n`).toBe(want.n);
      if (!want.ok || !got.ok) {
        if (!want.ok && !got.ok) expect(got.reason).toBe(want.reason);
        continue;
      }
      expectClose(got.beta, want.beta, `${where} beta`);
      expectClose(got.rawBeta, want.rawBeta, `${where} raw beta`);
      expect(got.capped, `${where} capped`).toBe(want.capped);
      expectClose(got.rSquared, want.rSquared, `${where} R²`);
      for (const stat of ["alpha", "stdError"] as const) {
        if (want[stat] === undefined) expect(got[stat], `${where} ${stat}`).toBeUndefined();
        else expectClose(got[stat], want[stat], `${where} ${stat}`);
      }
      if (want.stdError !== undefined && want.stdError < 1e-12) {
        // A proxy regressed on itself (TLT's IR beta): a perfect fit, where statsmodels' t is rounding noise.
        expect(Math.abs(got.tStat!)).toBeGreaterThan(1e12);
        continue;
      }
      for (const stat of ["tStat", "pValue"] as const) {
        if (want[stat] === undefined) expect(got[stat], `${where} ${stat}`).toBeUndefined();
        else expectClose(got[stat], want[stat], `${where} ${stat}`, 1e-8, 1e-300);
      }
    }
  });

  test("the batch path (many dates at once, rolling sums) gives the same numbers as one-off fits", () => {
    const dates = panel.dates.slice(-40);
    const many = computeSymbolBetasForDates(panel, ["TSLA", "KO", "PLTR"], dates);
    for (const symbol of ["TSLA", "KO", "PLTR"]) {
      for (const date of [dates[0]!, dates[17]!, dates[39]!]) {
        const one = computeSymbolBetas(panel, symbol, date);
        const batch = many.get(symbol)!.get(date)!;
        for (const key of FACTOR_KEYS) {
          const a = one[key];
          const b = batch[key];
          expect(b.ok).toBe(a.ok);
          if (a.ok && b.ok) {
            expectClose(b.rawBeta, a.rawBeta, `${symbol} ${date} ${key}`, 1e-10);
            expectClose(b.rSquared, a.rSquared, `${symbol} ${date} ${key} R²`, 1e-10);
          }
        }
      }
    }
  });
});

describe("history and missing data", () => {
  const panel = bundledPanel();
  test("a late-listed symbol (PLTR, listed 2020-09-30) gets INSUFFICIENT_HISTORY, never a guessed beta", () => {
    const early = computeSymbolBetas(panel, "PLTR", "2020-10-15");
    for (const key of FACTOR_KEYS) expect(early[key]).toMatchObject({ ok: false, reason: "INSUFFICIENT_HISTORY" });
    const partly = computeSymbolBetas(panel, "PLTR", "2020-11-30");
    expect(partly.MARKET.ok).toBe(true); // 90-day window, 30 minimum
    expect(partly.GROWTH_VALUE).toMatchObject({ ok: false, reason: "INSUFFICIENT_HISTORY" }); // 60 minimum
  });

  test("a symbol the panel does not have is MISSING_PRICES with n = 0", () => {
    const betas = computeSymbolBetas(panel, "NOPE", "2024-01-02");
    for (const key of FACTOR_KEYS) expect(betas[key]).toEqual({ ok: false, factor: key, reason: "MISSING_PRICES", n: 0 });
  });

  test("returns after the calculation date are never used", () => {
    const cut = "2021-06-30";
    const truncated = buildPricePanel(
      panel.symbols.flatMap((s) => panel.dates.flatMap((d, i) => (d <= cut && !Number.isNaN(panel.closes.get(s)![i]!) ? [{ symbol: s, date: d, close: panel.closes.get(s)![i]! }] : []))),
    );
    const a = computeSymbolBetas(panel, "AAPL", cut);
    const b = computeSymbolBetas(truncated, "AAPL", cut);
    expect(b).toEqual(a);
  });
});

describe("beta cap at ±5", () => {
  test("a real capped beta: TSLA's QUALITY_SPREAD beta on 2025-12-24 is capped at −5 with its raw value kept", () => {
    const b = computeSymbolBetas(bundledPanel(), "TSLA", "2025-12-24").QUALITY_SPREAD;
    expect(b.ok).toBe(true);
    if (b.ok) {
      expect(b.capped).toBe(true);
      expect(b.beta).toBe(-BETA_CAP);
      expect(b.rawBeta).toBeLessThan(-BETA_CAP);
    }
  });

  test("constructed series: y = 8x gives raw OLS beta 8, capped 5; ridge caps each coefficient", () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i) / 100);
    const y = Float64Array.from(x, (v, i) => 8 * v + Math.cos(3 * i) / 10_000);
    const fit = olsBeta(x, y);
    expect(fit.capped).toBe(true);
    expect(fit.beta).toBe(5);
    expect(fit.rawBeta).toBeCloseTo(8, 2);
    const ridge = cappedRidgeBetas(ridgeFit([x], Float64Array.from(y, (v) => -v)));
    expect(ridge[0]).toMatchObject({ beta: -5, capped: true });
    expect(capBeta(4.99)).toEqual({ beta: 4.99, rawBeta: 4.99, capped: false });
  });
});
