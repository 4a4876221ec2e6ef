/**
 * Distribution of relaxation times by Tikhonov regularisation with non-negativity
 * (pyDRTtools `simple_run` conventions, ../shared/docs/analysis.md §1.5):
 * Z(f) = jωL₀ + R∞ + ∫γ(ln τ)/(1 + jωτ) d ln τ, γ on Gaussian RBFs, λ by GCV (default),
 * L-curve or given.
 */
import { AnalysisError, LimitError } from '@echemkit/core';
import { cholesky, choleskySolve } from '../linalg.js';
import { checkSpectrum, type Spectrum } from '../spectrum.js';
import { VERSION } from '../version.js';
import { nnlsNormal } from './nnls.js';
import { findDrtPeaks, type DrtPeak } from './peaks.js';
import { gammaFromCoefficients, gaussianEpsilon, kernelMatrices, penaltyMatrix } from './rbf.js';

/** Largest number of frequencies {@link computeDrt} accepts (dense N×N matrices). */
export const MAX_DRT_POINTS = 2000;

/** Options of {@link computeDrt}. */
export interface DrtOptions {
  /** Regularisation parameter, or how to choose it: 'gcv' (default) or 'lcurve'. */
  lambda?: number | 'gcv' | 'lcurve';
  /** Order of the derivative penalised (default 1). */
  penalty?: 1 | 2;
  /** Which parts of Z are fitted (default 'both'). */
  data?: 'both' | 'real' | 'imag';
  /**
   * Series inductance: 'fit' (R∞ and L₀, pyDRTtools `simple_run` default), 'none' (R∞ only),
   * 'discard' (drop points with Z″ ≥ 0, then as 'none').
   */
  inductance?: 'fit' | 'none' | 'discard';
  /** FWHM coefficient of the RBFs (default 0.5), or the shape factor ε itself with shape: 'factor'. */
  coeff?: number;
  shape?: 'fwhm' | 'factor';
  /** Decades the output grid extends beyond the collocation points on each side (default 0.5). */
  extendDecades?: number;
  /** Output points per data point (default 10). */
  pointsPerFrequency?: number;
  /** Peaks lower than this fraction of the highest γ are ignored (default 0.01). */
  peakThreshold?: number;
  /** Search range of λ for 'gcv' and 'lcurve' (default [1e-7, 1], as the reference). */
  lambdaRange?: [number, number];
}

/** Result of {@link computeDrt}. */
export interface DrtResult {
  method: 'drt-tikhonov-rbf';
  version: string;
  /** λ used, and how it was chosen. */
  lambda: number;
  lambdaMethod: 'gcv' | 'lcurve' | 'given';
  /** Shape factor ε of the Gaussian RBFs. */
  epsilon: number;
  /** Series resistance R∞ (Ω). */
  rInf: number;
  /** Series inductance L₀ (H), 0 when not fitted. */
  inductance: number;
  /** Collocation time constants τ_m = 1/f_m (s) and RBF coefficients x_m (Ω) — not γ values. */
  tauCollocation: Float64Array;
  coefficients: Float64Array;
  /** Output grid τ (s) and γ(τ) (Ω). */
  tau: Float64Array;
  gamma: Float64Array;
  /** ∫γ d ln τ over the output grid (Ω): the polarisation resistance. */
  polarizationResistance: number;
  /** Peaks of γ. */
  peaks: DrtPeak[];
  /** Frequencies used (after 'discard'), reconstructed impedance and residuals (data − model). */
  f: Float64Array;
  fitted: { re: Float64Array; im: Float64Array };
  residuals: { re: Float64Array; im: Float64Array };
  options: Required<Omit<DrtOptions, 'lambda'>> & { lambda: number | string };
}

/** The regularised least-squares system: G = AᵀA, b = Aᵀz, M penalty, sizes. */
interface System {
  rows: Float64Array; // stacked A (n × P)
  z: Float64Array;
  n: number;
  P: number;
  G: Float64Array;
  b: Float64Array;
  M: Float64Array;
}

function buildSystem(s: Spectrum, eps: number, order: 1 | 2, data: 'both' | 'real' | 'imag', withL: boolean) {
  const N = s.f.length;
  const tau = Float64Array.from(s.f, (f) => 1 / f);
  const k = kernelMatrices(s.f, tau, eps);
  const useR = data !== 'imag';
  const useL = withL && data !== 'real';
  const extra = (useR ? 1 : 0) + (useL ? 1 : 0);
  const P = N + extra;
  const partRows = (data === 'both' ? 2 : 1) * N;
  const rows = new Float64Array(partRows * P);
  const z = new Float64Array(partRows);
  let r = 0;
  if (data !== 'imag') {
    for (let i = 0; i < N; i++, r++) {
      if (useR) rows[r * P] = 1;
      for (let m = 0; m < N; m++) rows[r * P + extra + m] = k.re[i * N + m]!;
      z[r] = s.re[i]!;
    }
  }
  if (data !== 'real') {
    for (let i = 0; i < N; i++, r++) {
      if (useL) rows[r * P + (useR ? 1 : 0)] = 2 * Math.PI * s.f[i]!;
      for (let m = 0; m < N; m++) rows[r * P + extra + m] = k.im[i * N + m]!;
      z[r] = s.im[i]!;
    }
  }
  const pm = penaltyMatrix(tau, eps, order);
  const M = new Float64Array(P * P);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) M[(i + extra) * P + j + extra] = pm[i * N + j]!;
  const G = new Float64Array(P * P);
  const b = new Float64Array(P);
  for (let q = 0; q < partRows; q++) {
    const zq = z[q]!;
    for (let i = 0; i < P; i++) {
      const ai = rows[q * P + i]!;
      if (ai === 0) continue;
      b[i] += ai * zq;
      for (let j = 0; j <= i; j++) G[i * P + j] += ai * rows[q * P + j]!;
    }
  }
  for (let i = 0; i < P; i++) for (let j = 0; j < i; j++) G[j * P + i] = G[i * P + j]!;
  const sys: System = { rows, z, n: partRows, P, G, b, M };
  return { sys, tau, kernels: k, useR, useL, extra };
}

/** Unconstrained ridge solution for λ and the trace of the influence matrix. */
function ridge(sys: System, lambda: number): { x: Float64Array; trace: number; residual2: number; penalty: number } | undefined {
  const P = sys.P;
  const a = new Float64Array(P * P);
  // Unit-diagonal scaling for the Cholesky step (the L₀ column dwarfs the others).
  const d = new Float64Array(P);
  for (let i = 0; i < P; i++) {
    const v = sys.G[i * P + i]! + lambda * sys.M[i * P + i]!;
    d[i] = v > 0 ? 1 / Math.sqrt(v) : 1;
  }
  for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) a[i * P + j] = (sys.G[i * P + j]! + lambda * sys.M[i * P + j]!) * d[i]! * d[j]!;
  if (!cholesky(a, P)) {
    // Nearest-PD fallback: a small diagonal shift.
    for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) a[i * P + j] = (sys.G[i * P + j]! + lambda * sys.M[i * P + j]!) * d[i]! * d[j]! + (i === j ? 1e-12 : 0);
    if (!cholesky(a, P)) return undefined;
  }
  const x = Float64Array.from(sys.b, (v, i) => v * d[i]!);
  choleskySolve(a, P, x);
  for (let i = 0; i < P; i++) x[i] = x[i]! * d[i]!;
  // tr(K) = tr((G + λM)⁻¹ G), column by column.
  let trace = 0;
  const col = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    for (let i = 0; i < P; i++) col[i] = sys.G[i * P + j]! * d[i]!;
    choleskySolve(a, P, col);
    trace += col[j]! * d[j]!;
  }
  let residual2 = 0;
  for (let q = 0; q < sys.n; q++) {
    let v = -sys.z[q]!;
    for (let i = 0; i < P; i++) v += sys.rows[q * P + i]! * x[i]!;
    residual2 += v * v;
  }
  let penalty = 0;
  for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) penalty += x[i]! * sys.M[i * P + j]! * x[j]!;
  return { x, trace, residual2, penalty };
}

function gcvScore(sys: System, lnLambda: number): number {
  const r = ridge(sys, Math.exp(lnLambda));
  if (!r) return Infinity;
  const n = sys.n;
  const den = (n - r.trace) / n;
  return r.residual2 / n / (den * den);
}

/** Grid search over ln λ, then golden-section refinement in the best bracket. */
function minimiseOnGrid(fn: (lnL: number) => number, lo: number, hi: number, perDecade = 5): number {
  const steps = Math.max(4, Math.ceil(((hi - lo) / Math.LN10) * perDecade));
  let bestI = 0;
  let best = Infinity;
  const vals: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const v = fn(lo + ((hi - lo) * i) / steps);
    vals.push(v);
    if (v < best) {
      best = v;
      bestI = i;
    }
  }
  let a = lo + ((hi - lo) * Math.max(0, bestI - 1)) / steps;
  let b = lo + ((hi - lo) * Math.min(steps, bestI + 1)) / steps;
  const gr = (Math.sqrt(5) - 1) / 2;
  let c1 = b - gr * (b - a);
  let c2 = a + gr * (b - a);
  let f1 = fn(c1);
  let f2 = fn(c2);
  for (let it = 0; it < 60 && b - a > 1e-3; it++) {
    if (f1 < f2) {
      b = c2;
      c2 = c1;
      f2 = f1;
      c1 = b - gr * (b - a);
      f1 = fn(c1);
    } else {
      a = c1;
      c1 = c2;
      f1 = f2;
      c2 = a + gr * (b - a);
      f2 = fn(c2);
    }
  }
  const x = (a + b) / 2;
  return fn(x) <= best ? x : lo + ((hi - lo) * bestI) / steps;
}

/** L-curve corner: maximum curvature of (log‖Ax − z‖², log xᵀMx) against ln λ (finite differences). */
function lCurveCorner(sys: System, lo: number, hi: number): number {
  const steps = Math.ceil(((hi - lo) / Math.LN10) * 10);
  const t: number[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const l = lo + ((hi - lo) * i) / steps;
    const r = ridge(sys, Math.exp(l));
    if (!r || !(r.residual2 > 0) || !(r.penalty > 0)) continue;
    t.push(l);
    xs.push(Math.log(r.residual2));
    ys.push(Math.log(r.penalty));
  }
  let best = t[Math.floor(t.length / 2)] ?? Math.log(1e-3);
  let bestK = -Infinity;
  for (let i = 1; i + 1 < t.length; i++) {
    const h1 = t[i]! - t[i - 1]!;
    const h2 = t[i + 1]! - t[i]!;
    const d1x = (xs[i + 1]! - xs[i - 1]!) / (h1 + h2);
    const d1y = (ys[i + 1]! - ys[i - 1]!) / (h1 + h2);
    const d2x = (2 * ((xs[i + 1]! - xs[i]!) / h2 - (xs[i]! - xs[i - 1]!) / h1)) / (h1 + h2);
    const d2y = (2 * ((ys[i + 1]! - ys[i]!) / h2 - (ys[i]! - ys[i - 1]!) / h1)) / (h1 + h2);
    // Signed curvature; the corner of the L is where it is most positive.
    const k = (d1x * d2y - d2x * d1y) / Math.pow(d1x * d1x + d1y * d1y, 1.5);
    if (Number.isFinite(k) && k > bestK) {
      bestK = k;
      best = t[i]!;
    }
  }
  return best;
}

/**
 * GCV scores (pyDRTtools `compute_GCV` definition) of the unconstrained ridge problem at the
 * given λ values, for inspecting the λ choice.
 * @example
 * const scores = drtGcvCurve(spectrum, [1e-6, 1e-4, 1e-2]);
 */
export function drtGcvCurve(spectrum: Spectrum, lambdas: ArrayLike<number>, options: Pick<DrtOptions, 'penalty' | 'data' | 'inductance' | 'coeff' | 'shape'> = {}): Float64Array {
  checkSpectrum(spectrum);
  const eps = options.shape === 'factor' ? options.coeff ?? 0.5 : gaussianEpsilon(spectrum.f, options.coeff ?? 0.5);
  const { sys } = buildSystem(spectrum, eps, options.penalty ?? 1, options.data ?? 'both', (options.inductance ?? 'fit') === 'fit');
  return Float64Array.from(Array.from(lambdas), (l) => gcvScore(sys, Math.log(l)));
}

/**
 * Computes the DRT of a spectrum.
 * @example
 * const drt = computeDrt(spectrum);             // λ by GCV, 1st-order penalty, R∞ and L₀ fitted
 * drt.peaks.map((p) => [p.tau, p.resistance]);  // time constant and resistance of each process
 */
export function computeDrt(spectrum: Spectrum, options: DrtOptions = {}): DrtResult {
  checkSpectrum(spectrum);
  const opts = {
    lambda: options.lambda ?? 'gcv',
    penalty: options.penalty ?? 1,
    data: options.data ?? 'both',
    inductance: options.inductance ?? 'fit',
    coeff: options.coeff ?? 0.5,
    shape: options.shape ?? 'fwhm',
    extendDecades: options.extendDecades ?? 0.5,
    pointsPerFrequency: options.pointsPerFrequency ?? 10,
    peakThreshold: options.peakThreshold ?? 0.01,
    lambdaRange: options.lambdaRange ?? ([1e-7, 1] as [number, number]),
  };
  if (opts.penalty !== 1 && opts.penalty !== 2) throw new AnalysisError(`DRT penalty order must be 1 or 2, got ${opts.penalty}`, { format: 'eis.drt' });
  if (!['both', 'real', 'imag'].includes(opts.data)) throw new AnalysisError(`invalid DRT data selection ${opts.data}`, { format: 'eis.drt', expected: "'both', 'real' or 'imag'" });
  if (!['fit', 'none', 'discard'].includes(opts.inductance)) throw new AnalysisError(`invalid DRT inductance mode ${opts.inductance}`, { format: 'eis.drt', expected: "'fit', 'none' or 'discard'" });
  if (typeof opts.lambda === 'number' && !(opts.lambda > 0)) throw new AnalysisError(`λ must be positive, got ${opts.lambda}`, { format: 'eis.drt' });
  if (typeof opts.lambda === 'string' && !['gcv', 'lcurve'].includes(opts.lambda)) throw new AnalysisError(`invalid λ selection ${opts.lambda}`, { format: 'eis.drt', expected: "a number, 'gcv' or 'lcurve'" });
  if (!(opts.coeff > 0)) throw new AnalysisError(`RBF coefficient must be positive, got ${opts.coeff}`, { format: 'eis.drt' });
  let s = spectrum;
  if (opts.inductance === 'discard') {
    const keep: number[] = [];
    for (let i = 0; i < s.f.length; i++) if (s.im[i]! < 0) keep.push(i);
    s = { f: Float64Array.from(keep, (i) => spectrum.f[i]!), re: Float64Array.from(keep, (i) => spectrum.re[i]!), im: Float64Array.from(keep, (i) => spectrum.im[i]!) };
  }
  const N = s.f.length;
  if (N < 3) throw new AnalysisError(`DRT needs at least 3 frequencies, got ${N}`, { format: 'eis.drt' });
  // Dense N×N kernels and O(N³) solves: refuse sizes no impedance sweep has.
  if (N > MAX_DRT_POINTS) throw new LimitError(`DRT of ${N} frequencies exceeds the limit of ${MAX_DRT_POINTS}`, { format: 'eis.drt', hint: 'split the measurement into spectra or decimate it' });
  // Frequencies must be distinct: equal collocation points make the system singular.
  const sorted = Float64Array.from(s.f).sort();
  for (let i = 1; i < N; i++) if (sorted[i] === sorted[i - 1]) throw new AnalysisError(`frequency ${sorted[i]} Hz appears twice`, { format: 'eis.drt', hint: 'average or remove repeated frequencies before computing the DRT' });
  const eps = opts.shape === 'factor' ? opts.coeff : gaussianEpsilon(s.f, opts.coeff);
  const { sys, tau, kernels, useR, useL, extra } = buildSystem(s, eps, opts.penalty, opts.data, opts.inductance === 'fit');
  let lambda: number;
  let lambdaMethod: DrtResult['lambdaMethod'];
  const lo = Math.log(opts.lambdaRange[0]);
  const hi = Math.log(opts.lambdaRange[1]);
  if (typeof opts.lambda === 'number') {
    lambda = opts.lambda;
    lambdaMethod = 'given';
  } else if (opts.lambda === 'lcurve') {
    lambda = Math.exp(lCurveCorner(sys, lo, hi));
    lambdaMethod = 'lcurve';
  } else {
    lambda = Math.exp(minimiseOnGrid((l) => gcvScore(sys, l), lo, hi));
    lambdaMethod = 'gcv';
  }
  const P = sys.P;
  const H = new Float64Array(P * P);
  for (let i = 0; i < P * P; i++) H[i] = sys.G[i]! + lambda * sys.M[i]!;
  const x = nnlsNormal(H, sys.b, P);
  const rInf = useR ? x[0]! : 0;
  const inductance = useL ? x[useR ? 1 : 0]! : 0;
  const coefficients = x.slice(extra);
  // Reconstructed impedance on both parts, whatever was fitted.
  const fitted = { re: new Float64Array(N), im: new Float64Array(N) };
  const residuals = { re: new Float64Array(N), im: new Float64Array(N) };
  for (let i = 0; i < N; i++) {
    let zr = rInf;
    let zi = 2 * Math.PI * s.f[i]! * inductance;
    for (let m = 0; m < N; m++) {
      zr += kernels.re[i * N + m]! * coefficients[m]!;
      zi += kernels.im[i * N + m]! * coefficients[m]!;
    }
    fitted.re[i] = zr;
    fitted.im[i] = zi;
    residuals.re[i] = s.re[i]! - zr;
    residuals.im[i] = s.im[i]! - zi;
  }
  let tmin = Infinity;
  let tmax = -Infinity;
  for (const t of tau) {
    tmin = Math.min(tmin, t);
    tmax = Math.max(tmax, t);
  }
  const nOut = Math.max(2, Math.round(opts.pointsPerFrequency * N));
  const a = Math.log10(tmin) - opts.extendDecades;
  const b = Math.log10(tmax) + opts.extendDecades;
  const tauOut = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) tauOut[i] = Math.pow(10, a + ((b - a) * i) / (nOut - 1));
  const gamma = gammaFromCoefficients(coefficients, tau, eps, tauOut);
  let area = 0;
  for (let i = 1; i < nOut; i++) area += 0.5 * (gamma[i]! + gamma[i - 1]!) * Math.log(tauOut[i]! / tauOut[i - 1]!);
  return {
    method: 'drt-tikhonov-rbf',
    version: VERSION,
    lambda,
    lambdaMethod,
    epsilon: eps,
    rInf,
    inductance,
    tauCollocation: tau,
    coefficients,
    tau: tauOut,
    gamma,
    polarizationResistance: area,
    peaks: findDrtPeaks(tauOut, gamma, opts.peakThreshold),
    f: s.f,
    fitted,
    residuals,
    options: { ...opts, lambda: opts.lambda },
  };
}
