/**
 * Cyclic voltammetry (analysis.md §4.6): sweeps split at the vertices of the potential, anodic
 * and cathodic peaks per cycle (parabola-refined), peak separation, E½, current ratio, charge per
 * sweep and the scan rate measured from the data.
 */
import type { EchemkitDocument } from '@echemkit/core';
import { linearFit } from './stats.js';
import { optionalQuantity, selectSeries, type Series } from './series.js';
import { PACKAGE_VERSION } from './version.js';

export interface CvOptions {
  /** Measurement index (default: the first time series with time, current and a potential). */
  measurement?: number;
  /** Potential reversal needed to call a vertex, V. Default 0.005. */
  vertexTolerance?: number;
  /** Use the file's cycle column when present (default true); else cycles = pairs of sweeps. */
  useFileCycles?: boolean;
  /** Search peaks only within [low, high] V. Default: the whole sweep. */
  peakWindow?: [number, number];
  /** Linear baseline fitted to i(E) within [low, high] V of each sweep, extrapolated under the peak. */
  baselineWindow?: [number, number];
}

/** One row per sweep. */
export interface SweepTable {
  length: number;
  sweep: Int32Array;
  cycle: Int32Array;
  /** +1 anodic (E rising), −1 cathodic. */
  direction: Int8Array;
  start: Int32Array;
  end: Int32Array;
  startPotential: Float64Array;
  endPotential: Float64Array;
  /** |dE/dt| from a straight-line fit of E(t) over the sweep, V/s. */
  scanRate: Float64Array;
  /** ∫ I dt over the sweep, C (signed). */
  chargeCoulomb: Float64Array;
}

/** One row per cycle; NaN where a peak or sweep is missing. Potentials V, currents A, charge C. */
export interface CvCycleTable {
  length: number;
  cycle: Int32Array;
  anodicPeakPotential: Float64Array;
  anodicPeakCurrent: Float64Array;
  cathodicPeakPotential: Float64Array;
  cathodicPeakCurrent: Float64Array;
  /** Peak currents above the linear baseline (NaN without `baselineWindow`). */
  anodicPeakCurrentCorrected: Float64Array;
  cathodicPeakCurrentCorrected: Float64Array;
  peakSeparationVolt: Float64Array;
  halfWavePotential: Float64Array;
  /** i_pa / |i_pc| (baseline-corrected when a baseline window is given). */
  peakCurrentRatio: Float64Array;
  anodicChargeCoulomb: Float64Array;
  cathodicChargeCoulomb: Float64Array;
  scanRateVoltPerSecond: Float64Array;
}

export interface CvResult {
  method: string;
  parameters: Record<string, unknown>;
  packageVersion: string;
  sweeps: SweepTable;
  cycles: CvCycleTable;
}

/**
 * Vertex indexes of a potential trace (reversal by more than `tol`).
 * @example
 * findVertices(Float64Array.of(0, 0.1, 0.2, 0.1, 0), 0.05).vertices; // [2]
 */
export function findVertices(e: Float64Array, tol: number): { vertices: number[]; firstDirection: 1 | -1 } {
  const n = e.length;
  const vertices: number[] = [];
  let dir = 0;
  let ext = 0; // index of the running extremum
  let firstDirection: 1 | -1 = 1;
  for (let i = 1; i < n; i++) {
    const x = e[i]!;
    if (!Number.isFinite(x)) continue;
    if (dir === 0) {
      if (Math.abs(x - e[0]!) > tol) {
        dir = x > e[0]! ? 1 : -1;
        firstDirection = dir as 1 | -1;
        ext = i;
      }
      continue;
    }
    if (dir * (x - e[ext]!) > 0) ext = i;
    else if (dir * (e[ext]! - x) > tol) {
      vertices.push(ext);
      dir = -dir;
      ext = i;
    }
  }
  return { vertices, firstDirection };
}

/** Vertex of the parabola through three points (x, y); returns the middle point when degenerate. */
function parabolaPeak(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): [number, number] {
  const d = (x0 - x1) * (x0 - x2) * (x1 - x2);
  if (d === 0) return [x1, y1];
  const a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / d;
  const b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / d;
  const c = (x1 * x2 * (x1 - x2) * y0 + x2 * x0 * (x2 - x0) * y1 + x0 * x1 * (x0 - x1) * y2) / d;
  if (a === 0) return [x1, y1];
  const xv = -b / (2 * a);
  if (xv < Math.min(x0, x2) || xv > Math.max(x0, x2)) return [x1, y1];
  return [xv, c - (b * b) / (4 * a)];
}

/**
 * CV analysis of a document.
 * @example
 * const r = analyzeCv(doc);
 * r.cycles.peakSeparationVolt[0]; // ΔEp of the first cycle, V
 */
export function analyzeCv(doc: EchemkitDocument, options: CvOptions = {}): CvResult {
  const s: Series = selectSeries(doc, options.measurement, true);
  const tol = options.vertexTolerance ?? 0.005;
  const { time: t, current: I, voltage: E } = s;
  const n = s.length;
  const { vertices, firstDirection } = findVertices(E, tol);
  const fileCycle = options.useFileCycles === false ? undefined : optionalQuantity(s.measurement, 'cycle_count');
  // sweep starts: record 0, each vertex, and each change of the file's cycle number
  const startSet = new Set<number>([0, ...vertices.filter((v) => v > 0 && v < n - 1)]);
  if (fileCycle) for (let i = 1; i < n; i++) if (fileCycle[i] !== fileCycle[i - 1]) startSet.add(i);
  const starts = [...startSet].sort((a, b) => a - b);
  const m = starts.length;
  const sw: SweepTable = {
    length: m,
    sweep: new Int32Array(m),
    cycle: new Int32Array(m),
    direction: new Int8Array(m),
    start: new Int32Array(m),
    end: new Int32Array(m),
    startPotential: new Float64Array(m),
    endPotential: new Float64Array(m),
    scanRate: new Float64Array(m),
    chargeCoulomb: new Float64Array(m),
  };
  let cycle = 0;
  for (let k = 0; k < m; k++) {
    const a = starts[k]!;
    const b = k + 1 < m ? starts[k + 1]! : n;
    const last = Math.min(b, n - 1); // the next sweep's first record closes this one
    sw.sweep[k] = k + 1;
    sw.start[k] = a;
    sw.end[k] = b;
    sw.startPotential[k] = E[a]!;
    sw.endPotential[k] = E[last]!;
    const dir = E[last]! >= E[a]! ? 1 : -1;
    sw.direction[k] = dir;
    const fit = linearFit(t.subarray(a, last + 1), E.subarray(a, last + 1));
    sw.scanRate[k] = Math.abs(fit.slope);
    let q = 0;
    for (let i = a; i < last; i++) q += 0.5 * (I[i]! + I[i + 1]!) * (t[i + 1]! - t[i]!);
    sw.chargeCoulomb[k] = q;
    if (fileCycle) sw.cycle[k] = fileCycle[a]!;
    else {
      if (dir === firstDirection && (k === 0 || sw.direction[k - 1] !== dir)) cycle++;
      sw.cycle[k] = Math.max(1, cycle);
    }
  }
  const numbers = [...new Set(Array.from(sw.cycle))].sort((a, b) => a - b);
  const c = numbers.length;
  const nan = () => new Float64Array(c).fill(NaN);
  const ct: CvCycleTable = {
    length: c,
    cycle: Int32Array.from(numbers),
    anodicPeakPotential: nan(),
    anodicPeakCurrent: nan(),
    cathodicPeakPotential: nan(),
    cathodicPeakCurrent: nan(),
    anodicPeakCurrentCorrected: nan(),
    cathodicPeakCurrentCorrected: nan(),
    peakSeparationVolt: nan(),
    halfWavePotential: nan(),
    peakCurrentRatio: nan(),
    anodicChargeCoulomb: nan(),
    cathodicChargeCoulomb: nan(),
    scanRateVoltPerSecond: nan(),
  };
  const [wLo, wHi] = options.peakWindow ?? [-Infinity, Infinity];
  numbers.forEach((cy, r) => {
    let rateSum = 0;
    let rateN = 0;
    for (const dir of [1, -1] as const) {
      let best = -1;
      let bestSweep = -1;
      let charge = 0;
      let any = false;
      for (let k = 0; k < m; k++) {
        if (sw.cycle[k] !== cy || sw.direction[k] !== dir) continue;
        any = true;
        charge += sw.chargeCoulomb[k]!;
        for (let i = sw.start[k]!; i < sw.end[k]!; i++) {
          if (E[i]! < wLo || E[i]! > wHi || !Number.isFinite(I[i]!)) continue;
          if (best < 0 || dir * I[i]! > dir * I[best]!) (best = i), (bestSweep = k);
        }
      }
      if (!any) continue;
      if (dir === 1) ct.anodicChargeCoulomb[r] = charge;
      else ct.cathodicChargeCoulomb[r] = charge;
      if (best < 0) continue;
      let [ep, ip] = [E[best]!, I[best]!];
      if (best > sw.start[bestSweep]! && best + 1 < sw.end[bestSweep]!) [ep, ip] = parabolaPeak(E[best - 1]!, I[best - 1]!, E[best]!, I[best]!, E[best + 1]!, I[best + 1]!);
      let corrected = NaN;
      if (options.baselineWindow) {
        const [lo, hi] = options.baselineWindow;
        const xs: number[] = [];
        const ys: number[] = [];
        for (let i = sw.start[bestSweep]!; i < sw.end[bestSweep]!; i++) if (E[i]! >= Math.min(lo, hi) && E[i]! <= Math.max(lo, hi)) (xs.push(E[i]!), ys.push(I[i]!));
        const f = linearFit(xs, ys);
        corrected = ip - (f.intercept + f.slope * ep);
      }
      if (dir === 1) {
        ct.anodicPeakPotential[r] = ep;
        ct.anodicPeakCurrent[r] = ip;
        ct.anodicPeakCurrentCorrected[r] = corrected;
      } else {
        ct.cathodicPeakPotential[r] = ep;
        ct.cathodicPeakCurrent[r] = ip;
        ct.cathodicPeakCurrentCorrected[r] = corrected;
      }
    }
    for (let k = 0; k < m; k++) if (sw.cycle[k] === cy && Number.isFinite(sw.scanRate[k]!)) (rateSum += sw.scanRate[k]!), rateN++;
    ct.scanRateVoltPerSecond[r] = rateN ? rateSum / rateN : NaN;
    ct.peakSeparationVolt[r] = ct.anodicPeakPotential[r]! - ct.cathodicPeakPotential[r]!;
    ct.halfWavePotential[r] = (ct.anodicPeakPotential[r]! + ct.cathodicPeakPotential[r]!) / 2;
    const ia = options.baselineWindow ? ct.anodicPeakCurrentCorrected[r]! : ct.anodicPeakCurrent[r]!;
    const ic = options.baselineWindow ? ct.cathodicPeakCurrentCorrected[r]! : ct.cathodicPeakCurrent[r]!;
    ct.peakCurrentRatio[r] = ia / Math.abs(ic);
  });
  return {
    method: 'cyclic voltammetry peaks (echemkit analysis.md §4.6): vertices by potential reversal, extremum current per sweep refined by a parabola',
    parameters: {
      measurement: s.measurementIndex,
      potentialColumn: s.voltageColumn,
      vertexTolerance: tol,
      cycleSource: fileCycle ? 'file: cycle_count' : 'derived (pairs of sweeps from the first sweep direction)',
      peakWindow: options.peakWindow ?? null,
      baselineWindow: options.baselineWindow ?? null,
    },
    packageVersion: PACKAGE_VERSION,
    sweeps: sw,
    cycles: ct,
  };
}
