// Standard normal distribution: density, CDF (through an accurate erfc) and inverse CDF.
// Pure functions, accurate to about 1e-15 relative, tails included.

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const SQRT1_2 = Math.SQRT1_2;

/** e^{−x²} without the rounding error of x² that dominates for large |x|: split x into a head
 *  that squares exactly and a small tail. */
function expMinusSquare(x: number): number {
  const head = Math.trunc(x * 16) / 16;
  return Math.exp(-head * head) * Math.exp(-(x - head) * (x + head));
}

/** erf(x) by its Maclaurin series; used only for |x| < 1, where it converges in ~25 terms and
 *  1 − erf(x) keeps erfc to about 1e-15. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) <= 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

/** erfc(x) for x ≥ 1 (it converges too slowly nearer 0) by the continued fraction
 *  erfc(x) = x e^{−x²}/√π · 1/(x² + 1/2 − 1·(1/2)/(x² + 5/2 − 2·(3/2)/(x² + 9/2 − …))),
 *  evaluated with the modified Lentz method; every term is positive so nothing cancels. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  const x2 = x * x;
  let f = x2 + 0.5;
  let c = f;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = -n * (n - 0.5);
    const b = x2 + 2 * n + 0.5;
    d = b + a * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return ((x * expMinusSquare(x)) / SQRT_PI) / f;
}

/** Complementary error function, accurate in relative terms also deep in the upper tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) < 1) return 1 - erfSeries(x);
  if (x > 0) return x > 27.3 ? 0 : erfcContinuedFraction(x);
  return x < -6 ? 2 : 2 - erfcContinuedFraction(-x);
}

export function normPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Φ(x) = ½ erfc(−x/√2); the lower tail keeps full relative accuracy. */
export function normCdf(x: number): number {
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  return 0.5 * erfc(-x * SQRT1_2);
}

// Acklam's rational approximation of Φ⁻¹ (relative error < 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

function acklamLowerHalf(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * Φ⁻¹(p): Acklam's approximation plus one Halley step against the accurate normCdf, giving about
 * 1e-15 relative. The upper half is mirrored (1 − p is exact there) so the refinement always works
 * on the accurate lower tail.
 */
export function normInv(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) throw new RangeError(`normInv: p must be in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p > 0.5) return -normInv(1 - p);
  const x = acklamLowerHalf(p);
  const e = normCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}
