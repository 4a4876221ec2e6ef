/**
 * Levenberg–Marquardt for nonlinear least squares, written for EIS fits: Marquardt
 * diagonal scaling, damping updated from the ratio of actual to predicted reduction
 * (Nielsen's rule), forward-difference Jacobian with relative steps. Works in the
 * unconstrained variables of {@link ./transform.ts}; bounds are handled there.
 */
import { cholesky, choleskySolve } from './linalg.js';

/** Writes the residual vector for variables `u` into `out`. */
export type ResidualFunction = (u: Float64Array, out: Float64Array) => void;

/** Stopping rules. */
export interface LmOptions {
  /** Stop when an accepted step reduces χ² by less than ftol·χ² (impedance.py: 1e-13). */
  ftol?: number;
  /** Stop when the step is below xtol·(‖u‖ + xtol). */
  xtol?: number;
  /** Maximum residual evaluations (impedance.py maxfev: 1e5). */
  maxEvaluations?: number;
  /** Largest change of any variable in one step (trust-region-like cap; default 1, i.e. a factor e in log variables). */
  maxStep?: number;
  /** Initial damping relative to the diagonal (default 1). */
  initialDamping?: number;
}

export interface LmResult {
  u: Float64Array;
  chi2: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: string;
}

const SQRT_EPS = Math.sqrt(Number.EPSILON);

function sumSq(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return s;
}

/** Forward-difference Jacobian (m×p, row-major) at u, given r(u). Returns evaluations used. */
export function jacobian(fn: ResidualFunction, u: Float64Array, r: Float64Array, jac: Float64Array, central = false): number {
  const m = r.length;
  const p = u.length;
  const r1 = new Float64Array(m);
  const r2 = central ? new Float64Array(m) : r1;
  let evals = 0;
  for (let k = 0; k < p; k++) {
    const uk = u[k]!;
    const h = (central ? Math.cbrt(Number.EPSILON) : SQRT_EPS) * Math.max(1, Math.abs(uk));
    u[k] = uk + h;
    fn(u, r1);
    evals++;
    if (central) {
      u[k] = uk - h;
      fn(u, r2);
      evals++;
      for (let i = 0; i < m; i++) jac[i * p + k] = (r1[i]! - r2[i]!) / (2 * h);
    } else {
      for (let i = 0; i < m; i++) jac[i * p + k] = (r1[i]! - r[i]!) / h;
    }
    u[k] = uk;
  }
  return evals;
}

/**
 * Minimises ‖r(u)‖² from u0.
 * @example
 * const res = levenbergMarquardt((u, out) => { out[0] = u[0]! - 3; }, new Float64Array([0]), 1);
 */
export function levenbergMarquardt(fn: ResidualFunction, u0: Float64Array, m: number, options: LmOptions = {}): LmResult {
  const ftol = options.ftol ?? 1e-13;
  const xtol = options.xtol ?? 1e-10;
  const maxEval = options.maxEvaluations ?? 1e5;
  const maxStep = options.maxStep ?? 1;
  const p = u0.length;
  const u = Float64Array.from(u0);
  const r = new Float64Array(m);
  const rNew = new Float64Array(m);
  const uNew = new Float64Array(p);
  const jac = new Float64Array(m * p);
  const a = new Float64Array(p * p);
  const g = new Float64Array(p);
  const d = new Float64Array(p);
  const lhs = new Float64Array(p * p);
  const step = new Float64Array(p);
  fn(u, r);
  let evals = 1;
  let chi2 = sumSq(r);
  if (!Number.isFinite(chi2)) return { u, chi2, iterations: 0, evaluations: evals, converged: false, reason: 'model is not finite at the initial guess' };
  if (p === 0) return { u, chi2, iterations: 0, evaluations: evals, converged: true, reason: 'no free parameters' };
  let mu = -1;
  let nu = 2;
  let iter = 0;
  let reason = 'maximum number of evaluations reached';
  let converged = false;
  outer: while (evals < maxEval) {
    iter++;
    evals += jacobian(fn, u, r, jac);
    a.fill(0);
    g.fill(0);
    for (let i = 0; i < m; i++) {
      const ri = r[i]!;
      const row = i * p;
      for (let j = 0; j < p; j++) {
        const jij = jac[row + j]!;
        g[j] += jij * ri;
        for (let k = 0; k <= j; k++) a[j * p + k] += jij * jac[row + k]!;
      }
    }
    let dmax = 0;
    let gmax = 0;
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) a[k * p + j] = a[j * p + k]!;
      dmax = Math.max(dmax, a[j * p + j]!);
      gmax = Math.max(gmax, Math.abs(g[j]!));
    }
    if (gmax === 0 || chi2 === 0) {
      converged = true;
      reason = 'gradient is zero';
      break;
    }
    for (let j = 0; j < p; j++) d[j] = Math.max(a[j * p + j]!, 1e-12 * dmax, 1e-300);
    if (mu < 0) mu = options.initialDamping ?? 1;
    // Inner loop: raise damping until a step reduces χ².
    for (;;) {
      if (evals >= maxEval) break outer;
      lhs.set(a);
      for (let j = 0; j < p; j++) lhs[j * p + j] += mu * d[j]!;
      for (let j = 0; j < p; j++) step[j] = -g[j]!;
      if (!cholesky(lhs, p)) {
        mu *= nu;
        nu *= 2;
        if (mu > 1e30) {
          reason = 'damping diverged (singular normal equations)';
          break outer;
        }
        continue;
      }
      choleskySolve(lhs, p, step);
      // Cap the step: long jumps in flat valleys lead away from the nearby minimum.
      let big = 0;
      for (let j = 0; j < p; j++) big = Math.max(big, Math.abs(step[j]!));
      if (big > maxStep) for (let j = 0; j < p; j++) step[j] = (step[j]! * maxStep) / big;
      // Predicted reduction of the linear model: −(2gᵀδ + δᵀAδ).
      let pred = 0;
      for (let j = 0; j < p; j++) {
        let ad = 0;
        for (let k = 0; k < p; k++) ad += a[j * p + k]! * step[k]!;
        pred -= step[j]! * (2 * g[j]! + ad);
      }
      let stepNorm = 0;
      let uNorm = 0;
      for (let j = 0; j < p; j++) {
        uNew[j] = u[j]! + step[j]!;
        stepNorm += step[j]! * step[j]!;
        uNorm += u[j]! * u[j]!;
      }
      stepNorm = Math.sqrt(stepNorm);
      uNorm = Math.sqrt(uNorm);
      fn(uNew, rNew);
      evals++;
      const chi2New = sumSq(rNew);
      const rho = Number.isFinite(chi2New) && pred > 0 ? (chi2 - chi2New) / pred : -1;
      if (rho > 0) {
        const drop = chi2 - chi2New;
        u.set(uNew);
        r.set(rNew);
        chi2 = chi2New;
        mu *= Math.max(1 / 3, 1 - Math.pow(2 * rho - 1, 3));
        nu = 2;
        if (drop <= ftol * chi2) {
          converged = true;
          reason = `relative reduction of chi-square below ftol=${ftol}`;
          break outer;
        }
        if (stepNorm <= xtol * (uNorm + xtol)) {
          converged = true;
          reason = `step below xtol=${xtol}`;
          break outer;
        }
        break;
      }
      if (stepNorm <= xtol * (uNorm + xtol)) {
        converged = true;
        reason = `no further reduction possible (step below xtol=${xtol})`;
        break outer;
      }
      mu *= nu;
      nu *= 2;
      if (mu > 1e30) {
        converged = true;
        reason = 'no further reduction possible (damping limit)';
        break outer;
      }
    }
  }
  return { u, chi2, iterations: iter, evaluations: evals, converged, reason };
}
