// Tolerance helpers for golden comparisons: relative 1e-8 with an absolute floor for values near zero.
import { expect } from "vitest";

export function expectClose(actual: number | undefined, expected: number, what: string, rel = 1e-8, abs = 1e-12): void {
  expect(actual, what).toBeTypeOf("number");
  const diff = Math.abs(actual! - expected);
  const tolerance = Math.max(abs, rel * Math.abs(expected));
  expect(diff <= tolerance, `${what}: ${actual} vs ${expected} (|diff| ${diff.toExponential(2)} > ${tolerance.toExponential(2)})`).toBe(true);
}

export function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], what: string, rel = 1e-8, abs = 1e-12): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  expected.forEach((e, i) => expectClose(actual[i], e, `${what}[${i}]`, rel, abs));
}
