/**
 * A small bounded Levenberg–Marquardt (Marquardt's diagonal scaling, relative finite-difference
 * Jacobian, bounds by reparameterisation: p = lo + (hi − lo)(1 + sin u)/2, or lo + e^u when only
 * the lower bound is finite). Returns the covariance s²(JᵀJ)⁻¹ in the parameters' own space.
 */
import { inverse, Matrix, solve } from 'ml-matrix';

export interface LmProblem {
  /** Model residuals r(p) (model − data, optionally weighted) written into `out`. */
  residuals(p: Float64Array, out: Float64Array): void;
  /** Number of residuals. */
  size: number;
  initial: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

export interface LmResult {
  parameters: Float64Array;
  chiSquare: number;
  reducedChiSquare: number;
  /** Covariance C = s²(JᵀJ)⁻¹ with s² = χ²/(N − P); null when JᵀJ is singular. */
  covariance: number[][] | null;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

const EPS = Math.sqrt(Number.EPSILON);

function toInternal(p: number, lo: number, hi: number): number {
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    const s = Math.min(1, Math.max(-1, (2 * (p - lo)) / (hi - lo) - 1));
    return Math.asin(s * (1 - 1e-12));
  }
  if (Number.isFinite(lo)) return Math.log(Math.max(p - lo, 1e-300));
  if (Number.isFinite(hi)) return Math.log(Math.max(hi - p, 1e-300));
  return p;
}

function toExternal(u: number, lo: number, hi: number): number {
  if (Number.isFinite(lo) && Number.isFinite(hi)) return lo + ((hi - lo) * (1 + Math.sin(u))) / 2;
  if (Number.isFinite(lo)) return lo + Math.exp(u);
  if (Number.isFinite(hi)) return hi - Math.exp(u);
  return u;
}

function sumSq(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i]! * r[i]!;
  return s;
}

/** Jacobian of the residuals at x (columns by parameter) with relative forward steps. */
function jacobian(f: (x: Float64Array, out: Float64Array) => void, x: Float64Array, r0: Float64Array, m: number): Float64Array[] {
  const cols: Float64Array[] = [];
  const xt = x.slice();
  const r1 = new Float64Array(m);
  for (let k = 0; k < x.length; k++) {
    const h = EPS * Math.max(Math.abs(x[k]!), 1e-3);
    xt[k] = x[k]! + h;
    f(xt, r1);
    xt[k] = x[k]!;
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = (r1[i]! - r0[i]!) / h;
    cols.push(c);
  }
  return cols;
}

function normal(J: Float64Array[], r: Float64Array): { A: number[][]; g: number[] } {
  const P = J.length;
  const A = Array.from({ length: P }, () => new Array<number>(P).fill(0));
  const g = new Array<number>(P).fill(0);
  for (let a = 0; a < P; a++) {
    const ca = J[a]!;
    let s = 0;
    for (let i = 0; i < r.length; i++) s += ca[i]! * r[i]!;
    g[a] = s;
    for (let b = a; b < P; b++) {
      const cb = J[b]!;
      let t = 0;
      for (let i = 0; i < r.length; i++) t += ca[i]! * cb[i]!;
      A[a]![b] = t;
      A[b]![a] = t;
    }
  }
  return { A, g };
}

/**
 * Minimises Σ r² over bounded parameters.
 * @example
 * const r = levenbergMarquardt({ size: n, initial, lower, upper, residuals: (p, out) => { … } });
 */
export function levenbergMarquardt(problem: LmProblem, opts: { maxIterations?: number; ftol?: number } = {}): LmResult {
  const { lower, upper, size: m } = problem;
  const P = problem.initial.length;
  const maxIt = opts.maxIterations ?? 500;
  const ftol = opts.ftol ?? 1e-13;
  const ext = (u: Float64Array, out: Float64Array) => {
    for (let k = 0; k < P; k++) out[k] = toExternal(u[k]!, lower[k]!, upper[k]!);
  };
  const pBuf = new Float64Array(P);
  let evaluations = 0;
  const fu = (u: Float64Array, out: Float64Array) => {
    ext(u, pBuf);
    problem.residuals(pBuf, out);
    evaluations++;
  };
  let u = Float64Array.from(problem.initial, (p, k) => toInternal(p, lower[k]!, upper[k]!));
  let r = new Float64Array(m);
  fu(u, r);
  let chi = sumSq(r);
  let lambda = 1e-3;
  let it = 0;
  let converged = false;
  const trial = new Float64Array(m);
  while (it < maxIt && P > 0) {
    it++;
    const J = jacobian(fu, u, r, m);
    const { A, g } = normal(J, r);
    let accepted = false;
    for (let inner = 0; inner < 30; inner++) {
      const Ad = A.map((row, a) => row.map((v, b) => (a === b ? v + lambda * Math.max(v, 1e-30) : v)));
      let step: number[];
      try {
        step = solve(new Matrix(Ad), Matrix.columnVector(g.map((x) => -x))).to1DArray();
      } catch {
        lambda *= 10;
        continue;
      }
      const un = Float64Array.from(u, (x, k) => x + step[k]!);
      fu(un, trial);
      const chiN = sumSq(trial);
      if (Number.isFinite(chiN) && chiN < chi) {
        const rel = (chi - chiN) / Math.max(chi, 1e-300);
        u = un;
        r = trial.slice();
        chi = chiN;
        lambda = Math.max(lambda / 3, 1e-12);
        accepted = true;
        if (rel < ftol) converged = true;
        break;
      }
      lambda *= 4;
      if (lambda > 1e16) break;
    }
    if (!accepted) {
      converged = true; // no downhill step exists at machine precision
      break;
    }
    if (converged) break;
  }
  const p = new Float64Array(P);
  ext(u, p);
  // Covariance in the parameters' own space (not the internal one).
  let covariance: number[][] | null = null;
  const dof = m - P;
  if (P > 0 && dof > 0) {
    const rp = new Float64Array(m);
    problem.residuals(p, rp);
    const Jp = jacobian((x, out) => problem.residuals(x, out), p, rp, m);
    const { A } = normal(Jp, rp);
    try {
      const inv = inverse(new Matrix(A));
      const s2 = chi / dof;
      covariance = inv.to2DArray().map((row) => row.map((v) => v * s2));
      if (covariance.some((row, i) => !Number.isFinite(row[i]!) || row[i]! < 0)) covariance = null;
    } catch {
      covariance = null;
    }
  }
  return { parameters: p, chiSquare: chi, reducedChiSquare: dof > 0 ? chi / dof : NaN, covariance, iterations: it, evaluations, converged };
}
