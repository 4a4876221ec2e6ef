/**
 * Small dense linear algebra on row-major Float64Arrays for the fitting inner loops
 * (P ≲ 30 unknowns), where ml-matrix's object overhead would dominate.
 */

/**
 * In-place Cholesky factorisation of a symmetric positive-definite n×n matrix (lower
 * triangle, row-major). Returns false when the matrix is not positive definite.
 */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! * a[j * n + k]!;
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const l = Math.sqrt(d);
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / l;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place (b becomes x) with the factor from {@link cholesky}. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/**
 * Inverse of a symmetric positive-definite matrix, computed with unit-diagonal scaling for
 * conditioning; undefined when it is not positive definite.
 */
export function spdInverse(a: Float64Array, n: number): Float64Array | undefined {
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = a[i * n + i]!;
    if (!(d > 0)) return undefined;
    s[i] = 1 / Math.sqrt(d);
  }
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) l[i * n + j] = a[i * n + j]! * s[i]! * s[j]!;
  if (!cholesky(l, n)) return undefined;
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySolve(l, n, col);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]! * s[i]! * s[j]!;
  }
  return inv;
}
