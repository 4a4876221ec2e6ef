/**
 * Non-negative quadratic programme min ½xᵀHx − cᵀx, x ≥ 0 for symmetric positive-definite
 * H, by the active-set method of Lawson–Hanson in the normal-equation form of Bro & De Jong
 * ("fast NNLS", J. Chemometrics 11 (1997) 393). Variables are scaled to a unit diagonal first
 * (the DRT's inductance column is ~1e6 times larger than the others).
 */
import { cholesky, choleskySolve } from '../linalg.js';

/**
 * Solves the non-negative problem (H row-major n×n).
 * @example
 * const x = nnlsNormal(new Float64Array([2, 0, 0, 2]), new Float64Array([2, -2]), 2); // [1, 0]
 */
export function nnlsNormal(h: Float64Array, c: Float64Array, n: number): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = h[i * n + i]! > 0 ? 1 / Math.sqrt(h[i * n + i]!) : 1;
  const hs = new Float64Array(n * n);
  const cs = new Float64Array(n);
  let cmax = 0;
  for (let i = 0; i < n; i++) {
    cs[i] = c[i]! * d[i]!;
    cmax = Math.max(cmax, Math.abs(cs[i]!));
    for (let j = 0; j < n; j++) hs[i * n + j] = h[i * n + j]! * d[i]! * d[j]!;
  }
  const x = new Float64Array(n);
  if (cmax === 0) return x;
  const tol = 1e-12 * cmax;
  const passive = new Uint8Array(n);
  const s = new Float64Array(n);
  const w = new Float64Array(n);
  const idx: number[] = [];
  const sub = new Float64Array(n * n);
  const rhs = new Float64Array(n);

  // Solves H_PP s_P = c_P on the passive set; s = 0 elsewhere.
  const solvePassive = (): void => {
    idx.length = 0;
    for (let i = 0; i < n; i++) if (passive[i]) idx.push(i);
    const k = idx.length;
    for (let a = 0; a < k; a++) {
      rhs[a] = cs[idx[a]!]!;
      for (let b = 0; b < k; b++) sub[a * k + b] = hs[idx[a]! * n + idx[b]!]!;
    }
    // A tiny ridge keeps the factorisation alive when columns are nearly dependent.
    let ok = cholesky(sub, k);
    if (!ok) {
      for (let a = 0; a < k; a++) {
        rhs[a] = cs[idx[a]!]!;
        for (let b = 0; b < k; b++) sub[a * k + b] = hs[idx[a]! * n + idx[b]!]! + (a === b ? 1e-10 : 0);
      }
      ok = cholesky(sub, k);
    }
    const r = rhs.subarray(0, k);
    if (ok) choleskySolve(sub, k, r);
    s.fill(0);
    for (let a = 0; a < k; a++) s[idx[a]!] = ok ? r[a]! : 0;
  };

  const gradient = (): void => {
    for (let i = 0; i < n; i++) {
      let v = cs[i]!;
      for (let j = 0; j < n; j++) v -= hs[i * n + j]! * x[j]!;
      w[i] = v;
    }
  };

  gradient();
  // Each outer step adds one variable; bounded to keep corrupt input from looping.
  for (let outer = 0; outer < 3 * n + 10; outer++) {
    let jmax = -1;
    let wmax = tol;
    for (let i = 0; i < n; i++) {
      if (!passive[i] && w[i]! > wmax) {
        wmax = w[i]!;
        jmax = i;
      }
    }
    if (jmax < 0) break;
    passive[jmax] = 1;
    solvePassive();
    for (let inner = 0; inner < n + 1; inner++) {
      let alpha = Infinity;
      for (let i = 0; i < n; i++) {
        if (passive[i] && s[i]! <= 0) alpha = Math.min(alpha, x[i]! / (x[i]! - s[i]!));
      }
      if (alpha === Infinity) break;
      for (let i = 0; i < n; i++) {
        x[i] = x[i]! + alpha * (s[i]! - x[i]!);
        if (passive[i] && x[i]! <= 1e-14 * (Math.abs(s[i]!) + 1e-300)) {
          passive[i] = 0;
          x[i] = 0;
        }
      }
      solvePassive();
    }
    for (let i = 0; i < n; i++) x[i] = passive[i] ? s[i]! : 0;
    gradient();
  }
  for (let i = 0; i < n; i++) x[i] = x[i]! * d[i]!;
  return x;
}
