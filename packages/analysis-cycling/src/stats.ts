/** Small statistics helpers shared by the analyses (no per-row objects). */

/** Result of an ordinary least-squares straight line y = intercept + slope·x. */
export interface LinearFit {
  slope: number;
  intercept: number;
  /** Standard error of the slope (NaN with fewer than 3 points). */
  slopeStdErr: number;
  /** Standard error of the intercept (NaN with fewer than 3 points). */
  interceptStdErr: number;
  /** Coefficient of determination (NaN when y is constant). */
  rSquared: number;
  /** Number of finite (x, y) pairs used. */
  n: number;
}

/**
 * Least-squares line through the finite (x, y) pairs.
 * @example
 * linearFit([1, 2, 3], [2, 4, 6]).slope; // 2
 */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    n++;
    sx += xi;
    sy += yi;
  }
  const nan: LinearFit = { slope: NaN, intercept: NaN, slopeStdErr: NaN, interceptStdErr: NaN, rSquared: NaN, n };
  if (n < 2) return nan;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    sxx += (xi - mx) * (xi - mx);
    sxy += (xi - mx) * (yi - my);
    syy += (yi - my) * (yi - my);
  }
  if (sxx === 0) return nan;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const sse = Math.max(0, syy - slope * sxy);
  const s2 = n > 2 ? sse / (n - 2) : NaN;
  return {
    slope,
    intercept,
    slopeStdErr: Math.sqrt(s2 / sxx),
    interceptStdErr: Math.sqrt(s2 * (1 / n + (mx * mx) / sxx)),
    rSquared: syy > 0 ? 1 - sse / syy : NaN,
    n,
  };
}

/**
 * Median of the finite values (NaN when none).
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: ArrayLike<number>): number {
  const a: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) a.push(values[i]!);
  if (a.length === 0) return NaN;
  a.sort((p, q) => p - q);
  const h = a.length >> 1;
  return a.length % 2 ? a[h]! : (a[h - 1]! + a[h]!) / 2;
}

/**
 * Mean of the finite values (NaN when none).
 * @example
 * mean([1, NaN, 3]); // 2
 */
export function mean(values: ArrayLike<number>): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  }
  return n ? s / n : NaN;
}
