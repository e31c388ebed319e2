import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { olsFit, olsPredict } from "@/lib/risk/stats/ols";
import { normCdf, normInv, normPdf } from "@/lib/risk/stats/normal";
import { studentTTwoSidedP } from "@/lib/risk/stats/student-t";
import { expectAllClose, expectClose } from "./close";

interface NistFixture {
  norris: { x: number[]; y: number[]; certified: Record<"intercept" | "slope" | "interceptStdError" | "slopeStdError" | "residualStdError" | "rSquared", number> };
  longley: {
    columns: number[][];
    y: number[];
    certified: { intercept: number; coef: number[]; interceptStdError: number; stdErrors: number[]; residualStdError: number; rSquared: number };
  };
}
const nist = JSON.parse(readFileSync("tests/fixtures/golden/nist-strd.json", "utf8")) as NistFixture;

describe("OLS against NIST StRD certified values", () => {
  test("Norris (simple regression): coefficients, standard errors, R², residual sd", () => {
    const { x, y, certified: c } = nist.norris;
    const fit = olsFit([Float64Array.from(x)], Float64Array.from(y));
    expectClose(fit.intercept, c.intercept, "intercept", 1e-10);
    expectClose(fit.coef[0], c.slope, "slope", 1e-12);
    expectClose(fit.interceptStdError, c.interceptStdError, "intercept sd", 1e-10);
    expectClose(fit.stdErrors[0], c.slopeStdError, "slope sd", 1e-10);
    expectClose(fit.residualStdError, c.residualStdError, "residual sd", 1e-10);
    expectClose(fit.rSquared, c.rSquared, "R²", 1e-12);
    expect(fit.n).toBe(36);
    expect(fit.df).toBe(34);
  });

  test("Longley (six collinear regressors): coefficients, standard errors, R², residual sd", () => {
    const { columns, y, certified: c } = nist.longley;
    const fit = olsFit(
      columns.map((col) => Float64Array.from(col)),
      Float64Array.from(y),
    );
    expectClose(fit.intercept, c.intercept, "intercept", 1e-9);
    expectAllClose(fit.coef, c.coef, "coef", 1e-9);
    expectClose(fit.interceptStdError, c.interceptStdError, "intercept sd", 1e-9);
    expectAllClose(fit.stdErrors, c.stdErrors, "sd", 1e-9);
    expectClose(fit.residualStdError, c.residualStdError, "residual sd", 1e-9);
    expectClose(fit.rSquared, c.rSquared, "R²", 1e-12);
    expect(fit.df).toBe(9);
  });

  test("olsPredict evaluates the fitted plane; bad input is refused loudly", () => {
    const x1 = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const x2 = Float64Array.from([2, 1, 4, 3, 6, 5]);
    const y = Float64Array.from(x1.map((v, i) => 1 + 2 * v - 0.5 * x2[i]! + (i % 2 ? 0.01 : -0.01)));
    const fit = olsFit([x1, x2], y);
    expectClose(olsPredict(fit, [10, 10]), fit.intercept + 10 * fit.coef[0]! + 10 * fit.coef[1]!, "prediction");
    expect(() => olsPredict(fit, [1])).toThrow(/expected 2/);
    expect(() => olsFit([x1, x1], y)).toThrow(/collinear/);
    expect(() => olsFit([x1.subarray(0, 2)], y.subarray(0, 2))).toThrow(/too few/);
  });
});

describe("distributions against scipy", () => {
  const tCases: [number, number, number][] = [
    [0.5, 3, 0.651447964848151], [2, 88, 0.04858382295627144], [10, 88, 3.5948964450576396e-16], [40, 88, 3.1093978653894367e-58],
    [100, 58, 1.2193897724780366e-66], [0.001, 1, 0.9993633804398389], [3, 1, 0.20483276469913345], [5, 2, 0.037749551350623724],
    [0.1, 178, 0.9204568638293623], [25, 28, 1.083383960257307e-20], [-7.5, 178, 2.9138389348494296e-12], [60, 178, 4.9836432475678046e-120],
  ];
  test("Student t two-sided p-values keep ~1e-14 relative accuracy, tiny p-values included", () => {
    for (const [t, df, p] of tCases) expectClose(studentTTwoSidedP(t, df), p, `p(t=${t}, df=${df})`, 1e-13, 0);
  });

  test("normal CDF, PDF and inverse to ~1e-14", () => {
    const cdf: [number, number, number][] = [
      [-37, 5.7255712225239266e-300, 2.120006551524606e-298], [-20, 2.7536241186061556e-89, 5.520948362159764e-88],
      [-8, 6.22096057427174e-16, 5.052271083536893e-15], [-3, 0.0013498980316300933, 0.0044318484119380075],
      [-1, 0.15865525393145707, 0.24197072451914337], [-0.2, 0.42074029056089696, 0.3910426939754559], [0, 0.5, 0.3989422804014327],
      [0.4, 0.6554217416103242, 0.36827014030332333], [1.5, 0.9331927987311419, 0.12951759566589174], [3, 0.9986501019683699, 0.0044318484119380075],
      [6, 0.9999999990134123, 6.075882849823286e-9],
    ];
    for (const [x, c, d] of cdf) {
      expectClose(normCdf(x), c, `Φ(${x})`, 1e-13, 0);
      expectClose(normPdf(x), d, `φ(${x})`, 1e-13, 0);
    }
    const inv: [number, number][] = [
      [1e-300, -37.0470962993612], [1e-20, -9.262340089798409], [1e-10, -6.361340902404056], [0.001, -3.090232306167813],
      [0.025, -1.9599639845400545], [0.3, -0.5244005127080409], [0.5, 0], [0.7, 0.5244005127080407], [0.975, 1.959963984540054],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of inv) expectClose(normInv(p), z, `Φ⁻¹(${p})`, 1e-14, 1e-15);
    expect(() => normInv(1.5)).toThrow(RangeError);
  });
});
