// What-changed attribution against tests/fixtures/golden/analysis.json (scripts/golden/analysis.py,
// numpy), 1e-8 relative: a symbol bought, one sold out, one resized, one held without betas on one side.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { FactorKey } from "@/lib/factors/registry";
import type { ShockableFactor } from "@/lib/stress/scenarios";
import { computeWhatChanged, WHAT_CHANGED_PARTS, type WhatChangedSide } from "@/lib/risk/what-changed";
import { expectClose } from "./close";

type Parts = { positions: number; prices: number; betas: number; change: number; bySymbol: Record<string, Record<string, number>> };
interface Side {
  holdings: Record<string, { exposure: number; price: number }>;
  betas: Record<string, Partial<Record<FactorKey, number>>>;
  closes: Record<string, number>;
}
const golden = (JSON.parse(readFileSync("tests/fixtures/golden/analysis.json", "utf8")) as {
  whatChanged: {
    factors: FactorKey[];
    sideA: Side;
    sideB: Side;
    shocks: Record<string, Partial<Record<ShockableFactor, number>>>;
    expected: { factors: Record<string, Parts & { dollarsA: number; dollarsB: number }>; scenarios: Record<string, Parts>; symbols: { symbol: string; qA: number; qB: number; pA: number; pB: number }[] };
  };
}).whatChanged;

const side = (s: Side): WhatChangedSide => ({ holdings: new Map(Object.entries(s.holdings)), betas: new Map(Object.entries(s.betas)), closes: new Map(Object.entries(s.closes)) });
const run = (topN = 10) =>
  computeWhatChanged(
    side(golden.sideA),
    side(golden.sideB),
    golden.factors,
    Object.entries(golden.shocks).map(([key, shocks]) => ({ key, shocks })),
    topN,
  );

describe("what changed matches numpy (1e-8 relative)", () => {
  const got = run();
  test.each(golden.factors)("factor %s: the three parts, their sum and each symbol's term", (factor) => {
    const want = golden.expected.factors[factor]!;
    const g = got.factors.find((f) => f.factor === factor)!;
    for (const k of ["dollarsA", "dollarsB", "change", ...WHAT_CHANGED_PARTS] as const) expectClose(g[k], want[k], `${factor} ${k}`);
    expectClose(g.positions + g.prices + g.betas, g.change, `${factor} parts sum to the change`);
    for (const part of WHAT_CHANGED_PARTS) for (const c of g.top[part]) expectClose(c.value, want.bySymbol[part]![c.symbol]!, `${factor} ${part} ${c.symbol}`);
  });
  test.each(Object.keys(golden.shocks))("scenario %s: direct P&L change split the same way", (key) => {
    const want = golden.expected.scenarios[key]!;
    const g = got.scenarios.find((s) => s.key === key)!;
    for (const k of ["change", ...WHAT_CHANGED_PARTS] as const) expectClose(g[k], want[k], `${key} ${k}`);
    expectClose(g.positions + g.prices + g.betas, g.change, `${key} parts sum`);
    for (const part of WHAT_CHANGED_PARTS) for (const c of g.top[part]) expectClose(c.value, want.bySymbol[part]![c.symbol]!, `${key} ${part} ${c.symbol}`);
  });
  test("quantities and closes per side: q = 0 where a side lacks the symbol, the other side's close where it has none", () => {
    golden.expected.symbols.forEach((w, i) => {
      const g = got.symbols[i]!;
      expect(g.symbol).toBe(w.symbol);
      for (const k of ["qA", "qB", "pA", "pB"] as const) expectClose(g[k], w[k], `${w.symbol} ${k}`);
    });
  });
  test("the largest contributions come first and at most topN are listed", () => {
    const short = run(2);
    for (const f of short.factors) {
      for (const part of WHAT_CHANGED_PARTS) {
        expect(f.top[part].length).toBeLessThanOrEqual(2);
        const abs = f.top[part].map((c) => Math.abs(c.value));
        expect([...abs].sort((a, b) => b - a)).toEqual(abs);
      }
    }
  });
});
