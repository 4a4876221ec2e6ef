/** Peaks of a DRT γ(τ): position, height and area (the resistance of the process). */

/** One DRT peak. */
export interface DrtPeak {
  /** Time constant at the maximum (s), refined by a parabola in ln τ. */
  tau: number;
  /** Characteristic frequency 1/(2πτ) (Hz). */
  frequency: number;
  /** γ at the maximum (Ω). */
  gamma: number;
  /** ∫γ d ln τ between the neighbouring minima (Ω). */
  resistance: number;
  /** τ range the area was taken over (s). */
  tauRange: [number, number];
}

/**
 * Finds local maxima of γ on a log-spaced τ grid higher than `threshold`·max γ; each peak's
 * area runs to the lowest point between it and its neighbours.
 * @example
 * const peaks = findDrtPeaks(drt.tau, drt.gamma, 0.01);
 */
export function findDrtPeaks(tau: ArrayLike<number>, gamma: ArrayLike<number>, threshold = 0.01): DrtPeak[] {
  const n = gamma.length;
  let gmax = 0;
  for (let i = 0; i < n; i++) gmax = Math.max(gmax, gamma[i]!);
  if (!(gmax > 0)) return [];
  const maxima: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = gamma[i]!;
    const left = i > 0 ? gamma[i - 1]! : -Infinity;
    // Plateaus count once, at their first point.
    let j = i + 1;
    while (j < n && gamma[j] === g) j++;
    const right = j < n ? gamma[j]! : -Infinity;
    if (g > left && g > right && g >= threshold * gmax) maxima.push(i);
  }
  const lnt = (i: number) => Math.log(tau[i]!);
  const peaks: DrtPeak[] = [];
  for (let k = 0; k < maxima.length; k++) {
    const i = maxima[k]!;
    const argMin = (from: number, to: number) => {
      let best = from;
      for (let q = from; q <= to; q++) if (gamma[q]! < gamma[best]!) best = q;
      return best;
    };
    const lo = k > 0 ? argMin(maxima[k - 1]!, i) : 0;
    const hi = k + 1 < maxima.length ? argMin(i, maxima[k + 1]!) : n - 1;
    let area = 0;
    for (let q = lo + 1; q <= hi; q++) area += 0.5 * (gamma[q]! + gamma[q - 1]!) * (lnt(q) - lnt(q - 1));
    let x = lnt(i);
    let g = gamma[i]!;
    if (i > 0 && i + 1 < n) {
      const y0 = gamma[i - 1]!;
      const y1 = gamma[i]!;
      const y2 = gamma[i + 1]!;
      const den = y0 - 2 * y1 + y2;
      if (den < 0) {
        const d = (0.5 * (y0 - y2)) / den;
        const h = 0.5 * (lnt(i + 1) - lnt(i - 1));
        x = lnt(i) + d * h;
        g = y1 - 0.25 * (y0 - y2) * d;
      }
    }
    const t = Math.exp(x);
    peaks.push({ tau: t, frequency: 1 / (2 * Math.PI * t), gamma: g, resistance: area, tauRange: [tau[lo]!, tau[hi]!] });
  }
  return peaks;
}
