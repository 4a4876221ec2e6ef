/** Peak finding on uniformly sampled curves (dQ/dV) and tracking across cycles (analysis.md §4.4). */
import { linearFit } from './stats.js';

export interface Peak {
  /** Position refined by a parabola through the three highest samples. */
  position: number;
  height: number;
  prominence: number;
  /** Full width at half prominence, in x units. */
  width: number;
  /** ∫ y dx between the valleys on either side (for dQ/dV: the capacity of that stage, Ah). */
  area: number;
  index: number;
}

export interface PeakOptions {
  /** Minimum prominence as a fraction of the curve maximum. Default 0.05. */
  minProminenceFraction?: number;
  /** Minimum distance between peaks, x units. Default 0.02 (20 mV). */
  minSeparation?: number;
}

/**
 * Local maxima of y(x) (x uniform, increasing), filtered by prominence and separation.
 * @example
 * findPeaks(voltage, dqdv, { minProminenceFraction: 0.05, minSeparation: 0.02 });
 */
export function findPeaks(x: Float64Array, y: Float64Array, opts: PeakOptions = {}): Peak[] {
  const n = y.length;
  const frac = opts.minProminenceFraction ?? 0.05;
  const sep = opts.minSeparation ?? 0.02;
  let ymax = -Infinity;
  for (let i = 0; i < n; i++) if (y[i]! > ymax) ymax = y[i]!;
  if (!(ymax > 0)) return [];
  // Prominence needs, for each maximum, the nearest higher sample on each side and the minimum in
  // between: previous/next greater elements by a monotonic stack and range minima by a sparse table
  // keep this O(n log n) on long noisy curves (a naive scan is O(n²)).
  const prevGreater = new Int32Array(n).fill(-1);
  const nextGreater = new Int32Array(n).fill(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    while (top > 0 && !(y[stack[top - 1]!]! > y[i]!)) nextGreater[stack[--top]!] = i;
    prevGreater[i] = top > 0 ? stack[top - 1]! : -1;
    stack[top++] = i;
  }
  const minTable = rangeMinTable(y);
  const cands: { i: number; prom: number; lo: number; hi: number }[] = [];
  for (let i = 1; i < n - 1; i++) {
    const v = y[i]!;
    if (!(v > y[i - 1]!) || !(v >= y[i + 1]!)) continue;
    const lo = rangeMin(minTable, y, prevGreater[i]! + 1, i);
    const hi = rangeMin(minTable, y, i, nextGreater[i]! - 1);
    const prom = v - Math.max(y[lo]!, y[hi]!);
    if (prom >= frac * ymax) cands.push({ i, prom, lo, hi });
  }
  cands.sort((a, b) => y[b.i]! - y[a.i]!);
  const kept: typeof cands = [];
  for (const c of cands) if (kept.every((k) => Math.abs(x[k.i]! - x[c.i]!) >= sep)) kept.push(c);
  kept.sort((a, b) => a.i - b.i);
  const h = n > 1 ? x[1]! - x[0]! : 1;
  return kept.map((c, k) => {
    const i = c.i;
    const y0 = y[i - 1]!, y1 = y[i]!, y2 = y[i + 1]!;
    const den = y0 - 2 * y1 + y2;
    const off = den < 0 ? (0.5 * (y0 - y2)) / den : 0;
    const position = x[i]! + off * h;
    const height = y1 - 0.25 * (y0 - y2) * off;
    // half-prominence width
    const level = y1 - c.prom / 2;
    let l = i;
    while (l > c.lo && y[l]! > level) l--;
    let r = i;
    while (r < c.hi && y[r]! > level) r++;
    const xl = y[l + 1]! !== y[l]! ? x[l]! + ((level - y[l]!) / (y[l + 1]! - y[l]!)) * h : x[l]!;
    const xr = y[r - 1]! !== y[r]! ? x[r - 1]! + ((y[r - 1]! - level) / (y[r - 1]! - y[r]!)) * h : x[r]!;
    // area between the valleys towards the neighbouring kept peaks
    const prevI = k > 0 ? kept[k - 1]!.i : 0;
    const nextI = k + 1 < kept.length ? kept[k + 1]!.i : n - 1;
    let a = i;
    for (let j = i; j >= prevI; j--) if (y[j]! < y[a]!) a = j;
    let b = i;
    for (let j = i; j <= nextI; j++) if (y[j]! < y[b]!) b = j;
    let area = 0;
    for (let j = a; j < b; j++) area += 0.5 * (y[j]! + y[j + 1]!) * (x[j + 1]! - x[j]!);
    return { position, height, prominence: c.prom, width: xr - xl, area, index: i };
  });
}

/** Sparse table of argmin indexes: level k holds the argmin of y over [i, i + 2^k). */
function rangeMinTable(y: Float64Array): Int32Array[] {
  const n = y.length;
  const levels: Int32Array[] = [Int32Array.from({ length: n }, (_, i) => i)];
  for (let k = 1; 1 << k <= n; k++) {
    const prev = levels[k - 1]!;
    const half = 1 << (k - 1);
    const cur = new Int32Array(n - (1 << k) + 1);
    for (let i = 0; i < cur.length; i++) {
      const a = prev[i]!;
      const b = prev[i + half]!;
      cur[i] = y[b]! < y[a]! ? b : a;
    }
    levels.push(cur);
  }
  return levels;
}

/** Index of the minimum of y over [a, b] (inclusive; NaN-free input). */
function rangeMin(levels: Int32Array[], y: Float64Array, a: number, b: number): number {
  const k = 31 - Math.clz32(b - a + 1);
  const p = levels[k]![a]!;
  const q = levels[k]![b - (1 << k) + 1]!;
  return y[q]! < y[p]! ? q : p;
}

/** One row per (track, cycle) with the matched peak, NaN when the track was not found in that cycle. */
export interface PeakTrackTable {
  length: number;
  track: Int32Array;
  cycle: Int32Array;
  position: Float64Array;
  height: Float64Array;
  area: Float64Array;
}

/** Per track: drift of position (mV/cycle) and fade of height and area per cycle, by least squares. */
export interface PeakTrackSummary {
  length: number;
  track: Int32Array;
  referencePosition: Float64Array;
  positionDriftMvPerCycle: Float64Array;
  positionDriftStdErr: Float64Array;
  heightSlopePerCycle: Float64Array;
  areaSlopePerCycle: Float64Array;
}

/**
 * Follows the peaks of a reference curve across cycles by nearest position within ±window of the
 * track's last position (one-to-one, closest pairs first).
 * @example
 * trackPeaks([{ cycle: 1, peaks }, { cycle: 2, peaks: p2 }], 0.03);
 */
export function trackPeaks(curves: { cycle: number; peaks: Peak[] }[], window = 0.03): { table: PeakTrackTable; summary: PeakTrackSummary } {
  const refIdx = curves.findIndex((c) => c.peaks.length > 0);
  const tracks: { last: number; rows: { cycle: number; p: Peak | undefined }[] }[] = [];
  if (refIdx >= 0) for (const p of curves[refIdx]!.peaks) tracks.push({ last: p.position, rows: [{ cycle: curves[refIdx]!.cycle, p }] });
  for (let c = refIdx + 1; refIdx >= 0 && c < curves.length; c++) {
    const pk = curves[c]!.peaks;
    const pairs: { t: number; q: number; d: number }[] = [];
    tracks.forEach((tr, t) => pk.forEach((p, q) => {
      const d = Math.abs(p.position - tr.last);
      if (d <= window) pairs.push({ t, q, d });
    }));
    pairs.sort((a, b) => a.d - b.d);
    const usedT = new Set<number>();
    const usedQ = new Set<number>();
    const match = new Map<number, Peak>();
    for (const pr of pairs) {
      if (usedT.has(pr.t) || usedQ.has(pr.q)) continue;
      usedT.add(pr.t);
      usedQ.add(pr.q);
      match.set(pr.t, pk[pr.q]!);
    }
    tracks.forEach((tr, t) => {
      const p = match.get(t);
      if (p) tr.last = p.position;
      tr.rows.push({ cycle: curves[c]!.cycle, p });
    });
  }
  const n = tracks.reduce((s, t) => s + t.rows.length, 0);
  const table: PeakTrackTable = { length: n, track: new Int32Array(n), cycle: new Int32Array(n), position: new Float64Array(n), height: new Float64Array(n), area: new Float64Array(n) };
  const m = tracks.length;
  const summary: PeakTrackSummary = {
    length: m,
    track: new Int32Array(m),
    referencePosition: new Float64Array(m),
    positionDriftMvPerCycle: new Float64Array(m),
    positionDriftStdErr: new Float64Array(m),
    heightSlopePerCycle: new Float64Array(m),
    areaSlopePerCycle: new Float64Array(m),
  };
  let r = 0;
  tracks.forEach((tr, t) => {
    const start = r;
    for (const row of tr.rows) {
      table.track[r] = t + 1;
      table.cycle[r] = row.cycle;
      table.position[r] = row.p ? row.p.position : NaN;
      table.height[r] = row.p ? row.p.height : NaN;
      table.area[r] = row.p ? row.p.area : NaN;
      r++;
    }
    const cyc = table.cycle.subarray(start, r);
    const pos = linearFit(cyc, table.position.subarray(start, r));
    summary.track[t] = t + 1;
    summary.referencePosition[t] = table.position[start]!;
    summary.positionDriftMvPerCycle[t] = pos.slope * 1000;
    summary.positionDriftStdErr[t] = pos.slopeStdErr * 1000;
    summary.heightSlopePerCycle[t] = linearFit(cyc, table.height.subarray(start, r)).slope;
    summary.areaSlopePerCycle[t] = linearFit(cyc, table.area.subarray(start, r)).slope;
  });
  return { table, summary };
}
