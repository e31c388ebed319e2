import { describe, expect, test } from "vitest";
import {
  entryCost,
  exitProceeds,
  isOpenOn,
  publicExposureBySymbol,
  valueOption,
  valuePrivate,
  valuePublic,
  type EnginePosition,
} from "@/lib/risk/position-exposure";
import { bundledPanel, closeOn, expectClose, readGolden, valueAt, type AnalyticsGolden } from "./portfolio-golden";

const golden = readGolden<AnalyticsGolden>("portfolio-analytics.json");

const base: EnginePosition = {
  id: "p",
  symbol: "AAPL",
  quantity: 10,
  entryPrice: 100,
  entryDate: "2024-01-02",
  exitPrice: null,
  exitDate: null,
  type: "LONG",
  investmentClass: "PUBLIC",
  option: null,
  markPrice: null,
};
const call: EnginePosition = {
  ...base,
  id: "c",
  symbol: "AAPL250117C00200000",
  quantity: 2,
  entryPrice: 5,
  type: "LC",
  investmentClass: "OPTIONS",
  option: { underlying: "AAPL", right: "CALL", strike: 200, expiry: "2025-01-17", multiplier: 100 },
};

describe("position exposure", () => {
  test("golden: exposure and market value of every fixture position on every date", () => {
    const panel = bundledPanel();
    for (const c of golden.cases) {
      const pf = golden.portfolios.find((p) => p.name === c.portfolio)!;
      for (const p of pf.positions) {
        const v = valueAt(panel, p, c.date);
        expectClose(v.exposure, c.values[p.id]!.exposure, `${c.portfolio} ${c.date} ${p.id} exposure`);
        expectClose(v.marketValue, c.values[p.id]!.marketValue, `${c.portfolio} ${c.date} ${p.id} market value`);
      }
    }
  });

  test("stock: exposure = market value = quantity × price, signed", () => {
    expect(valuePublic(base, 150)).toMatchObject({ exposure: 1500, marketValue: 1500, riskSymbol: "AAPL" });
    expect(valuePublic({ ...base, quantity: -10, type: "SHORT" }, 150)).toMatchObject({ exposure: -1500, marketValue: -1500 });
  });

  test("option: delta-adjusted exposure on the underlying, distinct from its premium value", () => {
    const v = valueOption(call, { underlyingPrice: 210, delta: 0.6, premium: 15 });
    expect(v.riskSymbol).toBe("AAPL");
    expect(v.exposure).toBeCloseTo(0.6 * 2 * 100 * 210, 9);
    expect(v.marketValue).toBeCloseTo(15 * 2 * 100, 9);
    // A short put (negative quantity, negative put delta) is long the underlying.
    const shortPut = { ...call, quantity: -3, type: "SP" as const, option: { ...call.option!, right: "PUT" as const } };
    expect(valueOption(shortPut, { underlyingPrice: 210, delta: -0.3, premium: 4 }).exposure).toBeCloseTo(0.3 * 3 * 100 * 210, 9);
  });

  test("private: valued at the entry price until marked, then at the mark", () => {
    const pe: EnginePosition = { ...base, symbol: "ACME-PE", investmentClass: "PRIVATE", quantity: 1000, entryPrice: 20 };
    expect(valuePrivate(pe)).toMatchObject({ exposure: 20_000, marketValue: 20_000 });
    expect(valuePrivate({ ...pe, markPrice: 25 })).toMatchObject({ exposure: 25_000, marketValue: 25_000 });
  });

  test("valuing a position as the wrong class, or at a non-positive price, is refused", () => {
    expect(() => valuePublic(call, 100)).toThrow(/OPTIONS, valued as PUBLIC/);
    expect(() => valuePublic(base, Number.NaN)).toThrow(/price must be a positive number/);
  });

  test("open from entry through the day before exit; options through expiry", () => {
    const exited = { ...base, exitDate: "2024-03-01", exitPrice: 120 };
    expect(isOpenOn(exited, "2024-01-01")).toBe(false);
    expect(isOpenOn(exited, "2024-01-02")).toBe(true);
    expect(isOpenOn(exited, "2024-02-29")).toBe(true);
    expect(isOpenOn(exited, "2024-03-01")).toBe(false);
    expect(isOpenOn(call, "2025-01-17")).toBe(true);
    expect(isOpenOn(call, "2025-01-21")).toBe(false);
    expect(entryCost(call)).toBe(1000);
    expect(exitProceeds(exited)).toBe(1200);
    expect(exitProceeds(base)).toBeNull();
  });

  test("public exposure by symbol merges lots, puts options on their underlying, leaves private out", () => {
    const values = [
      valuePublic(base, 200),
      valuePublic({ ...base, id: "p2", quantity: 5 }, 200),
      valueOption(call, { underlyingPrice: 200, delta: 0.5, premium: 10 }),
      valuePrivate({ ...base, id: "x", symbol: "ACME-PE", investmentClass: "PRIVATE" }),
    ];
    expect([...publicExposureBySymbol(values)]).toEqual([["AAPL", 2000 + 1000 + 0.5 * 2 * 100 * 200]]);
  });

  // Lesson 9 (docs/METHODOLOGY.md): betas and exposures were computed only for the last date of a back-fill.
  test("lesson 9: every date of a back-fill gets its own exposures, moving with that date's prices", () => {
    const panel = bundledPanel();
    const dates = ["2020-03-20", "2020-03-23"];
    const exposures = dates.map((d) => valuePublic(base, closeOn(panel, "AAPL", d)).exposure);
    expect(exposures[0]).not.toBe(exposures[1]);
    expect(exposures[1]! / exposures[0]!).toBeCloseTo(closeOn(panel, "AAPL", "2020-03-23") / closeOn(panel, "AAPL", "2020-03-20"), 12);
  });
});
