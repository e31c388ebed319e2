import { describe, expect, test } from "vitest";
import type { SymbolFactorStats } from "@/lib/batch/beta-store";
import { factorExposuresPhase } from "@/lib/batch/day-phases/factor-exposures";
import { FACTOR_KEYS, type FactorKey } from "@/lib/factors/registry";
import { valuePrivate } from "@/lib/risk/position-exposure";
import { expectClose } from "../../risk/close";
import { betaStore, DATE, privatePosition, publicValue } from "./helpers";

const values = [publicValue("SPY", 300_000), publicValue("TLT", -100_000), valuePrivate(privatePosition("pe", "Fund", 50_000))];
const nav = 400_000;
const real = betaStore(["SPY", "TLT"], [DATE]).onDate(DATE);

/** Hand-made betas: every factor 1 for SPY and 0.5 for TLT, but none of `missing`. */
function handBetas(missing: readonly FactorKey[] = [], only: Partial<Record<FactorKey, string[]>> = {}): Map<string, SymbolFactorStats> {
  const stats = (symbol: string, beta: number): SymbolFactorStats => {
    const keys = FACTOR_KEYS.filter((f) => !missing.includes(f) && (only[f]?.includes(symbol) ?? true));
    return { betas: Object.fromEntries(keys.map((f) => [f, beta])), rSquared: Object.fromEntries(keys.map((f) => [f, beta / 2])) };
  };
  return new Map([
    ["SPY", stats("SPY", 1)],
    ["TLT", stats("TLT", 0.5)],
  ]);
}

describe("FACTOR_EXPOSURES", () => {
  test("beta = Σ exposure·β / NAV, dollars = Σ exposure·β, coverage and weighted R², for all 12 factors from the symbol betas", () => {
    const { outcome, value } = factorExposuresPhase({ date: DATE, values, betas: real, nav });
    expect(outcome).toEqual({ status: "succeeded", counts: { factorsStored: 12, lowCoverage: 0 } });
    expect(value.rows.map((r) => r.factor)).toEqual([...FACTOR_KEYS]);
    for (const r of value.rows) {
      const spy = real.get("SPY")!;
      const tlt = real.get("TLT")!;
      const dollars = 300_000 * spy.betas[r.factor]! - 100_000 * tlt.betas[r.factor]!;
      expectClose(r.dollars, dollars, `${r.factor} dollars`, 1e-12);
      expectClose(r.beta, dollars / nav, `${r.factor} beta`, 1e-12);
      expect(r.coverage).toBe(1);
      expectClose(r.rSquared!, (300_000 * spy.rSquared[r.factor]! + 100_000 * tlt.rSquared[r.factor]!) / 400_000, `${r.factor} R²`, 1e-12);
    }
    expect(value.rows.find((r) => r.factor === "MARKET")!.beta).toBeGreaterThan(0.5); // SPY's market beta is 1
    expect(value.reasons).toEqual({});
  });

  test("a factor no held symbol has a beta for is left out with NOT_COMPUTED naming the symbols, never stored as 0", () => {
    const { outcome, value } = factorExposuresPhase({ date: DATE, values, betas: handBetas(["MOMENTUM"]), nav });
    expect(value.rows.map((r) => r.factor)).toEqual(FACTOR_KEYS.filter((f) => f !== "MOMENTUM"));
    expect(value.reasons).toEqual({ omittedFactors: { MOMENTUM: { reason: "NOT_COMPUTED", detail: `no held symbol has a beta for this factor on ${DATE} (none for SPY, TLT)` } } });
    expect(outcome).toEqual({ status: "succeeded", counts: { factorsStored: 11, lowCoverage: 0, factorsOmitted: 1 } });
    expect(value.rows.find((r) => r.factor === "MARKET")).toEqual({ factor: "MARKET", beta: 250_000 / nav, dollars: 250_000, coverage: 1, lowCoverage: false, rSquared: (300_000 * 0.5 + 100_000 * 0.25) / 400_000 });
  });

  test("a factor only some symbols have is stored with its coverage and the low-coverage flag", () => {
    const { value } = factorExposuresPhase({ date: DATE, values, betas: handBetas([], { VALUE: ["TLT"] }), nav });
    expect(value.rows.find((r) => r.factor === "VALUE")).toMatchObject({ beta: -50_000 / nav, dollars: -50_000, coverage: 0.25, lowCoverage: true });
  });

  test("no symbol has any beta: no rows, NOT_COMPUTED for the section and for each factor", () => {
    const { outcome, value } = factorExposuresPhase({ date: DATE, values, betas: new Map(), nav });
    expect(value.rows).toEqual([]);
    expect(value.reasons.factors).toEqual({ reason: "NOT_COMPUTED", detail: `no held symbol has a beta for this factor on ${DATE} (none for SPY, TLT)` });
    expect(Object.keys(value.reasons.omittedFactors!)).toEqual([...FACTOR_KEYS]);
    expect(outcome).toMatchObject({ status: "skipped", reason: "NOT_COMPUTED" });
  });

  test("NAV ≤ 0: a beta (dollars / NAV) means nothing, so no factor rows and NAV_NOT_POSITIVE", () => {
    for (const bad of [0, -25_000]) {
      const { outcome, value } = factorExposuresPhase({ date: DATE, values, betas: real, nav: bad });
      expect(value).toEqual({ rows: [], reasons: { factors: { reason: "NAV_NOT_POSITIVE", detail: `NAV is ${bad}: a factor beta is dollar exposure / NAV, which needs a positive NAV` } } });
      expect(outcome).toMatchObject({ status: "skipped", reason: "NAV_NOT_POSITIVE" });
    }
  });

  test("only private holdings: NO_PUBLIC_POSITIONS", () => {
    expect(factorExposuresPhase({ date: DATE, values: values.slice(2), betas: real, nav }).value.reasons.factors?.reason).toBe("NO_PUBLIC_POSITIONS");
  });

  test("dollars too large to be a number: that factor is left out with DEGENERATE_INPUT, the others are stored", () => {
    const huge = [publicValue("SPY", 1e308)];
    const betas = new Map([["SPY", { betas: { MARKET: 2, IR: 0.5 }, rSquared: { MARKET: 0.9, IR: 0.1 } }]]);
    const { value } = factorExposuresPhase({ date: DATE, values: huge, betas, nav: 1e308 });
    expect(value.rows).toEqual([{ factor: "IR", beta: 0.5, dollars: 5e307, coverage: 1, lowCoverage: false, rSquared: 0.1 }]);
    expect(value.reasons.omittedFactors?.MARKET).toEqual({ reason: "DEGENERATE_INPUT", detail: "beta, dollars not a finite number: exposures too large to represent" });
    const overflow = factorExposuresPhase({ date: DATE, values: [publicValue("SPY", 1e308), publicValue("TLT", 1e308)], betas, nav: 1e308 });
    expect(overflow.value).toEqual({ rows: [], reasons: { factors: { reason: "DEGENERATE_INPUT", detail: "gross exposure Infinity: exposures too large to represent" } } });
  });
});
