// Performance engine against tests/fixtures/golden/performance.json (scripts/golden/performance.py:
// pandas and statsmodels OLS), 1e-8 relative: a stock/bond mix through the 2020 crash, a long/short
// book started mid-quarter with benchmark days missing, and a series that never falls below the
// risk-free rate; each as of several dates.
import { describe, expect, test } from "vitest";
import { computePerformance } from "@/lib/risk/performance";
import { expectPerformance, type GoldenCase, performanceGolden } from "./performance-golden";

const golden = performanceGolden;

function asOf(c: GoldenCase, date: string) {
  const n = c.dates.filter((d) => d <= date).length;
  return {
    dates: c.dates.slice(0, n),
    returns: c.returns.slice(0, n),
    benchmarkReturns: c.benchmarkReturns.slice(0, n).map((b) => b ?? NaN),
    tradingDays: golden.calendar.filter((d) => d <= date),
    riskFreeRate: golden.riskFreeRate,
  };
}

describe("performance matches pandas / statsmodels (1e-8 relative)", () => {
  test.each(golden.cases.flatMap((c) => c.results.map((r) => [c.name, r.asOf, c, r] as const)))("%s as of %s", (_name, date, c, want) => {
    expectPerformance(computePerformance(asOf(c, date), "SPY"), want, `${c.name} ${date}`);
  });
});

describe("what the goldens cover", () => {
  const all = golden.cases.flatMap((c) => c.results);
  test("a drawdown still open and one recovered, partial and full periods, too few returns, no downside", () => {
    expect(all.some((r) => r.drawdown?.recoveryDate === null && r.drawdown.value < 0)).toBe(true);
    expect(all.some((r) => r.drawdown?.recoveryDate !== null && r.drawdown!.value < 0)).toBe(true);
    expect(all.some((r) => r.periods.some((p) => p.partial)) && all.some((r) => r.periods.every((p) => !p.partial))).toBe(true);
    expect(all.some((r) => r.riskAdjusted.n < 63 && r.riskAdjusted.sharpe === undefined)).toBe(true);
    expect(all.some((r) => r.riskAdjusted.sortino?.value === null)).toBe(true);
    expect(all.some((r) => r.benchmark.n < r.riskAdjusted.n)).toBe(true);
  });
});

describe("figures that cannot be computed say why", () => {
  const steady = golden.cases.find((c) => c.name === "steady")!;

  test("no return below the risk-free rate: Sortino is null with its reason, Sharpe is still there", () => {
    const p = computePerformance(asOf(steady, steady.dates.at(-1)!), "SPY");
    expect(p.riskAdjusted.sortino).toEqual({ value: null, reason: "no daily return fell below the risk-free rate: the downside deviation is zero" });
    expect(p.riskAdjusted.sharpe.value).toBeGreaterThan(0);
  });

  test("fewer than 63 returns: every risk-adjusted and benchmark figure is null, naming the count", () => {
    const p = computePerformance(asOf(steady, steady.dates[40]!), "QQQ");
    expect(p.riskAdjusted.sharpe).toEqual({ value: null, reason: "40 daily returns in the last year, at least 63 needed" });
    expect(p.benchmark.beta.reason).toBe("40 daily returns in the last year with a return of QQQ, at least 63 needed");
    expect(p.periods.find((x) => x.period === "ITD")!.value).not.toBeNull();
  });

  test("on the inception day: no return yet, no drawdown, periods null with a reason", () => {
    const p = computePerformance(asOf(steady, steady.dates[0]!), "SPY");
    expect(p.drawdown).toBeNull();
    expect(p.periods.every((x) => x.value === null && x.reason === "the book has no daily return in this period yet")).toBe(true);
    expect(p.cumulative).toEqual([{ date: steady.dates[0], portfolio: 0, benchmark: 0 }]);
  });

  test("a benchmark that does not move: no regression on it, tracking error still computed", () => {
    const inputs = asOf(steady, steady.dates.at(-1)!);
    const p = computePerformance({ ...inputs, benchmarkReturns: inputs.benchmarkReturns.map(() => 0) }, "CASH");
    expect(p.benchmark.beta).toEqual({ value: null, reason: "CASH did not move over the window: no regression on it is defined" });
    expect(p.benchmark.trackingError.value).toBeGreaterThan(0);
  });
});
