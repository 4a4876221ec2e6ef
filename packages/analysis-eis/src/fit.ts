/**
 * Complex nonlinear least-squares fitting of equivalent circuits (CNLS), following
 * impedance.py `circuit_fit` conventions: stacked real/imaginary residuals, weighting
 * unit/modulus/proportional, default bounds [0, ∞) with exponents in [0, 1], covariance
 * scaled by χ²/(2N − P). Bounds are handled by reparameterisation (log for one-sided,
 * logistic for two-sided bounds), which also scales parameters spanning many decades.
 */
import { AnalysisError, mulberry32 } from '@echemkit/core';
import { compileCircuit, parseCircuit, type Circuit } from './circuit.js';
import { jacobian, levenbergMarquardt, type LmOptions } from './lm.js';
import { spdInverse } from './linalg.js';
import { studentTQuantile } from './stats.js';
import { checkSpectrum, type Spectrum } from './spectrum.js';
import { VERSION } from './version.js';

/** Weighting of the residuals: σ′, σ″ per point (weights 1/σ²). */
export type Weighting = 'unit' | 'modulus' | 'proportional' | { sigmaRe: ArrayLike<number>; sigmaIm: ArrayLike<number> };

/** Options of {@link fitCircuit}. */
export interface FitOptions extends LmOptions {
  /** Parameters held fixed, by name (`R0`, `Wo1_1`). */
  constants?: Record<string, number>;
  /**
   * Bounds of the free parameters: arrays in free-parameter order (impedance.py style), or a
   * map name → [lower, upper]. Defaults: impedance.py `set_default_bounds`.
   */
  bounds?: { lower: ArrayLike<number>; upper: ArrayLike<number> } | Record<string, [number, number]>;
  /** Residual weighting (default 'unit'). */
  weighting?: Weighting;
  /** Number of starts; > 1 adds random starts around the guess (seeded) and keeps the best. Default 1. */
  starts?: number;
  /** Seed of the multi-start generator (default 0). */
  seed?: number;
}

/** One parameter of a fit result. */
export interface FittedParameter {
  name: string;
  unit: string;
  value: number;
  /** One-sigma error; NaN for constants or when the covariance is undefined. */
  stdError: number;
  /** 95 % confidence interval value ± t(0.975, 2N − P)·stdError (NaN when undefined). */
  ci95: [number, number];
  fixed: boolean;
  lower: number;
  upper: number;
}

/** Result of a circuit fit. */
export interface FitResult {
  method: 'cnls-levenberg-marquardt';
  version: string;
  circuit: string;
  /** All parameters in circuit order, constants included. */
  parameters: FittedParameter[];
  /** Parameter values in circuit order (for {@link predictCircuit}). */
  values: number[];
  /** Covariance of the free parameters (row-major, P×P), or null when undefined. */
  covariance: number[][] | null;
  /** Correlation matrix of the free parameters, or null. */
  correlation: number[][] | null;
  /** Weighted χ² = Σ r². */
  chi2: number;
  /** χ²/(2N − P). */
  reducedChi2: number;
  /** Unweighted RMSE of the stacked [ΔZ′, ΔZ″] (impedance.py `rmse`). */
  rmse: number;
  dof: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  message: string;
  /** Fitted impedance at the data frequencies. */
  fitted: { re: Float64Array; im: Float64Array };
  /** Data minus model. */
  residuals: { re: Float64Array; im: Float64Array };
  options: { weighting: string; starts: number; seed: number; ftol: number; xtol: number; maxEvaluations: number; initialGuess: number[]; constants: Record<string, number> };
}

type Transform = { kind: 'log' | 'neglog' | 'logistic' | 'linear'; lo: number; hi: number; scale: number };

function toInternal(t: Transform, p: number): number {
  switch (t.kind) {
    case 'log':
      return Math.log(p - t.lo);
    case 'neglog':
      return Math.log(t.hi - p);
    case 'logistic': {
      const x = (p - t.lo) / (t.hi - t.lo);
      return Math.log(x / (1 - x));
    }
    default:
      return p / t.scale;
  }
}

function toExternal(t: Transform, u: number): number {
  switch (t.kind) {
    case 'log':
      return t.lo + Math.exp(u);
    case 'neglog':
      return t.hi - Math.exp(u);
    case 'logistic':
      return t.lo + (t.hi - t.lo) / (1 + Math.exp(-u));
    default:
      return u * t.scale;
  }
}

/** dp/du at u. */
function derivative(t: Transform, u: number): number {
  switch (t.kind) {
    case 'log':
      return Math.exp(u);
    case 'neglog':
      return -Math.exp(u);
    case 'logistic': {
      const e = Math.exp(-Math.abs(u));
      return ((t.hi - t.lo) * e) / ((1 + e) * (1 + e));
    }
    default:
      return t.scale;
  }
}

/** Moves a guess that sits on or outside a bound just inside it, so the transform is defined. */
function inside(p: number, lo: number, hi: number): number {
  const span = Number.isFinite(lo) && Number.isFinite(hi) ? hi - lo : Math.max(Math.abs(p), Math.abs(lo) || 0, Math.abs(hi) || 0, 1);
  const eps = 1e-10 * span;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return Math.min(Math.max(p, lo + eps), hi - eps);
  if (Number.isFinite(lo) && p <= lo) return lo + (lo !== 0 ? 1e-10 * Math.abs(lo) : 1e-12);
  if (Number.isFinite(hi) && p >= hi) return hi - (hi !== 0 ? 1e-10 * Math.abs(hi) : 1e-12);
  return p;
}

function sigmas(s: Spectrum, w: Weighting): { sr: Float64Array; si: Float64Array; name: string } {
  const n = s.f.length;
  const sr = new Float64Array(n);
  const si = new Float64Array(n);
  let name: string;
  if (w === 'unit') {
    sr.fill(1);
    si.fill(1);
    name = 'unit';
  } else if (w === 'modulus') {
    for (let i = 0; i < n; i++) sr[i] = si[i] = Math.hypot(s.re[i]!, s.im[i]!);
    name = 'modulus';
  } else if (w === 'proportional') {
    for (let i = 0; i < n; i++) {
      sr[i] = Math.abs(s.re[i]!);
      si[i] = Math.abs(s.im[i]!);
    }
    name = 'proportional';
  } else {
    if (w.sigmaRe.length !== n || w.sigmaIm.length !== n) throw new AnalysisError('user weights have the wrong length', { format: 'eis.fit', expected: `${n} values`, actual: `${w.sigmaRe.length}, ${w.sigmaIm.length}` });
    sr.set(Array.from(w.sigmaRe));
    si.set(Array.from(w.sigmaIm));
    name = 'user';
  }
  for (let i = 0; i < n; i++) {
    if (!(sr[i]! > 0) || !(si[i]! > 0) || !Number.isFinite(sr[i]!) || !Number.isFinite(si[i]!)) {
      throw new AnalysisError(`weighting '${name}' gives a zero or invalid standard deviation at point ${i} (f = ${s.f[i]} Hz)`, { format: 'eis.fit', hint: "use 'modulus' weighting or remove points where Z′ or Z″ is zero" });
    }
  }
  return { sr, si, name };
}

/** Free-parameter indices, full vector with constants filled in, and bounds of the free parameters. */
function setup(c: Circuit, guess: ArrayLike<number>, options: FitOptions) {
  const constants = options.constants ?? {};
  for (const k of Object.keys(constants)) {
    if (!c.names.includes(k)) throw new AnalysisError(`constant ${k} is not a parameter of ${c.text}`, { format: 'eis.fit', expected: c.names.join(', ') });
  }
  const free: number[] = [];
  const full = new Float64Array(c.names.length);
  c.names.forEach((nm, i) => {
    if (nm in constants) full[i] = constants[nm]!;
    else free.push(i);
  });
  if (guess.length !== free.length) {
    throw new AnalysisError(`circuit ${c.text} needs ${free.length} initial guesses, got ${guess.length}`, {
      format: 'eis.fit',
      expected: free.map((i) => c.names[i]).join(', '),
      hint: 'give one guess per parameter that is not a constant, in circuit order',
    });
  }
  const lower = free.map((i) => c.bounds[i]![0]);
  const upper = free.map((i) => c.bounds[i]![1]);
  const b = options.bounds;
  if (b) {
    if ('lower' in b && 'upper' in b && typeof (b as { lower: unknown }).lower === 'object') {
      const bb = b as { lower: ArrayLike<number>; upper: ArrayLike<number> };
      if (bb.lower.length !== free.length || bb.upper.length !== free.length) throw new AnalysisError('bounds have the wrong length', { format: 'eis.fit', expected: `${free.length} lower and upper bounds` });
      for (let k = 0; k < free.length; k++) {
        lower[k] = bb.lower[k]!;
        upper[k] = bb.upper[k]!;
      }
    } else {
      for (const [nm, v] of Object.entries(b as Record<string, [number, number]>)) {
        const k = free.findIndex((i) => c.names[i] === nm);
        if (k < 0) throw new AnalysisError(`bound for ${nm}, which is not a free parameter`, { format: 'eis.fit', expected: free.map((i) => c.names[i]).join(', ') });
        lower[k] = v[0];
        upper[k] = v[1];
      }
    }
  }
  for (let k = 0; k < free.length; k++) {
    if (!(lower[k]! < upper[k]!)) throw new AnalysisError(`lower bound ${lower[k]} is not below upper bound ${upper[k]} for ${c.names[free[k]!]}`, { format: 'eis.fit' });
    if (!Number.isFinite(guess[k]!)) throw new AnalysisError(`initial guess for ${c.names[free[k]!]} is not finite`, { format: 'eis.fit' });
  }
  return { constants, free, full, lower, upper };
}

/**
 * Fits a circuit to a spectrum.
 * @example
 * const res = fitCircuit(spectrum, 'R0-p(R1,C1)-p(R2-Wo1,C2)', [0.01, 0.01, 100, 0.01, 0.05, 100, 1]);
 * res.parameters.map((p) => `${p.name} = ${p.value} ± ${p.stdError} ${p.unit}`);
 */
export function fitCircuit(spectrum: Spectrum, circuit: string | Circuit, initialGuess: ArrayLike<number>, options: FitOptions = {}): FitResult {
  checkSpectrum(spectrum);
  const c = typeof circuit === 'string' ? parseCircuit(circuit) : circuit;
  const { constants, free, full, lower, upper } = setup(c, initialGuess, options);
  const n = spectrum.f.length;
  const P = free.length;
  const m = 2 * n;
  if (m < P) throw new AnalysisError(`${n} points cannot determine ${P} parameters`, { format: 'eis.fit', expected: `at least ${Math.ceil(P / 2)} frequencies` });
  const { sr, si, name: wName } = sigmas(spectrum, options.weighting ?? 'unit');
  const ev = compileCircuit(c, spectrum.f);
  const transforms: Transform[] = free.map((_, k) => {
    const lo = lower[k]!;
    const hi = upper[k]!;
    const fl = Number.isFinite(lo);
    const fh = Number.isFinite(hi);
    if (fl && fh) return { kind: 'logistic', lo, hi, scale: 1 };
    if (fl) return { kind: 'log', lo, hi, scale: 1 };
    if (fh) return { kind: 'neglog', lo, hi, scale: 1 };
    return { kind: 'linear', lo, hi, scale: Math.abs(initialGuess[k]!) || 1 };
  });
  const params = Float64Array.from(full);
  const residual = (u: Float64Array, out: Float64Array) => {
    for (let k = 0; k < P; k++) params[free[k]!] = toExternal(transforms[k]!, u[k]!);
    const z = ev.eval(params);
    for (let i = 0; i < n; i++) {
      out[i] = (z.re[i]! - spectrum.re[i]!) / sr[i]!;
      out[n + i] = (z.im[i]! - spectrum.im[i]!) / si[i]!;
    }
  };
  const lmOpts: LmOptions = { ftol: options.ftol ?? 1e-13, xtol: options.xtol ?? 1e-10, maxEvaluations: options.maxEvaluations ?? 1e5, maxStep: options.maxStep ?? 1, initialDamping: options.initialDamping ?? 1 };
  const u0 = Float64Array.from(free, (_, k) => toInternal(transforms[k]!, inside(initialGuess[k]!, lower[k]!, upper[k]!)));
  let best = levenbergMarquardt(residual, u0, m, lmOpts);
  const starts = Math.max(1, Math.floor(options.starts ?? 1));
  const seed = options.seed ?? 0;
  let iterations = best.iterations;
  let evaluations = best.evaluations;
  if (starts > 1) {
    // Deterministic multi-start: the same fit on every run.
    const rand = mulberry32(seed);
    for (let s = 1; s < starts; s++) {
      // Random start: each parameter scaled by up to a decade either way (one-sided bounds), or
      // moved by up to ±3 in the logistic variable.
      const us = Float64Array.from(u0, (u, k) => (transforms[k]!.kind === 'linear' ? u * Math.pow(10, 2 * rand() - 1) : u + (transforms[k]!.kind === 'logistic' ? 6 : 2 * Math.LN10) * (rand() - 0.5)));
      const r = levenbergMarquardt(residual, us, m, lmOpts);
      iterations += r.iterations;
      evaluations += r.evaluations;
      if (Number.isFinite(r.chi2) && (!Number.isFinite(best.chi2) || r.chi2 < best.chi2)) best = r;
    }
  }
  if (!Number.isFinite(best.chi2)) throw new AnalysisError(`fit of ${c.text} failed: ${best.reason}`, { format: 'eis.fit', hint: 'check the initial guess' });
  // Final state, covariance from a central-difference Jacobian in the internal variables
  // mapped back with the chain rule.
  const r = new Float64Array(m);
  residual(best.u, r);
  const values = Array.from(params);
  const jac = new Float64Array(m * P);
  evaluations += jacobian(residual, Float64Array.from(best.u), r, jac, true);
  residual(best.u, r);
  let chi2 = 0;
  for (let i = 0; i < m; i++) chi2 += r[i]! * r[i]!;
  const dof = m - P;
  const s2 = dof > 0 ? chi2 / dof : NaN;
  const jtj = new Float64Array(P * P);
  for (let i = 0; i < m; i++) for (let a = 0; a < P; a++) for (let b = 0; b < P; b++) jtj[a * P + b] += jac[i * P + a]! * jac[i * P + b]!;
  const inv = P > 0 ? spdInverse(jtj, P) : undefined;
  let covariance: number[][] | null = null;
  let correlation: number[][] | null = null;
  const stdErr = new Float64Array(P).fill(NaN);
  let message = best.reason;
  if (inv && dof > 0) {
    const d = Float64Array.from(best.u, (u, k) => derivative(transforms[k]!, u));
    covariance = [];
    for (let a = 0; a < P; a++) {
      const row: number[] = [];
      for (let b = 0; b < P; b++) row.push(s2 * inv[a * P + b]! * d[a]! * d[b]!);
      covariance.push(row);
      stdErr[a] = Math.sqrt(row[a]!);
    }
    correlation = covariance.map((row, a) => row.map((v, b) => v / Math.sqrt(covariance![a]![a]! * covariance![b]![b]!)));
  } else if (P > 0) {
    message += '; covariance undefined (singular Jacobian or no degrees of freedom)';
  }
  const z = ev.eval(params);
  const fitted = { re: z.re.slice(), im: z.im.slice() };
  const residuals = { re: new Float64Array(n), im: new Float64Array(n) };
  let ss = 0;
  for (let i = 0; i < n; i++) {
    residuals.re[i] = spectrum.re[i]! - fitted.re[i]!;
    residuals.im[i] = spectrum.im[i]! - fitted.im[i]!;
    ss += residuals.re[i]! ** 2 + residuals.im[i]! ** 2;
  }
  const t95 = dof > 0 ? studentTQuantile(0.975, dof) : NaN;
  const parameters: FittedParameter[] = c.names.map((nm, i) => {
    const k = free.indexOf(i);
    const se = k >= 0 ? stdErr[k]! : NaN;
    return {
      name: nm,
      unit: c.units[i]!,
      value: values[i]!,
      stdError: se,
      ci95: [values[i]! - t95 * se, values[i]! + t95 * se],
      fixed: k < 0,
      lower: k >= 0 ? lower[k]! : values[i]!,
      upper: k >= 0 ? upper[k]! : values[i]!,
    };
  });
  return {
    method: 'cnls-levenberg-marquardt',
    version: VERSION,
    circuit: c.text,
    parameters,
    values,
    covariance,
    correlation,
    chi2,
    reducedChi2: s2,
    rmse: Math.sqrt(ss / m),
    dof,
    iterations,
    evaluations,
    converged: best.converged,
    message,
    fitted,
    residuals,
    options: { weighting: wName, starts, seed, ftol: lmOpts.ftol!, xtol: lmOpts.xtol!, maxEvaluations: lmOpts.maxEvaluations!, initialGuess: Array.from(initialGuess), constants: { ...constants } },
  };
}
