/** Savitzky–Golay and Gaussian filters on uniformly spaced data, and linear interpolation on a grid. */

/** Solves the small dense system A x = b in place (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < n; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r]![k]! * x[k]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/**
 * @example
 * savgolWeights(5, 2, 0); // [-3, 12, 17, 12, -3] / 35
 *
 * Savitzky–Golay weights: value (derivative 0) or first derivative (1), per unit spacing, of the
 * least-squares polynomial of `order` through `window` points, evaluated at offset `at` from the centre.
 */
export function savgolWeights(window: number, order: number, derivative: 0 | 1, at = 0): Float64Array {
  const m = (window - 1) / 2;
  const p = order + 1;
  const w = new Float64Array(window);
  // w_j = e(at)ᵀ (XᵀX)⁻¹ X_jᵀ with e(at) = d/dx^k of [1, x, x² …] at x = at
  const e = new Array<number>(p).fill(0);
  for (let k = 0; k < p; k++) e[k] = derivative === 0 ? at ** k : k === 0 ? 0 : k * at ** (k - 1);
  const xtx: number[][] = [];
  for (let r = 0; r < p; r++) {
    xtx.push([]);
    for (let c = 0; c < p; c++) {
      let s = 0;
      for (let j = -m; j <= m; j++) s += j ** (r + c);
      xtx[r]!.push(s);
    }
  }
  const z = solve(xtx, e.slice()); // (XᵀX)⁻¹ e
  for (let j = -m; j <= m; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += z[k]! * j ** k;
    w[j + m] = s;
  }
  return w;
}

const weightCache = new Map<string, Float64Array[]>();

/** Weights for every evaluation offset −m..m of one window (index k ↔ offset k − m), cached. */
function cachedWeights(win: number, order: number, derivative: 0 | 1): Float64Array[] {
  const key = `${win},${order},${derivative}`;
  let w = weightCache.get(key);
  if (!w) {
    const m = (win - 1) / 2;
    w = [];
    for (let k = 0; k < win; k++) w.push(savgolWeights(win, order, derivative, k - m));
    if (weightCache.size > 64) weightCache.clear();
    weightCache.set(key, w);
  }
  return w;
}

/**
 * Savitzky–Golay filter of uniformly spaced y (spacing h). Edges use the polynomial fitted to the first
 * / last full window (no padding).
 * @example
 * const dy = savgol(y, 21, 3, 1, 0.001); // derivative dy/dx
 */
export function savgol(y: Float64Array, window: number, order: number, derivative: 0 | 1, h = 1): Float64Array {
  const n = y.length;
  let win = Math.min(window, n % 2 ? n : n - 1);
  if (win % 2 === 0) win--;
  const out = new Float64Array(n);
  if (win <= order || win < 3) {
    // too few points to fit: plain differences
    for (let i = 0; i < n; i++) {
      if (derivative === 0) out[i] = y[i]!;
      else out[i] = n < 2 ? NaN : (y[Math.min(n - 1, i + 1)]! - y[Math.max(0, i - 1)]!) / ((Math.min(n - 1, i + 1) - Math.max(0, i - 1)) * h);
    }
    return out;
  }
  const m = (win - 1) / 2;
  const scale = derivative === 1 ? 1 / h : 1;
  const w = cachedWeights(win, order, derivative);
  const centre = w[m]!;
  for (let i = m; i < n - m; i++) {
    let s = 0;
    for (let j = 0; j < win; j++) s += centre[j]! * y[i - m + j]!;
    out[i] = s * scale;
  }
  for (let k = 0; k < m; k++) {
    const left = w[k]!;
    const right = w[2 * m - k]!;
    let sl = 0;
    let sr = 0;
    for (let j = 0; j < win; j++) {
      sl += left[j]! * y[j]!;
      sr += right[j]! * y[n - win + j]!;
    }
    out[k] = sl * scale;
    out[n - 1 - k] = sr * scale;
  }
  return out;
}

/**
 * Gaussian smoothing with standard deviation `sigma` in samples; the kernel is renormalised at the edges.
 * @example
 * gaussianSmooth(y, 0.01 / 2.3548 / h); // FWHM 10 mV on a grid of step h
 */
export function gaussianSmooth(y: Float64Array, sigma: number): Float64Array {
  const n = y.length;
  if (!(sigma > 0)) return y.slice();
  const r = Math.max(1, Math.ceil(4 * sigma));
  const k = new Float64Array(2 * r + 1);
  for (let j = -r; j <= r; j++) k[j + r] = Math.exp((-0.5 * j * j) / (sigma * sigma));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    let w = 0;
    const a = Math.max(0, i - r);
    const b = Math.min(n - 1, i + r);
    for (let j = a; j <= b; j++) {
      s += k[j - i + r]! * y[j]!;
      w += k[j - i + r]!;
    }
    out[i] = s / w;
  }
  return out;
}

/**
 * Central differences of uniformly spaced y (one-sided at the ends).
 * @example
 * centralDifference(Float64Array.of(0, 1, 4), 1); // [1, 2, 3]
 */
export function centralDifference(y: Float64Array, h: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - 1);
    const b = Math.min(n - 1, i + 1);
    out[i] = b > a ? (y[b]! - y[a]!) / ((b - a) * h) : NaN;
  }
  return out;
}

/**
 * @example
 * interpolateUniform(Float64Array.of(0, 1), Float64Array.of(0, 2), 0, 0.5, 3); // [0, 1, 2]
 *
 * Linear interpolation of (x, y) — x strictly increasing — at the grid x0 + k·h, k = 0..n−1.
 * Points outside [x_first, x_last] are NaN (never extrapolated).
 */
export function interpolateUniform(x: Float64Array, y: Float64Array, x0: number, h: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let j = 0;
  for (let k = 0; k < n; k++) {
    const xv = x0 + k * h;
    while (j < x.length - 2 && x[j + 1]! < xv) j++;
    if (xv < x[0]! - 1e-12 || xv > x[x.length - 1]! + 1e-12 || x.length < 2) {
      out[k] = x.length === 1 && Math.abs(xv - x[0]!) < 1e-12 ? y[0]! : NaN;
      continue;
    }
    const f = (xv - x[j]!) / (x[j + 1]! - x[j]!);
    out[k] = y[j]! + Math.min(1, Math.max(0, f)) * (y[j + 1]! - y[j]!);
  }
  return out;
}
