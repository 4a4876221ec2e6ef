/**
 * XPS backgrounds on a binding-energy axis (docs/analysis.md §6.2): linear, iterative Shirley,
 * Tougaard (2- and 3-parameter universal cross-sections). Inputs may be in either order; the
 * work is done from the low-BE end and the result returned in the input order.
 */
import { AnalysisError } from '@echemkit/core';

export interface EndOptions {
  /** Points averaged at each end for the end intensities (default 5, KherveFitting's choice). */
  average?: number;
  /** End intensities given by the caller (e.g. CasaXPS's own), instead of averaging. */
  ends?: { lo: number; hi: number };
}

/** Indexes sorting the energies ascending (binding energy low → high). */
function ascending(e: ArrayLike<number>): Int32Array {
  const idx = Int32Array.from({ length: e.length }, (_, i) => i);
  const increasing = e.length < 2 || e[e.length - 1]! >= e[0]!;
  if (increasing) return idx;
  return idx.reverse();
}

function check(e: ArrayLike<number>, y: ArrayLike<number>): void {
  if (e.length !== y.length) throw new AnalysisError('energy and intensity lengths differ', { format: 'analysis-surface', expected: String(e.length), actual: String(y.length) });
  if (e.length < 3) throw new AnalysisError('a background needs at least 3 points', { format: 'analysis-surface', actual: String(e.length) });
}

/** End intensities averaged over `average` points (low-BE end, high-BE end). */
export function endIntensities(e: ArrayLike<number>, y: ArrayLike<number>, average = 5): { lo: number; hi: number } {
  const idx = ascending(e);
  const k = Math.max(1, Math.min(average, Math.floor(e.length / 2)));
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < k; i++) {
    lo += y[idx[i]!]!;
    hi += y[idx[e.length - 1 - i]!]!;
  }
  return { lo: lo / k, hi: hi / k };
}

/**
 * Straight line between the averaged end intensities.
 * @example
 * linearBackground([280, 281, 282], [1, 5, 3], { average: 1 }); // Float64Array [1, 2, 3]
 */
export function linearBackground(e: ArrayLike<number>, y: ArrayLike<number>, opts: EndOptions = {}): Float64Array {
  check(e, y);
  const { lo, hi } = opts.ends ?? endIntensities(e, y, opts.average ?? 5);
  const idx = ascending(e);
  const e0 = e[idx[0]!]!;
  const e1 = e[idx[e.length - 1]!]!;
  const out = new Float64Array(e.length);
  for (let i = 0; i < e.length; i++) out[i] = lo + ((hi - lo) * (e[i]! - e0)) / (e1 - e0 || 1);
  return out;
}

export interface ShirleyOptions extends EndOptions {
  /** Stop when max |ΔB| < tolerance·|I_hi − I_lo| (default 1e-6). */
  tolerance?: number;
  /** Iteration limit (default 50). */
  maxIterations?: number;
}

/**
 * Iterative Shirley background: B(E) = I_lo + (I_hi − I_lo)·A(E)/A_tot with
 * A(E) = ∫_{E_lo}^{E} (J − B) dE (trapezoids), iterated from B = I_lo.
 * @example
 * const b = shirleyBackground(energies, counts); // rises toward high binding energy
 */
export function shirleyBackground(e: ArrayLike<number>, y: ArrayLike<number>, opts: ShirleyOptions = {}): { background: Float64Array; iterations: number; converged: boolean } {
  check(e, y);
  const n = e.length;
  const idx = ascending(e);
  const E = Float64Array.from(idx, (i) => e[i]!);
  const J = Float64Array.from(idx, (i) => y[i]!);
  const { lo, hi } = opts.ends ?? endIntensities(E, J, opts.average ?? 5);
  const tol = (opts.tolerance ?? 1e-6) * Math.max(Math.abs(hi - lo), 1e-300);
  const maxIt = opts.maxIterations ?? 50;
  const B = new Float64Array(n).fill(lo);
  const A = new Float64Array(n);
  let it = 0;
  let converged = false;
  while (it < maxIt) {
    it++;
    A[0] = 0;
    for (let i = 1; i < n; i++) A[i] = A[i - 1]! + 0.5 * (J[i]! - B[i]! + J[i - 1]! - B[i - 1]!) * (E[i]! - E[i - 1]!);
    const total = A[n - 1]!;
    // J below both end levels over much of the window makes A_tot ≤ 0 and the iteration
    // diverge: keep the last background and report non-convergence (choose a narrower range).
    if (!(total > 0) && hi !== lo) break;
    let change = 0;
    for (let i = 0; i < n; i++) {
      const nb = total === 0 ? lo : lo + ((hi - lo) * A[i]!) / total;
      change = Math.max(change, Math.abs(nb - B[i]!));
      B[i] = nb;
    }
    if (change < tol) {
      converged = true;
      break;
    }
  }
  const out = new Float64Array(n);
  idx.forEach((orig, k) => (out[orig] = B[k]!));
  return { background: out, iterations: it, converged };
}

/** Tougaard inelastic cross-section parameters: K(T) = B·T / ((C − s·T²)² + D·T²). */
export interface TougaardParameters {
  /** Scale B (eV²); fitted to meet the high-BE end when `fitB` is true (default). */
  B?: number;
  /** C (eV²), default 1643 (universal). */
  C?: number;
  /** D (eV²), default 0: the 2-parameter universal form B·T/(C + T²)². */
  D?: number;
  /** Sign of T² in the denominator: +1 for the 2-parameter form (C + T²)², −1 for the 3-parameter form (C − T²)² (default: −1 when D > 0, else +1). */
  sign?: 1 | -1;
}

export interface TougaardOptions extends EndOptions, TougaardParameters {
  /** Scale B so the background meets the averaged high-BE end intensity (default true). */
  fitB?: boolean;
}

/**
 * Tougaard background on a binding-energy axis: losses of electrons detected at lower binding
 * energy E′ appear at E = E′ + T, so B(E) = J_lo + B·∫_{E_lo}^{E} K(E − E′)(J(E′) − J_lo) dE′.
 * @example
 * const { background, B } = tougaardBackground(be, counts); // universal 2-parameter form, B fitted
 */
export function tougaardBackground(e: ArrayLike<number>, y: ArrayLike<number>, opts: TougaardOptions = {}): { background: Float64Array; B: number; C: number; D: number } {
  check(e, y);
  const n = e.length;
  const idx = ascending(e);
  const E = Float64Array.from(idx, (i) => e[i]!);
  const J = Float64Array.from(idx, (i) => y[i]!);
  const { lo, hi } = opts.ends ?? endIntensities(E, J, opts.average ?? 5);
  const C = opts.C ?? 1643;
  const D = opts.D ?? 0;
  const sign = opts.sign ?? (D > 0 ? -1 : 1);
  const K = (t: number) => {
    const q = C + sign * t * t;
    return t / (q * q + D * t * t);
  };
  // S(E_i) = ∫ K(E_i − E′)(J(E′) − J_lo) dE′ by trapezoids over the points below E_i.
  const S = new Float64Array(n);
  const Jr = J.map((v) => v - lo);
  for (let i = 1; i < n; i++) {
    let s = 0;
    for (let j = 0; j < i; j++) {
      const w = 0.5 * (E[j + 1]! - E[j]!);
      s += w * (K(E[i]! - E[j]!) * Jr[j]! + K(E[i]! - E[j + 1]!) * Jr[j + 1]!);
    }
    S[i] = s;
  }
  const fit = opts.fitB ?? true;
  const endS = S[n - 1]!;
  const B = fit ? (endS !== 0 ? (hi - lo) / endS : 0) : (opts.B ?? 2866);
  const out = new Float64Array(n);
  idx.forEach((orig, k) => (out[orig] = lo + B * S[k]!));
  return { background: out, B, C, D };
}
