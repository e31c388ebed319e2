// The performance golden (tests/fixtures/golden/performance.json, scripts/golden/performance.py) and
// the comparison of an answer with it, shared by the engine's unit test and the endpoint's integration test.
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { Figure, Performance } from "@/lib/risk/performance";
import { expectClose } from "./close";

export type GoldenFigure = { value: number | null };
export interface GoldenPerformance {
  asOf: string;
  periods: { period: string; value: number | null; from: string | null; returns: number; expected: number; partial: boolean }[];
  drawdown: { value: number; peakDate: string | null; troughDate: string | null; recoveryDate: string | null } | null;
  riskAdjusted: { n: number; from?: string } & Partial<Record<"annualisedReturn" | "annualisedVol" | "sharpe" | "sortino", GoldenFigure>>;
  benchmark: { n: number; from?: string } & Partial<Record<"beta" | "alpha" | "rSquared" | "trackingError" | "informationRatio", GoldenFigure>>;
  cumulative: { date: string; portfolio: number; benchmark: number }[];
}

export interface GoldenCase {
  name: string;
  dates: string[];
  returns: number[];
  benchmarkReturns: (number | null)[];
  results: GoldenPerformance[];
}

const FIGURES = {
  riskAdjusted: ["annualisedReturn", "annualisedVol", "sharpe", "sortino"],
  benchmark: ["beta", "alpha", "rSquared", "trackingError", "informationRatio"],
} as const;

function expectFigure(actual: Figure, want: GoldenFigure | undefined, what: string): void {
  if (want?.value == null) {
    expect(actual.value, what).toBeNull();
    expect(actual.reason, `${what}: the reason in words`).toMatch(/\w+ \w+/);
  } else {
    expectClose(actual.value ?? undefined, want.value, what);
  }
}

/** Every figure of an engine answer against its golden; shared with the endpoint's integration test. */
export function expectPerformance(actual: Performance, want: GoldenPerformance, label: string): void {
  expect(actual.periods.map((p) => [p.period, p.from, p.returns, p.expected, p.partial]), `${label} periods`).toEqual(
    want.periods.map((p) => [p.period, p.from, p.returns, p.expected, p.partial]),
  );
  want.periods.forEach((p, i) => {
    if (p.value === null) expect(actual.periods[i]!.value).toBeNull();
    else expectClose(actual.periods[i]!.value ?? undefined, p.value, `${label} ${p.period}`);
  });
  if (want.drawdown === null) expect(actual.drawdown).toBeNull();
  else {
    expect(actual.drawdown, `${label} drawdown dates`).toMatchObject({ peakDate: want.drawdown.peakDate, troughDate: want.drawdown.troughDate, recoveryDate: want.drawdown.recoveryDate });
    expectClose(actual.drawdown!.value, want.drawdown.value, `${label} max drawdown`);
  }
  expect(actual.riskAdjusted.window?.n ?? want.riskAdjusted.n, `${label} risk-adjusted window`).toBe(want.riskAdjusted.n);
  expect(actual.riskAdjusted.window?.from ?? null).toBe(want.riskAdjusted.from ?? null);
  for (const k of FIGURES.riskAdjusted) expectFigure(actual.riskAdjusted[k], want.riskAdjusted[k], `${label} ${k}`);
  expect(actual.benchmark.window?.n ?? want.benchmark.n, `${label} benchmark window`).toBe(want.benchmark.n);
  expect(actual.benchmark.window?.from ?? null).toBe(want.benchmark.from ?? null);
  for (const k of FIGURES.benchmark) expectFigure(actual.benchmark[k], want.benchmark[k], `${label} ${k}`);
  expect(actual.cumulative.map((p) => p.date), `${label} cumulative dates`).toEqual(want.cumulative.map((p) => p.date));
  want.cumulative.forEach((p, i) => {
    expectClose(actual.cumulative[i]!.portfolio, p.portfolio, `${label} cumulative book ${p.date}`);
    expectClose(actual.cumulative[i]!.benchmark, p.benchmark, `${label} cumulative benchmark ${p.date}`);
  });
}

export interface GoldenBook {
  inceptionDate: string;
  asOfDate: string;
  startingEquity: number;
  riskFreeRate: number;
  csv: string;
  flows: { date: string; amount: number }[];
  navs: { date: string; nav: number }[];
  benchmarks: Record<string, GoldenPerformance[]>;
}

export const performanceGolden = JSON.parse(readFileSync("tests/fixtures/golden/performance.json", "utf8")) as {
  riskFreeRate: number;
  calendar: string[];
  cases: GoldenCase[];
  book: GoldenBook;
};
