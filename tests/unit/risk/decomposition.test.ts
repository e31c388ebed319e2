// Risk decomposition against tests/fixtures/golden/analysis.json (scripts/golden/analysis.py: sklearn
// Ridge stress betas and residuals, numpy EWMA covariance), 1e-8 relative, on the bundled prices.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { computeDecomposition } from "@/lib/risk/decomposition";
import { expectClose } from "./close";
import { bundledPanel } from "./panel";

interface Golden {
  exposures: Record<string, number>;
  decomposition: {
    date: string;
    nav: number;
    factorVariance: number;
    specificVariance: number;
    variance: number;
    volDollars: number;
    volPctNav: number;
    factorShare: number;
    specificShare: number;
    factors: { proxy: string; dollars: number; share: number }[];
    symbols: { symbol: string; exposure: number; specificVol: number; componentShare: number; marginal: number }[];
    excluded: string[];
  }[];
}
const golden = JSON.parse(readFileSync("tests/fixtures/golden/analysis.json", "utf8")) as Golden;

describe("risk decomposition matches numpy / sklearn (1e-8 relative)", () => {
  test.each(golden.decomposition.map((g) => [g.date, g] as const))("as of %s", (date, want) => {
    const got = computeDecomposition({ panel: bundledPanel(), date, exposures: new Map(Object.entries(golden.exposures)), nav: want.nav });
    if (!got.available) throw new Error(`${date}: ${got.detail}`);
    for (const k of ["factorVariance", "specificVariance", "variance", "volDollars", "volPctNav", "factorShare", "specificShare"] as const) {
      expectClose(got[k] ?? undefined, want[k], `${date} ${k}`);
    }
    expect(got.factors.map((f) => f.proxy)).toEqual(want.factors.map((f) => f.proxy));
    want.factors.forEach((f, i) => {
      expectClose(got.factors[i]!.dollars, f.dollars, `${date} b ${f.proxy}`);
      expectClose(got.factors[i]!.share, f.share, `${date} share ${f.proxy}`, 1e-8, 1e-14);
    });
    expect(got.symbols.map((s) => s.symbol)).toEqual(want.symbols.map((s) => s.symbol));
    want.symbols.forEach((s, i) => {
      const g = got.symbols[i]!;
      expectClose(g.specificVol, s.specificVol, `${date} s ${s.symbol}`);
      expectClose(g.componentShare, s.componentShare, `${date} c ${s.symbol}`);
      expectClose(g.marginal, s.marginal, `${date} marginal ${s.symbol}`);
    });
    expect(got.excluded.map((e) => e.symbol)).toEqual(want.excluded);
  });

  test.each(golden.decomposition.map((g) => [g.date, g] as const))("as of %s the factor shares sum to V_F / V and the c_i to 1", (date, want) => {
    const got = computeDecomposition({ panel: bundledPanel(), date, exposures: new Map(Object.entries(golden.exposures)), nav: want.nav });
    if (!got.available) throw new Error(got.detail);
    expectClose(
      got.factors.reduce((s, f) => s + f.share, 0),
      got.factorVariance / got.variance,
      "Σ factor shares",
    );
    expectClose(got.factorShare + got.specificShare, 1, "factor + specific");
    expectClose(
      got.symbols.reduce((s, x) => s + x.componentShare, 0),
      1,
      "Σ c_i",
    );
  });

  test("a symbol too young for a stress ridge is left out with its reason, not given a zero", () => {
    const got = computeDecomposition({ panel: bundledPanel(), date: "2021-01-15", exposures: new Map([["ABNB", 10_000]]), nav: 50_000 });
    expect(got).toMatchObject({ available: false, reason: "INSUFFICIENT_HISTORY" });
  });

  test("no public exposure: not available, never zero", () => {
    expect(computeDecomposition({ panel: bundledPanel(), date: "2026-07-13", exposures: new Map(), nav: 1 })).toMatchObject({ available: false, reason: "NO_PUBLIC_POSITIONS" });
  });
});
