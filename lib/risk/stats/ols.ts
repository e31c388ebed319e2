// Ordinary least squares with an intercept and k ≥ 1 regressors, with statsmodels-equivalent
// statistics. Solved by Householder QR on centred data, which is accurate enough for NIST Longley
// (the normal equations are not).
import { studentTTwoSidedP } from "./student-t";

export interface OlsFit {
  /** Slopes, one per regressor. */
  coef: Float64Array;
  intercept: number;
  rSquared: number;
  /** Standard errors of the slopes. */
  stdErrors: Float64Array;
  interceptStdError: number;
  tStats: Float64Array;
  /** Two-sided, Student t with `df` degrees of freedom. */
  pValues: Float64Array;
  /** √(SSR / df). */
  residualStdError: number;
  n: number;
  /** n − k − 1. */
  df: number;
}

function mean(v: ArrayLike<number>): number {
  const n = v.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += v[i]!;
  const m = s / n;
  // Second pass removes the rounding error of the first.
  let c = 0;
  for (let i = 0; i < n; i++) c += v[i]! - m;
  return m + c / n;
}

/**
 * Householder QR of the n×k column-major matrix `a` in place (R in the upper triangle, the
 * reflectors below it), applying the same reflections to `rhs`. Returns the diagonal of R.
 */
function householderQr(a: Float64Array, n: number, k: number, rhs: Float64Array): Float64Array {
  const rDiag = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const col = j * n;
    let norm = 0;
    for (let i = j; i < n; i++) norm = Math.hypot(norm, a[col + i]!);
    if (norm === 0) {
      rDiag[j] = 0;
      continue;
    }
    if (a[col + j]! < 0) norm = -norm;
    for (let i = j; i < n; i++) a[col + i]! /= norm;
    a[col + j]! += 1;
    const applyTo = (v: Float64Array, off: number): void => {
      let s = 0;
      for (let i = j; i < n; i++) s += a[col + i]! * v[off + i]!;
      s = -s / a[col + j]!;
      for (let i = j; i < n; i++) v[off + i]! += s * a[col + i]!;
    };
    for (let l = j + 1; l < k; l++) applyTo(a, l * n);
    applyTo(rhs, 0);
    rDiag[j] = -norm;
  }
  return rDiag;
}

/** R[i][j] for i < j from the packed QR, the diagonal from rDiag. */
const rAt = (qr: Float64Array, rDiag: Float64Array, n: number, i: number, j: number): number => (i === j ? rDiag[i]! : qr[j * n + i]!);

/** Solves R b = c (back substitution). */
function solveUpper(qr: Float64Array, rDiag: Float64Array, n: number, k: number, c: ArrayLike<number>): Float64Array {
  const b = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = c[i]!;
    for (let j = i + 1; j < k; j++) s -= rAt(qr, rDiag, n, i, j) * b[j]!;
    b[i] = s / rDiag[i]!;
  }
  return b;
}

/** Solves Rᵀ z = c (forward substitution). */
function solveUpperTransposed(qr: Float64Array, rDiag: Float64Array, n: number, k: number, c: ArrayLike<number>): Float64Array {
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = c[i]!;
    for (let j = 0; j < i; j++) s -= rAt(qr, rDiag, n, j, i) * z[j]!;
    z[i] = s / rDiag[i]!;
  }
  return z;
}

/**
 * Fits y = intercept + Σ coef_j · columns[j] + ε. Needs n ≥ k + 2 (at least one residual degree
 * of freedom) and regressors that are not collinear; throws otherwise.
 */
export function olsFit(columns: readonly Float64Array[], y: Float64Array): OlsFit {
  const k = columns.length;
  const n = y.length;
  if (k < 1) throw new RangeError("olsFit: at least one regressor is required");
  for (const [j, c] of columns.entries()) {
    if (c.length !== n) throw new RangeError(`olsFit: regressor ${j} has ${c.length} values, y has ${n}`);
  }
  if (n < k + 2) throw new RangeError(`olsFit: ${n} observations are too few for ${k} regressors and an intercept`);

  const xMean = new Float64Array(k);
  const xc = new Float64Array(n * k);
  let maxColNorm = 0;
  for (let j = 0; j < k; j++) {
    const c = columns[j]!;
    const m = mean(c);
    xMean[j] = m;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = c[i]! - m;
      xc[j * n + i] = v;
      ss += v * v;
    }
    maxColNorm = Math.max(maxColNorm, Math.sqrt(ss));
  }
  const yMean = mean(y);
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[i]! - yMean;

  const qr = xc.slice();
  const qty = yc.slice();
  const rDiag = householderQr(qr, n, k, qty);
  for (let j = 0; j < k; j++) {
    if (!(Math.abs(rDiag[j]!) > 1e-13 * maxColNorm)) throw new RangeError(`olsFit: regressor ${j} is constant or collinear with the others`);
  }
  const coef = solveUpper(qr, rDiag, n, k, qty);

  let ssr = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += xc[j * n + i]! * coef[j]!;
    const e = yc[i]! - fitted;
    ssr += e * e;
    sst += yc[i]! * yc[i]!;
  }
  const df = n - k - 1;
  const sigma2 = ssr / df;

  // Cov(b) = σ² (XcᵀXc)⁻¹ = σ² R⁻¹R⁻ᵀ; the diagonal is σ² times the squared row norms of R⁻¹.
  const stdErrors = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const e = new Float64Array(k);
    e[j] = 1;
    const rInvRow = solveUpperTransposed(qr, rDiag, n, k, e); // column j of R⁻ᵀ = row j of R⁻¹
    let s = 0;
    for (let l = 0; l < k; l++) s += rInvRow[l]! ** 2;
    stdErrors[j] = Math.sqrt(sigma2 * s);
  }
  // The centred design is orthogonal to the constant, so Var(α) = σ²(1/n + x̄ᵀ(XcᵀXc)⁻¹x̄).
  const z = solveUpperTransposed(qr, rDiag, n, k, xMean);
  let zz = 0;
  for (let j = 0; j < k; j++) zz += z[j]! * z[j]!;

  let intercept = yMean;
  for (let j = 0; j < k; j++) intercept -= coef[j]! * xMean[j]!;

  const tStats = new Float64Array(k);
  const pValues = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    tStats[j] = coef[j]! / stdErrors[j]!;
    pValues[j] = studentTTwoSidedP(tStats[j]!, df);
  }
  return {
    coef,
    intercept,
    rSquared: 1 - ssr / sst,
    stdErrors,
    interceptStdError: Math.sqrt(sigma2 * (1 / n + zz)),
    tStats,
    pValues,
    residualStdError: Math.sqrt(sigma2),
    n,
    df,
  };
}

/** Prediction at one point x (one value per regressor). */
export function olsPredict(fit: OlsFit, x: readonly number[]): number {
  if (x.length !== fit.coef.length) throw new RangeError(`olsPredict: expected ${fit.coef.length} regressor values, got ${x.length}`);
  let v = fit.intercept;
  for (let j = 0; j < x.length; j++) v += fit.coef[j]! * x[j]!;
  return v;
}
