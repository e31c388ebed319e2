import { describe, expect, test } from "vitest";
import { correlationsPhase } from "@/lib/batch/day-phases/correlations";
import { bundledPanel, caseHoldings, expectClose, readGolden, type AnalyticsGolden } from "../../risk/portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

describe("CORRELATIONS", () => {
  test("golden: the stored matrix (row-major n × n), weights, window, average |ρ| and effective number of bets", () => {
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const { nav, exposures } = caseHoldings(golden, c);
      const { outcome, value } = correlationsPhase({ date: c.date, panel: bundledPanel(), publicExposures: exposures, nav });
      const g = c.correlation;
      const k = g.symbols.length;
      expect(outcome, what).toEqual({ status: "succeeded", counts: { symbols: k, excluded: 0 } });
      const row = value.row!;
      expect(row.symbols, what).toEqual(g.symbols);
      expect(row.n, what).toBe(k);
      expect([row.from, row.to], what).toEqual([g.from, g.to]);
      expect(row.matrix, what).toHaveLength(k * k);
      expect(row.weights, what).toHaveLength(k);
      row.matrix.forEach((rho, ij) => expectClose(rho, g.matrix[ij]!, `${what} ρ[${Math.floor(ij / k)}][${ij % k}]`));
      g.weights.forEach((w, i) => expectClose(row.weights[i], w, `${what} w[${i}]`));
      expectClose(row.averageAbsCorrelation, g.averageAbsCorrelation, `${what} average |ρ|`);
      expectClose(row.effectiveBets, g.effectiveBets, `${what} effective bets`);
      expect(value.reasons).toEqual({});
    }
  });

  test("NAV ≤ 0: holdings are chosen by weight in NAV, so no matrix, with NAV_NOT_POSITIVE", () => {
    const c = golden.cases[1]!;
    const { exposures } = caseHoldings(golden, c);
    const { outcome, value } = correlationsPhase({ date: c.date, panel: bundledPanel(), publicExposures: exposures, nav: -1 });
    expect(value).toEqual({ row: null, reasons: { correlations: { reason: "NAV_NOT_POSITIVE", detail: "NAV is -1: holdings are chosen by their weight in NAV, which needs a positive NAV" } } });
    expect(outcome).toMatchObject({ status: "skipped", reason: "NAV_NOT_POSITIVE" });
  });

  test("only private holdings: NO_PUBLIC_POSITIONS", () => {
    expect(correlationsPhase({ date: "2024-06-28", panel: bundledPanel(), publicExposures: new Map(), nav: 1e6 }).value.reasons.correlations?.reason).toBe("NO_PUBLIC_POSITIONS");
  });

  test("exposures too large to add up: DEGENERATE_INPUT instead of NaN weights", () => {
    const { value } = correlationsPhase({ date: "2024-06-28", panel: bundledPanel(), publicExposures: new Map([["SPY", 1e308], ["TLT", 1e308]]), nav: 1e308 });
    expect(value.row).toBeNull();
    expect(value.reasons.correlations?.reason).toBe("DEGENERATE_INPUT");
    expect(value.reasons.correlations?.detail).toMatch(/effective bets/);
  });
});
