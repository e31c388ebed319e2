import { describe, expect, it } from "vitest";
import { niceTicks, niceTicksOf } from "@/lib/chart-ticks";
import { formatNum, formatPct, formatPctTick, formatQuantity, formatUsd, formatUsdTick } from "@/lib/format";

describe("number formats", () => {
  it("never print a signed zero", () => {
    expect(formatPct(-0.00000001)).toBe("0.00 %");
    expect(formatNum(-0.0001, 3)).toBe("0.000");
    expect(formatUsd(-0.4)).toBe("$0");
    expect(formatPct(-0.0123)).toBe("-1.23 %");
  });

  it("separate thousands in quantities and numbers, and keep a quantity's own decimals", () => {
    expect(formatQuantity(12500)).toBe("12,500");
    expect(formatQuantity(-3.25)).toBe("-3.25");
    expect(formatNum(1234.5, 1)).toBe("1,234.5");
    expect(formatUsd(-1352147)).toBe("-$1,352,147");
  });

  it("give money ticks a $ and a unit, percent ticks no useless decimals", () => {
    expect(formatUsdTick(2_750_000)).toBe("$2.75M");
    expect(formatUsdTick(-50_000)).toBe("-$50K");
    expect(formatUsdTick(0)).toBe("$0");
    expect(formatPctTick(0.125)).toBe("12.5 %");
    expect(formatPctTick(0.1)).toBe("10 %");
  });
});

describe("round axis ticks", () => {
  it("use steps of 1, 2, 2.5 or 5 times a power of ten, covering the data", () => {
    expect(niceTicks(0, 0.14)).toEqual([0, 0.05, 0.1, 0.15]);
    expect(niceTicks(-0.35, 1.05)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(niceTicks(-1.818, 0.948)).toEqual([-2, -1, 0, 1]);
    expect(niceTicks(2_810_000, 3_720_000)).toEqual([2_750_000, 3_000_000, 3_250_000, 3_500_000, 3_750_000]);
  });

  it("cover every value, include zero on request and survive a flat or empty series", () => {
    const values = [0.031, 0.27, 0.12, null, 0.19];
    const ticks = niceTicksOf(values, { includeZero: true });
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)!).toBeGreaterThanOrEqual(0.27);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
    expect(niceTicksOf([null])).toEqual([]);
  });
});
