import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { blackScholes, formatOccSymbol, parseOccSymbol, yearFraction, type OptionRight } from "@/lib/risk/black-scholes";
import { expectClose } from "./close";

interface GoldenOption {
  right: OptionRight;
  spot: number;
  strike: number;
  days: number;
  years: number;
  vol: number;
  rate: number;
  price: number;
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
}
const golden = JSON.parse(readFileSync("tests/fixtures/golden/black-scholes.json", "utf8")) as { cases: GoldenOption[] };

describe("Black–Scholes matches scipy (1e-8 relative)", () => {
  test(`${golden.cases.length} cases: calls and puts, ITM/ATM/OTM, 0–730 days, vol 12–90 %, r 0 and 4 %`, () => {
    for (const c of golden.cases) {
      const got = blackScholes({ right: c.right, spot: c.spot, strike: c.strike, years: c.days / 365, vol: c.vol, rate: c.rate });
      const where = `${c.right} S=${c.spot} K=${c.strike} ${c.days}d σ=${c.vol} r=${c.rate}`;
      for (const g of ["price", "delta", "gamma", "theta", "vega"] as const) expectClose(got[g], c[g], `${where} ${g}`, 1e-8, 1e-12);
    }
  });

  test("expired on the as-of date: intrinsic value, exercise delta, no time value", () => {
    expect(blackScholes({ right: "C", spot: 110, strike: 100, years: 0, vol: 0.3 })).toEqual({ price: 10, delta: 1, gamma: 0, theta: 0, vega: 0 });
    expect(blackScholes({ right: "P", spot: 110, strike: 100, years: 0, vol: 0.3 })).toEqual({ price: 0, delta: 0, gamma: 0, theta: 0, vega: 0 });
  });

  test("year fraction is calendar days / 365 and rejects malformed dates", () => {
    expect(yearFraction("2026-07-13", "2026-09-18")).toBeCloseTo(67 / 365, 15);
    expect(yearFraction("2026-07-13", "2026-07-13")).toBe(0);
    expect(() => yearFraction("2026-02-30", "2026-09-18")).toThrow(/not a YYYY-MM-DD date/);
  });
});

describe("OCC symbols", () => {
  test("parse and format round-trip AAPL260918C00200000", () => {
    const o = parseOccSymbol("AAPL260918C00200000");
    expect(o).toEqual({ root: "AAPL", expiry: "2026-09-18", right: "C", strike: 200 });
    expect(formatOccSymbol(o)).toBe("AAPL260918C00200000");
    expect(parseOccSymbol("SPY   270115P00412500")).toEqual({ root: "SPY", expiry: "2027-01-15", right: "P", strike: 412.5 });
    expect(formatOccSymbol({ root: "BRK.B", expiry: "2026-12-18", right: "P", strike: 0.5 })).toBe("BRK.B261218P00000500");
  });

  test("malformed symbols fail with a message naming the expected format or the bad part", () => {
    expect(() => parseOccSymbol("AAPL 2609 C 200")).toThrow(/ROOT YYMMDD C\|P strike×1000/);
    expect(() => parseOccSymbol("AAPL261318C00200000")).toThrow(/not a calendar date/);
    expect(() => parseOccSymbol("AAPL260918C00000000")).toThrow(/strike must be positive/);
    expect(() => formatOccSymbol({ root: "AAPL", expiry: "2026-09-18", right: "C", strike: 200.0001 })).toThrow(/at most 3 decimals/);
    expect(() => formatOccSymbol({ root: "toolongroot", expiry: "2026-09-18", right: "C", strike: 1 })).toThrow(/root/);
  });
});
