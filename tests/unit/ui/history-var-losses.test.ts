import { describe, expect, test } from "vitest";
import { VAR_SERIES, type VarHistoryResponse } from "@/lib/contracts/history";
import { formatLossUsd, formatUsd } from "@/lib/format";
import { varHistoryAsLosses } from "@/lib/history-var-losses";

type Point = VarHistoryResponse["points"][number];

// As the endpoint answers: VaR and ES as positive sizes of a loss, a day without a figure null.
const answer: Point[] = [
  { date: "2026-07-10", var95Hist: 116_438.4, var99Hist: 180_000, es95Hist: 150_000, es99Hist: 210_000, var95Param: 100_000, var99Param: 140_000, es95Param: 125_000, es99Param: 160_000 },
  { date: "2026-07-13", var95Hist: null, var99Hist: 0, es95Hist: 151_000, es99Hist: null, var95Param: 101_000, var99Param: 141_000, es95Param: null, es99Param: 161_000 },
];

describe("the VaR and ES history is drawn as losses, below zero", () => {
  test("every figure is plotted at its negative; a gap stays a gap, no loss stays 0 (not -0)", () => {
    const drawn = varHistoryAsLosses(answer);
    expect(drawn.map((p) => p.date)).toEqual(answer.map((p) => p.date));
    answer.forEach((p, i) => {
      for (const k of VAR_SERIES) {
        const v = p[k];
        const got = drawn[i]![k];
        if (v === null) expect(got).toBeNull();
        else if (v === 0) expect(Object.is(got, 0)).toBe(true);
        else expect(got).toBe(-v);
      }
    });
    // Nothing above zero: a chart that showed a loss as a positive number would fail here.
    for (const p of drawn) for (const k of VAR_SERIES) expect(p[k] ?? 0).toBeLessThanOrEqual(0);
    // The answer itself is left as the endpoint gave it.
    expect(answer[0]!.var95Hist).toBe(116_438.4);
  });

  test("the chart's tooltip reads each day as the VaR table does", () => {
    const [first] = varHistoryAsLosses(answer);
    expect(formatUsd(first!.var95Hist)).toBe(formatLossUsd(answer[0]!.var95Hist));
    expect(formatUsd(first!.var95Hist)).toBe("-$116,438");
  });
});
