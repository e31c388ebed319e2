// Ridge regression exactly as sklearn's Ridge(alpha, fit_intercept=True) computes it on
// standardised regressors: centre y, standardise each regressor by its mean and
// population sd (ddof 0), minimise ‖y − Xb‖² + α‖b‖² without penalising the intercept, and report
// raw-unit betas b_j / sd_j.
// Definition and reference test: docs/METHODOLOGY.md, "Factor betas".
import { capBeta, type CappedBeta } from "./ols-beta";
import { choleskySolve } from "./stats/cholesky";
import { windowMoments, type CentredMoments } from "./stats/moments";

export const RIDGE_ALPHA = 1.0;

export interface RidgeFit {
  /** Raw-unit betas b_j / sd_j, one per regressor, uncapped. */
  coef: Float64Array;
  /** Betas on the standardised regressors (sklearn's coef_). */
  standardizedCoef: Float64Array;
  /** Raw-unit intercept: ȳ − Σ coef_j · mean_j. */
  intercept: number;
  /** In-sample R². */
  rSquared: number;
  n: number;
}

/** Fits y on the regressors `columns` (each of y's length, none constant). */
export function ridgeFit(columns: readonly Float64Array[], y: Float64Array, alpha = RIDGE_ALPHA): RidgeFit {
  for (const [j, c] of columns.entries()) {
    if (c.length !== y.length) throw new RangeError(`ridge: regressor ${j} has ${c.length} values, y has ${y.length}`);
  }
  return ridgeFromMoments(windowMoments([...columns, y]), alpha);
}

/** Ridge from the centred moments of [x_1 … x_k, y] (y last). */
export function ridgeFromMoments(moments: CentredMoments, alpha = RIDGE_ALPHA): RidgeFit {
  const { n, m, means, cross } = moments;
  const k = m - 1;
  if (k < 1) throw new RangeError("ridge: at least one regressor is required");
  if (n < 2) throw new RangeError(`ridge: ${n} observations are too few`);
  const sds = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    sds[j] = Math.sqrt(cross[j * m + j]! / n);
    if (!(sds[j]! > 0)) throw new RangeError(`ridge: regressor ${j} is constant over the window`);
  }
  // On standardised regressors z_j = (x_j − mean_j)/sd_j: ZᵀZ + αI and Zᵀ(y − ȳ).
  const gram = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    for (let l = j; l < k; l++) {
      const g = cross[j * m + l]! / (sds[j]! * sds[l]!);
      gram[j * k + l] = g;
      gram[l * k + j] = g;
    }
    rhs[j] = cross[j * m + k]! / sds[j]!;
  }
  // SSR = ‖yc‖² − 2bᵀZᵀyc + bᵀZᵀZb, evaluated before α joins the diagonal. Only R² uses it, and
  // R² is near 1 exactly when SSR is small, so its cancellation is harmless.
  const gramPenalised = gram.slice();
  for (let j = 0; j < k; j++) gramPenalised[j * k + j]! += alpha;
  const standardizedCoef = choleskySolve(gramPenalised, rhs, k);
  const sst = cross[k * m + k]!;
  let ssr = sst;
  for (let j = 0; j < k; j++) {
    const bj = standardizedCoef[j]!;
    let gb = 0;
    for (let l = 0; l < k; l++) gb += gram[j * k + l]! * standardizedCoef[l]!;
    ssr += bj * (gb - 2 * rhs[j]!);
  }
  const coef = new Float64Array(k);
  let intercept = means[k]!;
  for (let j = 0; j < k; j++) {
    coef[j] = standardizedCoef[j]! / sds[j]!;
    intercept -= coef[j]! * means[j]!;
  }
  return { coef, standardizedCoef, intercept, rSquared: 1 - ssr / sst, n };
}

/** Each regressor's raw-unit beta capped at ±BETA_CAP, with the raw value and flag kept. */
export function cappedRidgeBetas(fit: RidgeFit): CappedBeta[] {
  return Array.from(fit.coef, (b) => capBeta(b));
}
