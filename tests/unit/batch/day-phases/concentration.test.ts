import { describe, expect, test } from "vitest";
import { concentrationPhase } from "@/lib/batch/day-phases/concentration";
import { caseHoldings, expectClose, readGolden, type AnalyticsGolden } from "../../risk/portfolio-golden";
import { expectAllFinite, publicValue, sectors } from "./helpers";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

describe("CONCENTRATION", () => {
  test("golden: HHI, effective positions, top-3/top-10 shares and the sector buckets with their shares of NAV", () => {
    for (const c of golden.cases) {
      const what = `${c.portfolio} ${c.date}`;
      const { values, nav } = caseHoldings(golden, c);
      const { outcome, value } = concentrationPhase({ values, sectors, nav });
      for (const key of ["hhi", "effectivePositions", "top3Share", "top10Share"] as const) expectClose(value.concentration?.[key], c.concentration[key], `${what} ${key}`);
      expect(value.sector!.buckets.map((b) => b.sector).sort(), what).toEqual(Object.keys(c.sector).sort());
      for (const b of value.sector!.buckets) {
        for (const key of ["gross", "net", "grossOfNav", "netOfNav"] as const) expectClose(b[key], c.sector[b.sector]![key], `${what} ${b.sector} ${key}`);
      }
      expect(outcome, what).toEqual({ status: "succeeded", counts: { symbols: Object.keys(c.concentration.weights).length, sectors: Object.keys(c.sector).length } });
      expect(value.reasons, what).toEqual({});
    }
  });

  test("NAV ≤ 0: concentration needs no NAV and is computed; sector dollars are kept, shares of NAV are null with NAV_NOT_POSITIVE", () => {
    const c = golden.cases[4]!;
    const { values } = caseHoldings(golden, c);
    const { outcome, value } = concentrationPhase({ values, sectors, nav: -50_000 });
    expectClose(value.concentration?.hhi, c.concentration.hhi, "hhi");
    expectClose(value.concentration?.top3Share, c.concentration.top3Share, "top-3");
    for (const b of value.sector!.buckets) {
      expectClose(b.gross, c.sector[b.sector]!.gross, `${b.sector} gross`);
      expect([b.grossOfNav, b.netOfNav], b.sector).toEqual([null, null]);
    }
    expect(value.reasons).toEqual({ sector: { reason: "NAV_NOT_POSITIVE", detail: "NAV is -50000: sector shares of NAV need a positive NAV (dollar exposures are stored)" } });
    expect(outcome.status).toBe("succeeded");
    expectAllFinite(value, "value");
  });

  test("nothing held: NO_POSITIONS for concentration and sectors", () => {
    const { outcome, value } = concentrationPhase({ values: [], sectors, nav: 1e5 });
    expect(value).toEqual({
      concentration: null,
      sector: null,
      reasons: { concentration: { reason: "NO_POSITIONS", detail: "no exposure to weigh" }, sector: { reason: "NO_POSITIONS", detail: "no positions" } },
    });
    expect(outcome).toMatchObject({ status: "skipped", reason: "NO_POSITIONS" });
  });

  test("exposures too large to add up: DEGENERATE_INPUT where the sum overflows, the figures that fit are kept", () => {
    // Gross over both symbols overflows; each sector bucket holds one of them and does not.
    const { value } = concentrationPhase({ values: [publicValue("SPY", 1e308), publicValue("AAPL", 1e308)], sectors, nav: 1e308 });
    expect(value.concentration).toBeNull();
    expect(value.reasons.concentration).toEqual({ reason: "DEGENERATE_INPUT", detail: "gross, effectivePositions: not a finite number, exposures too large to represent" });
    expect(value.sector!.buckets.map((b) => [b.gross, b.grossOfNav])).toEqual([
      [1e308, 1],
      [1e308, 1],
    ]);
    expect(value.reasons.sector).toBeUndefined();
    // Two holdings in one bucket overflow it: no sector figures.
    const same = concentrationPhase({ values: [publicValue("MSFT", 1e308), publicValue("AAPL", 1e308)], sectors, nav: 1e308 });
    expect(same.value.sector).toBeNull();
    expect(same.value.reasons.sector?.reason).toBe("DEGENERATE_INPUT");
  });
});
