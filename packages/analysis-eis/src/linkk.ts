/**
 * Lin-KK validity test (Schönleber, Klotz, Ivers-Tiffée, Electrochim. Acta 131 (2014) 20):
 * a Kramers–Kronig compliant series of R0, M RC elements with fixed log-spaced time
 * constants and an inductance (optionally a capacitance) fitted by linear least squares
 * with |Z| weighting; M is chosen by the μ criterion. Follows impedance.py `linKK`
 * (start at M = 1, cut-off 0.85, fit_type 'real').
 */
import { AnalysisError } from '@echemkit/core';
import { Matrix, pseudoInverse } from 'ml-matrix';
import { checkSpectrum, type Spectrum } from './spectrum.js';
import { VERSION } from './version.js';

/** Options of {@link linKK}. */
export interface LinKKOptions {
  /** μ cut-off; null uses maxM elements directly (default 0.85). */
  c?: number | null;
  /** Largest number of RC elements (default 50). */
  maxM?: number;
  /** Which part is fitted by least squares first (default 'real'). */
  fitType?: 'real' | 'imag' | 'complex';
  /** Add a series capacitance (spectra without a low-frequency real-axis intercept). */
  addCapacitance?: boolean;
}

/** Result of {@link linKK}. */
export interface LinKKResult {
  method: 'lin-kk';
  version: string;
  /** Number of RC elements used. */
  M: number;
  /** Under/over-fitting measure μ = 1 − Σ|R_k<0| / Σ|R_k≥0|. */
  mu: number;
  /** Time constants τ_k (s). */
  tau: Float64Array;
  /** Ohmic resistance R0 (Ω). */
  R0: number;
  /** RC resistances R_k (Ω). */
  R: Float64Array;
  /** Series inductance (H). */
  L: number;
  /** Series capacitance (F), when added. */
  C?: number;
  /** Model impedance at the data frequencies. */
  fitted: { re: Float64Array; im: Float64Array };
  /** Relative residuals (Z − Ẑ)/|Z| per point (multiply by 100 for %). */
  residuals: { re: Float64Array; im: Float64Array };
  /** Σ(Δ′² + Δ″²). */
  pseudoChi2: number;
  options: { c: number | null; maxM: number; fitType: string; addCapacitance: boolean };
}

/**
 * Log-spaced time constants τ_1 = 1/(2π f_max) … τ_M = 1/(2π f_min) (impedance.py `get_tc_distribution`).
 * @example
 * const tau = linKKTimeConstants(spectrum.f, 10);
 */
export function linKKTimeConstants(f: ArrayLike<number>, M: number): Float64Array {
  let fmin = Infinity;
  let fmax = -Infinity;
  for (let i = 0; i < f.length; i++) {
    fmin = Math.min(fmin, f[i]!);
    fmax = Math.max(fmax, f[i]!);
  }
  const tmin = 1 / (2 * Math.PI * fmax);
  const tmax = 1 / (2 * Math.PI * fmin);
  const ts = new Float64Array(M);
  ts[0] = tmin;
  ts[M - 1] = tmax;
  for (let k = 2; k < M; k++) ts[k - 1] = Math.pow(10, Math.log10(tmin) + ((k - 1) / (M - 1)) * Math.log10(tmax / tmin));
  return ts;
}

/** numpy-style pseudo-inverse solve (singular values below 1e-15·s_max dropped). */
function pinvSolve(a: number[][], b: number[]): number[] {
  const m = new Matrix(a);
  const pinv = pseudoInverse(m, 1e-15 / Math.max(m.rows, m.columns));
  return pinv.mmul(Matrix.columnVector(b)).getColumn(0);
}

interface Elements {
  r0: number;
  rk: Float64Array;
  cinv: number;
  l: number;
}

function evalModel(e: Elements, ts: Float64Array, w: Float64Array, re: Float64Array, im: Float64Array, withCap: boolean): void {
  for (let i = 0; i < w.length; i++) {
    let zr = e.r0;
    let zi = w[i]! * e.l;
    for (let k = 0; k < ts.length; k++) {
      const x = w[i]! * ts[k]!;
      const d = 1 + x * x;
      zr += e.rk[k]! / d;
      zi -= (e.rk[k]! * x) / d;
    }
    if (withCap) zi -= e.cinv / w[i]!;
    re[i] = zr;
    im[i] = zi;
  }
}

function computeMu(rk: Float64Array): number {
  let neg = 0;
  let pos = 0;
  for (const r of rk) {
    if (r < 0) neg += -r;
    else pos += r;
  }
  return 1 - neg / pos;
}

function fitFixed(s: Spectrum, w: Float64Array, mod: Float64Array, ts: Float64Array, fitType: string, addCap: boolean): { e: Elements; mu: number } {
  const n = s.f.length;
  const M = ts.length;
  const ncol = M + (addCap ? 3 : 2);
  // Column layout: R0, R_1..R_M, [1/C], L.
  const aRe: number[][] = [];
  const aIm: number[][] = [];
  for (let i = 0; i < n; i++) {
    const rr = new Array<number>(ncol).fill(0);
    const ri = new Array<number>(ncol).fill(0);
    rr[0] = 1 / mod[i]!;
    for (let k = 0; k < M; k++) {
      const x = w[i]! * ts[k]!;
      const d = 1 + x * x;
      rr[k + 1] = 1 / d / mod[i]!;
      ri[k + 1] = -x / d / mod[i]!;
    }
    if (addCap) ri[ncol - 2] = -1 / (w[i]! * mod[i]!);
    ri[ncol - 1] = w[i]! / mod[i]!;
    aRe.push(rr);
    aIm.push(ri);
  }
  const bRe = Array.from(s.re, (v, i) => v / mod[i]!);
  const bIm = Array.from(s.im, (v, i) => v / mod[i]!);
  let x: number[];
  const tmpRe = new Float64Array(n);
  const tmpIm = new Float64Array(n);
  const toElements = (v: number[]): Elements => ({ r0: v[0]!, rk: Float64Array.from(v.slice(1, M + 1)), cinv: addCap ? v[ncol - 2]! : 0, l: v[ncol - 1]! });
  if (fitType === 'real') {
    x = pinvSolve(aRe, bRe);
    // The real-part fit cannot see L and 1/C; fit them to the imaginary residual.
    const e = toElements(x);
    e.l = 0;
    e.cinv = 0;
    evalModel(e, ts, w, tmpRe, tmpIm, addCap);
    const a2: number[][] = [];
    for (let i = 0; i < n; i++) a2.push(addCap ? [-1 / (w[i]! * mod[i]!), w[i]! / mod[i]!] : [w[i]! / mod[i]!]);
    const coefs = pinvSolve(
      a2,
      Array.from(s.im, (v, i) => (v - tmpIm[i]!) / mod[i]!),
    );
    if (addCap) {
      e.cinv = coefs[0]!;
      e.l = coefs[1]!;
    } else e.l = coefs[0]!;
    return { e, mu: computeMu(e.rk) };
  }
  if (fitType === 'imag') {
    x = pinvSolve(aIm, bIm);
    const e = toElements(x);
    e.r0 = 0;
    evalModel(e, ts, w, tmpRe, tmpIm, addCap);
    // Boukamp's weighted mean for the ohmic resistance (weights 1/|Z|²).
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      const wt = 1 / (mod[i]! * mod[i]!);
      num += wt * (s.re[i]! - tmpRe[i]!);
      den += wt;
    }
    e.r0 = num / den;
    return { e, mu: computeMu(e.rk) };
  }
  // Complex: normal equations of both parts.
  const ata = Matrix.zeros(ncol, ncol);
  const atb = new Array<number>(ncol).fill(0);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < ncol; a++) {
      atb[a] += aRe[i]![a]! * bRe[i]! + aIm[i]![a]! * bIm[i]!;
      for (let b = 0; b < ncol; b++) ata.set(a, b, ata.get(a, b) + aRe[i]![a]! * aRe[i]![b]! + aIm[i]![a]! * aIm[i]![b]!);
    }
  }
  x = pseudoInverse(ata, 1e-15 / ncol).mmul(Matrix.columnVector(atb)).getColumn(0);
  const e = toElements(x);
  return { e, mu: computeMu(e.rk) };
}

/**
 * Runs the Lin-KK test.
 * @example
 * const kk = linKK(spectrum);           // M chosen by μ ≤ 0.85
 * kk.residuals.re.map((r) => 100 * r);  // relative residuals in %
 */
export function linKK(spectrum: Spectrum, options: LinKKOptions = {}): LinKKResult {
  checkSpectrum(spectrum);
  const c = options.c === undefined ? 0.85 : options.c;
  const maxM = Math.floor(options.maxM ?? 50);
  const fitType = options.fitType ?? 'real';
  const addCap = options.addCapacitance ?? false;
  if (!['real', 'imag', 'complex'].includes(fitType)) throw new AnalysisError(`invalid Lin-KK fit type ${fitType}`, { format: 'eis.linkk', expected: "'real', 'imag' or 'complex'" });
  if (!(maxM >= 1)) throw new AnalysisError(`maxM must be at least 1, got ${options.maxM}`, { format: 'eis.linkk' });
  const n = spectrum.f.length;
  if (n < 2) throw new AnalysisError('Lin-KK needs at least 2 frequencies', { format: 'eis.linkk' });
  const w = Float64Array.from(spectrum.f, (f) => 2 * Math.PI * f);
  const mod = Float64Array.from(spectrum.re, (r, i) => Math.hypot(r, spectrum.im[i]!));
  let M: number;
  let best: { e: Elements; mu: number };
  let ts: Float64Array;
  if (c === null) {
    M = maxM;
    ts = linKKTimeConstants(spectrum.f, M);
    best = fitFixed(spectrum, w, mod, ts, fitType, addCap);
  } else {
    M = 0;
    let mu = 1;
    ts = new Float64Array(0);
    best = { e: { r0: 0, rk: new Float64Array(0), cinv: 0, l: 0 }, mu: 1 };
    while (mu > c && M < maxM) {
      M++;
      ts = linKKTimeConstants(spectrum.f, M);
      best = fitFixed(spectrum, w, mod, ts, fitType, addCap);
      mu = best.mu;
    }
  }
  const fitted = { re: new Float64Array(n), im: new Float64Array(n) };
  evalModel(best.e, ts, w, fitted.re, fitted.im, addCap);
  const residuals = { re: new Float64Array(n), im: new Float64Array(n) };
  let chi = 0;
  for (let i = 0; i < n; i++) {
    residuals.re[i] = (spectrum.re[i]! - fitted.re[i]!) / mod[i]!;
    residuals.im[i] = (spectrum.im[i]! - fitted.im[i]!) / mod[i]!;
    chi += residuals.re[i]! ** 2 + residuals.im[i]! ** 2;
  }
  const out: LinKKResult = {
    method: 'lin-kk',
    version: VERSION,
    M,
    mu: best.mu,
    tau: ts,
    R0: best.e.r0,
    R: best.e.rk,
    L: best.e.l,
    fitted,
    residuals,
    pseudoChi2: chi,
    options: { c, maxM, fitType, addCapacitance: addCap },
  };
  if (addCap) out.C = 1 / best.e.cinv;
  return out;
}
