/**
 * Gaussian radial-basis discretisation of the DRT (Wan, Saccoccio, Chen, Ciucci,
 * Electrochim. Acta 184 (2015) 483; pyDRTtools `basics.py` conventions): collocation at
 * τ_m = 1/f_m, shape factor from the FWHM coefficient, kernel matrices by quadrature and
 * the derivative penalty matrices in closed form.
 */

/** FWHM of exp(−x²) is 2√ln2. */
export const GAUSSIAN_FWHM = 2 * Math.sqrt(Math.LN2);

/**
 * Shape factor ε = coeff·FWHM/|mean Δln τ| (the absolute value avoids the sign flip the
 * reference has for ascending frequencies).
 * @example
 * const eps = gaussianEpsilon(spectrum.f, 0.5);
 */
export function gaussianEpsilon(f: ArrayLike<number>, coeff: number): number {
  const n = f.length;
  if (n < 2) return coeff * GAUSSIAN_FWHM;
  const delta = Math.abs((Math.log(1 / f[n - 1]!) - Math.log(1 / f[0]!)) / (n - 1));
  return (coeff * GAUSSIAN_FWHM) / delta;
}

/**
 * Kernel matrices A_re, A_im (N×M row-major): A_re[n,m] = ∫φ(y)/(1+α²e^{2y})dy,
 * A_im[n,m] = −∫φ(y)αe^y/(1+α²e^{2y})dy, α = 2πf_nτ_m. The trapezoid rule on a step of
 * 0.2/ε is exact to rounding here: the integrand is analytic in a strip around the real
 * axis and φ decays like a Gaussian.
 */
export function kernelMatrices(f: ArrayLike<number>, tau: ArrayLike<number>, epsilon: number): { re: Float64Array; im: Float64Array } {
  const N = f.length;
  const M = tau.length;
  const re = new Float64Array(N * M);
  const im = new Float64Array(N * M);
  const h = Math.min(0.1, 0.2 / epsilon);
  const half = Math.ceil(6.5 / epsilon / h);
  const K = 2 * half + 1;
  const ys = new Float64Array(K);
  const wphi = new Float64Array(K);
  const ey = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const y = (k - half) * h;
    ys[k] = y;
    wphi[k] = h * Math.exp(-(epsilon * y) * (epsilon * y));
    ey[k] = Math.exp(y);
  }
  for (let n = 0; n < N; n++) {
    const w = 2 * Math.PI * f[n]!;
    for (let m = 0; m < M; m++) {
      const a = w * tau[m]!;
      let sr = 0;
      let si = 0;
      for (let k = 0; k < K; k++) {
        const x = a * ey[k]!;
        const d = 1 / (1 + x * x);
        sr += wphi[k]! * d;
        si += wphi[k]! * x * d;
      }
      re[n * M + m] = sr;
      im[n * M + m] = -si;
    }
  }
  return { re, im };
}

/**
 * Penalty matrix: inner products of the first or second derivatives (in ln τ) of the Gaussian
 * RBFs centred at ln τ_m, in closed form (a = ε·ln(τ_m/τ_n)):
 * 1st: ε(1 − a²)e^{−a²/2}√(π/2); 2nd: ε³(3 − 6a² + a⁴)e^{−a²/2}√(π/2).
 */
export function penaltyMatrix(tau: ArrayLike<number>, epsilon: number, order: 1 | 2): Float64Array {
  const M = tau.length;
  const out = new Float64Array(M * M);
  const c = Math.sqrt(Math.PI / 2);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < M; j++) {
      const a = epsilon * Math.log(tau[i]! / tau[j]!);
      const a2 = a * a;
      const g = Math.exp(-a2 / 2) * c;
      out[i * M + j] = order === 1 ? epsilon * (1 - a2) * g : epsilon ** 3 * (3 - 6 * a2 + a2 * a2) * g;
    }
  }
  return out;
}

/** γ(τ) = Σ x_m exp(−(ε ln(τ/τ_m))²) on the given τ values. */
export function gammaFromCoefficients(x: ArrayLike<number>, tauColloc: ArrayLike<number>, epsilon: number, tauOut: ArrayLike<number>): Float64Array {
  const g = new Float64Array(tauOut.length);
  for (let p = 0; p < tauOut.length; p++) {
    const lt = Math.log(tauOut[p]!);
    let s = 0;
    for (let m = 0; m < tauColloc.length; m++) {
      const d = epsilon * (lt - Math.log(tauColloc[m]!));
      s += x[m]! * Math.exp(-d * d);
    }
    g[p] = s;
  }
  return g;
}
