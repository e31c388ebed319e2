// One-factor OLS beta y = α + βx + ε with its statistics, as statsmodels computes them,
// specialised for speed: the batch runs it hundreds of thousands of times.
// Definition and reference test: docs/METHODOLOGY.md, "Factor betas".
import { BETA_CAP } from "@/lib/factors/registry";
import { windowMoments, type CentredMoments } from "./stats/moments";
import { studentTTwoSidedP } from "./stats/student-t";

export interface CappedBeta {
  /** The beta after capping at ±BETA_CAP. */
  beta: number;
  /** The regression's beta before capping. */
  rawBeta: number;
  capped: boolean;
}

export function capBeta(rawBeta: number, cap = BETA_CAP): CappedBeta {
  const beta = Math.min(cap, Math.max(-cap, rawBeta));
  return { beta, rawBeta, capped: beta !== rawBeta };
}

export interface OlsBeta extends CappedBeta {
  alpha: number;
  rSquared: number;
  /** Standard error of the raw β. */
  stdError: number;
  tStat: number;
  /** Two-sided, Student t with n − 2 degrees of freedom. */
  pValue: number;
  n: number;
}

/** SSR below this share of SST is recomputed from the residuals: the moment formula would cancel. */
const NEAR_PERFECT_FIT = 1e-3;

/**
 * One-factor OLS from the centred moments of [x, y] (x first). `windowData` returns the window's
 * x and y; it is called only for a near-perfect fit, where SSR = Syy − βSxy would lose its digits.
 */
export function olsBetaFromMoments(moments: CentredMoments, windowData: () => readonly [ArrayLike<number>, ArrayLike<number>]): OlsBeta {
  const { n, means, cross } = moments;
  if (moments.m !== 2) throw new RangeError(`olsBetaFromMoments: expected the moments of [x, y], got ${moments.m} series`);
  if (n < 3) throw new RangeError(`olsBeta: ${n} observations are too few (need 3)`);
  const sxx = cross[0]!;
  const sxy = cross[1]!;
  const syy = cross[3]!;
  if (!(sxx > 0)) throw new RangeError("olsBeta: the regressor is constant over the window");
  const mx = means[0]!;
  const my = means[1]!;
  const rawBeta = sxy / sxx;
  let ssr = syy - rawBeta * sxy;
  if (ssr < NEAR_PERFECT_FIT * syy) {
    const [x, y] = windowData();
    ssr = 0;
    for (let i = 0; i < n; i++) {
      const e = y[i]! - my - rawBeta * (x[i]! - mx);
      ssr += e * e;
    }
  }
  const df = n - 2;
  const stdError = Math.sqrt(ssr / df / sxx);
  const tStat = rawBeta / stdError;
  const { beta, capped } = capBeta(rawBeta);
  // A literal, not a spread of capBeta's result: this runs in the batch's innermost loop.
  return {
    beta,
    rawBeta,
    capped,
    alpha: my - rawBeta * mx,
    rSquared: 1 - ssr / syy,
    stdError,
    tStat,
    pValue: studentTTwoSidedP(tStat, df),
    n,
  };
}

/** Regresses y on x (same length, n ≥ 3) with an intercept. */
export function olsBeta(x: Float64Array, y: Float64Array): OlsBeta {
  if (y.length !== x.length) throw new RangeError(`olsBeta: x has ${x.length} values, y has ${y.length}`);
  return olsBetaFromMoments(windowMoments([x, y]), () => [x, y]);
}
