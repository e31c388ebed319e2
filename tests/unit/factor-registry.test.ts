import { describe, expect, test } from "vitest";
import { FACTOR_KEYS, FACTORS, STYLE_FACTOR_KEYS, factorOrThrow, isFactorKey } from "@/lib/factors/registry";

describe("factor registry", () => {
  test("has the twelve factors of docs/METHODOLOGY.md (Factor betas) with their windows", () => {
    expect(FACTOR_KEYS).toHaveLength(12);
    expect(FACTORS.MARKET).toMatchObject({ displayName: "Market Beta (90D)", proxy: { symbol: "SPY" }, window: 90, minObs: 30 });
    expect(FACTORS.GROWTH_VALUE).toMatchObject({ proxy: { long: "VUG", short: "VTV" }, window: 180, minObs: 60 });
    expect(STYLE_FACTOR_KEYS).toEqual(["VALUE", "GROWTH", "MOMENTUM", "QUALITY", "SIZE", "LOW_VOL"]);
  });

  // Lesson 3 (docs/METHODOLOGY.md): "Interest Rate" seeded vs "IR Beta" computed.
  test("lesson 3: a factor name outside the registry is refused loudly", () => {
    expect(isFactorKey("IR")).toBe(true);
    expect(isFactorKey("Interest Rate")).toBe(false);
    expect(() => factorOrThrow("Interest Rate")).toThrow(/not in the factor registry/);
  });
});
