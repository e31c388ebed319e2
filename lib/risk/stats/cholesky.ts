// Solving small symmetric positive definite systems (ridge normal equations, conditional shocks).

/** Solves A z = b for a k×k symmetric positive definite A (row-major); throws if A is not. */
export function choleskySolve(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j]!;
      for (let p = 0; p < j; p++) s -= l[i * k + p]! * l[j * k + p]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError("choleskySolve: the matrix is not positive definite");
        l[i * k + i] = Math.sqrt(s);
      } else l[i * k + j] = s / l[j * k + j]!;
    }
  }
  const z = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= l[i * k + p]! * z[p]!;
    z[i] = s / l[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let p = i + 1; p < k; p++) s -= l[p * k + i]! * z[p]!;
    z[i] = s / l[i * k + i]!;
  }
  return z;
}
