/**
 * Differential capacity dQ/dV (ICA) and differential voltage dV/dQ (DVA) per half-cycle
 * (analysis.md §4.4): the constant-current records of the half-cycle are averaged over equal
 * voltages, interpolated linearly onto a uniform grid, smoothed and differentiated. CV steps and
 * rests are excluded (dV ≈ 0 would give infinities).
 */
import type { Series } from './series.js';
import type { Segmentation } from './segment.js';
import type { CycleAssignment } from './cycles.js';
import { centralDifference, gaussianSmooth, interpolateUniform, savgol } from './smoothing.js';
import { findPeaks, trackPeaks, type Peak, type PeakOptions, type PeakTrackSummary, type PeakTrackTable } from './peaks.js';

export interface DifferentialOptions {
  /** Voltage grid spacing, V. Default 0.001. */
  gridStepVolt?: number;
  /** 'savgol' (default): Savitzky–Golay derivative; 'gaussian': Gaussian smoothing of Q then central differences; 'none'. */
  smoothing?: 'savgol' | 'gaussian' | 'none';
  /** Savitzky–Golay window, V (rounded to an odd number of grid points). Default 0.021 (21 points at 1 mV). */
  windowVolt?: number;
  /** Savitzky–Golay polynomial order. Default 3. */
  polyOrder?: number;
  /** Gaussian FWHM, V (σ = FWHM / 2.3548). Default 0.01, as cellpy. */
  gaussianFwhmVolt?: number;
  /** dV/dQ grid points over the capacity span. Default 1000. */
  dvdqPoints?: number;
  /** dV/dQ Savitzky–Golay window as a fraction of the capacity span. Default 0.02. */
  dvdqWindowFraction?: number;
  /** Keep the sign (discharge dQ/dV negative); default false = magnitudes. */
  signed?: boolean;
  /** Peak detection. */
  peaks?: PeakOptions;
  /** Peak tracking window, V. Default 0.03. */
  trackWindowVolt?: number;
  /** Largest grid, points (the step is widened beyond). Default 20000. */
  maxGridPoints?: number;
}

/** One differential curve of one half-cycle. */
export interface DifferentialCurve {
  cycle: number;
  direction: 'charge' | 'discharge';
  /** Half-cycle capacity of the CC records used, Ah. */
  capacityAh: number;
  /** Uniform voltage grid, V. */
  voltage: Float64Array;
  /** dQ/dV, Ah/V. */
  dqdv: Float64Array;
  /** Uniform capacity grid from 0, Ah. */
  capacity: Float64Array;
  /** dV/dQ on the capacity grid, V/Ah. */
  dvdq: Float64Array;
  peaks: Peak[];
}

export interface DifferentialResult {
  curves: DifferentialCurve[];
  /** Peak tracks per direction. */
  tracks: Record<'charge' | 'discharge', { table: PeakTrackTable; summary: PeakTrackSummary }>;
}

/** Sorts (x, y) by x and averages y over equal x; monotonic input (the usual case) is not sorted. */
function uniqueSorted(x: Float64Array, y: Float64Array): { x: Float64Array; y: Float64Array } {
  const n = x.length;
  let idx: Int32Array | undefined;
  let up = true;
  let down = true;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) continue;
    finite++;
    if (i > 0) {
      if (x[i]! < x[i - 1]!) up = false;
      if (x[i]! > x[i - 1]!) down = false;
    }
  }
  const all = finite === n;
  if (!all || (!up && !down)) {
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (Number.isFinite(x[i]!) && Number.isFinite(y[i]!)) list.push(i);
    list.sort((a, b) => x[a]! - x[b]! || a - b);
    idx = Int32Array.from(list);
  } else if (down && !up) {
    idx = new Int32Array(n);
    for (let i = 0; i < n; i++) idx[i] = n - 1 - i;
  }
  const m0 = idx ? idx.length : n;
  const at = (k: number) => (idx ? idx[k]! : k);
  const ox = new Float64Array(m0);
  const oy = new Float64Array(m0);
  let m = 0;
  for (let k = 0; k < m0; ) {
    const xv = x[at(k)]!;
    let s = 0;
    let c = 0;
    while (k < m0 && x[at(k)]! === xv) (s += y[at(k)]!), c++, k++;
    ox[m] = xv;
    oy[m] = s / c;
    m++;
  }
  return { x: ox.slice(0, m), y: oy.slice(0, m) };
}

/**
 * dQ/dV and dV/dQ of one half-cycle from its (V, Q) records; Q is the running |charge| from 0.
 * @example
 * const c = differentialOfHalfCycle(v, q, { gridStepVolt: 0.001 });
 */
export function differentialOfHalfCycle(v: Float64Array, q: Float64Array, opts: DifferentialOptions = {}, discharge = false) {
  const smoothing = opts.smoothing ?? 'savgol';
  const order = opts.polyOrder ?? 3;
  const maxPts = opts.maxGridPoints ?? 20000;
  const sign = discharge && opts.signed ? -1 : 1;
  const byV = uniqueSorted(v, q);
  let h = opts.gridStepVolt ?? 0.001;
  const empty: Float64Array = new Float64Array(0);
  if (byV.x.length < 3) return { voltage: empty, dqdv: empty, capacity: empty, dvdq: empty };
  const v0 = byV.x[0]!;
  const span = byV.x[byV.x.length - 1]! - v0;
  if (span / h + 1 > maxPts) h = span / (maxPts - 1);
  const nv = Math.floor(span / h + 1e-9) + 1;
  const qGrid = interpolateUniform(byV.x, byV.y, v0, h, nv);
  const voltage = new Float64Array(nv);
  for (let k = 0; k < nv; k++) voltage[k] = v0 + k * h;
  let dqdv: Float64Array;
  if (smoothing === 'savgol') {
    let win = Math.round((opts.windowVolt ?? 0.021) / h);
    if (win % 2 === 0) win++;
    dqdv = savgol(qGrid, Math.max(win, order + 2 + ((order + 2) % 2 ? 0 : 1)), order, 1, h);
  } else if (smoothing === 'gaussian') {
    dqdv = centralDifference(gaussianSmooth(qGrid, (opts.gaussianFwhmVolt ?? 0.01) / 2.3548 / h), h);
  } else dqdv = centralDifference(qGrid, h);
  // Q falls as V rises on discharge: magnitudes unless a signed curve is asked for
  for (let k = 0; k < nv; k++) dqdv[k] = discharge ? -sign * dqdv[k]! : dqdv[k]!;

  // dV/dQ on a uniform capacity grid
  const byQ = uniqueSorted(q, v);
  const np = Math.max(3, opts.dvdqPoints ?? 1000);
  const qSpan = byQ.x[byQ.x.length - 1]! - byQ.x[0]!;
  let capacity: Float64Array = empty;
  let dvdq: Float64Array = empty;
  if (byQ.x.length >= 3 && qSpan > 0) {
    const hq = qSpan / (np - 1);
    const vGrid = interpolateUniform(byQ.x, byQ.y, byQ.x[0]!, hq, np);
    capacity = new Float64Array(np);
    for (let k = 0; k < np; k++) capacity[k] = byQ.x[0]! + k * hq;
    let win = Math.round((opts.dvdqWindowFraction ?? 0.02) * np);
    if (win % 2 === 0) win++;
    dvdq = smoothing === 'none' ? centralDifference(vGrid, hq) : savgol(vGrid, Math.max(win, order + 2 + ((order + 2) % 2 ? 0 : 1)), order, 1, hq);
    if (discharge && !opts.signed) for (let k = 0; k < np; k++) dvdq[k] = -dvdq[k]!;
  }
  return { voltage, dqdv, capacity, dvdq };
}

/**
 * Differential curves of every half-cycle, their peaks, and peak tracks across cycles.
 * @example
 * const d = differentialAnalysis(series, seg, cycles);
 * d.curves[0].peaks[0].position; // V
 */
export function differentialAnalysis(s: Series, seg: Segmentation, cycles: CycleAssignment, opts: DifferentialOptions = {}): DifferentialResult {
  const st = seg.steps;
  const byKey = new Map<string, number[]>();
  for (let k = 0; k < st.length; k++) {
    const d = st.direction[k]!;
    if (d === 0 || st.type[k]!.startsWith('cv-')) continue;
    const key = `${cycles.stepCycle[k]}:${d}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(k);
  }
  const curves: DifferentialCurve[] = [];
  for (const [key, ks] of byKey) {
    const [cycle, d] = key.split(':').map(Number) as [number, number];
    let count = 0;
    for (const k of ks) count += st.end[k]! - st.start[k]!;
    const v = new Float64Array(count);
    const q = new Float64Array(count);
    let acc = 0;
    let r = 0;
    for (const k of ks) {
      for (let i = st.start[k]!; i < st.end[k]!; i++) {
        if (i > st.start[k]! || r > 0) acc += Math.abs(seg.increments.charge[i]!);
        v[r] = s.voltage[i]!;
        q[r] = acc;
        r++;
      }
    }
    const c = differentialOfHalfCycle(v, q, opts, d < 0);
    curves.push({
      cycle,
      direction: d > 0 ? 'charge' : 'discharge',
      capacityAh: acc,
      ...c,
      peaks: findPeaks(c.voltage, c.dqdv, { minSeparation: 0.02, minProminenceFraction: 0.05, ...opts.peaks }),
    });
  }
  curves.sort((a, b) => a.cycle - b.cycle || (a.direction === b.direction ? 0 : a.direction === 'charge' ? -1 : 1));
  const w = opts.trackWindowVolt ?? 0.03;
  return {
    curves,
    tracks: {
      charge: trackPeaks(curves.filter((c) => c.direction === 'charge'), w),
      discharge: trackPeaks(curves.filter((c) => c.direction === 'discharge'), w),
    },
  };
}
