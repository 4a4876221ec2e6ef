/**
 * ToF-SIMS depth-profile analysis (docs/analysis.md §5): normalisation, sputter time → depth,
 * interface/interphase depth where a species crosses a fraction of its plateau (decay of an
 * interphase marker from its maximum, or rise of a substrate marker to its bulk plateau),
 * 84–16 % interface width, and per-species summaries.
 */
import { AnalysisError, findQuantityColumn, numericValues, type Measurement } from '@echemkit/core';
import { provenance, type Provenance } from '../version.js';

/** A depth profile as arrays: the x axis (depth or time) and one intensity array per species. */
export interface Profile {
  /** Sputter time (s) per point, when known. */
  time: Float64Array | null;
  /** Depth (nm) per point, when known (from the file or from a sputter rate). */
  depth: Float64Array | null;
  species: Map<string, Float64Array>;
  /** Total ion counts per point when the file has a total column. */
  total: Float64Array | null;
}

const NON_SPECIES = /^(total|sum)\b|total counts|^scan|^cycle|^time|^depth|^dose/i;

/**
 * Reads a `depth-profile` measurement: time/depth quantities, species = every other numeric vendor
 * column (a `Total…` column becomes the total ion count).
 * @example
 * const p = profileOf(doc.measurements[0]);
 */
export function profileOf(m: Measurement): Profile {
  if (m.kind !== 'depth-profile') throw new AnalysisError(`measurement ${m.name ?? ''} is a ${m.kind}, not a depth profile`, { format: 'analysis-surface' });
  const t = findQuantityColumn(m, 'sputter_time_second');
  const d = findQuantityColumn(m, 'depth_nanometre');
  const species = new Map<string, Float64Array>();
  let total: Float64Array | null = null;
  for (const c of m.columns) {
    if (c.quantity || !ArrayBuffer.isView(c.values)) continue;
    if (/^(total|sum)\b|total/i.test(c.name)) total = numericValues(c);
    else if (!NON_SPECIES.test(c.name) && !/^time /.test(c.name)) species.set(c.name, numericValues(c));
  }
  if (!species.size) throw new AnalysisError('the depth profile has no species columns', { format: 'analysis-surface' });
  return { time: t ? numericValues(t) : null, depth: d ? numericValues(d) : null, species, total };
}

export type Normalisation = { mode: 'none' } | { mode: 'total' } | { mode: 'reference'; species: string } | { mode: 'max' };

/**
 * Normalised intensities: by total ion counts per point, by a reference species, or by each species' maximum.
 * @example
 * normalise(p, { mode: 'reference', species: 'Li+' });
 */
export function normalise(p: Profile, how: Normalisation): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  let denom: Float64Array | null = null;
  if (how.mode === 'total') {
    denom = p.total ?? (() => {
      const s = new Float64Array(p.species.values().next().value!.length);
      for (const v of p.species.values()) for (let i = 0; i < s.length; i++) s[i] += Number.isFinite(v[i]!) ? v[i]! : 0;
      return s;
    })();
  } else if (how.mode === 'reference') {
    denom = p.species.get(how.species) ?? null;
    if (!denom) throw new AnalysisError(`reference species ${how.species} is not in the profile`, { format: 'analysis-surface', expected: [...p.species.keys()].join(', ') });
  }
  for (const [name, v] of p.species) {
    if (how.mode === 'none') out.set(name, v.slice());
    else if (how.mode === 'max') {
      let mx = -Infinity;
      for (const x of v) if (x > mx) mx = x;
      out.set(name, v.map((x) => (mx > 0 ? x / mx : NaN)));
    } else out.set(name, v.map((x, i) => (denom![i]! !== 0 ? x / denom![i]! : NaN)));
  }
  return out;
}

/**
 * Depth = rate · time (rate in nm/s); with `interfaces` (sputter times) and several rates, piecewise.
 * @example
 * depthFromTime(Float64Array.of(0, 10, 20), 0.5); // [0, 5, 10]
 */
export function depthFromTime(time: ArrayLike<number>, rate: number | number[], interfaces: number[] = []): Float64Array {
  const rates = Array.isArray(rate) ? rate : [rate];
  if (rates.length !== interfaces.length + 1) throw new AnalysisError('piecewise sputter rates need one rate more than interface times', { format: 'analysis-surface' });
  if (rates.some((r) => !(r > 0))) throw new AnalysisError('sputter rates must be positive', { format: 'analysis-surface' });
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    let d = 0;
    let t0 = 0;
    for (let k = 0; k < rates.length; k++) {
      const t1 = k < interfaces.length ? interfaces[k]! : Infinity;
      if (t <= t0) break;
      d += rates[k]! * (Math.min(t, t1) - t0);
      t0 = t1;
    }
    out[i] = d;
  }
  return out;
}

/** First x where y crosses `level` going in `direction`, interpolated linearly; starts at index `from`. */
export function crossing(x: ArrayLike<number>, y: ArrayLike<number>, level: number, direction: 'down' | 'up', from = 0): number | null {
  for (let i = Math.max(1, from + 1); i < y.length; i++) {
    const a = y[i - 1]!;
    const b = y[i]!;
    const hit = direction === 'down' ? a >= level && b < level : a <= level && b > level;
    if (hit) return x[i - 1]! + ((level - a) / (b - a)) * (x[i]! - x[i - 1]!);
    if (b === level) return x[i]!;
  }
  return null;
}

/** Moving median of odd width; at the edges the window holds fewer points and the lower middle is taken. */
export function movingMedian(y: ArrayLike<number>, width: number): Float64Array {
  const w = Math.max(1, Math.floor(width) | 1);
  const h = (w - 1) / 2;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const win: number[] = [];
    for (let k = Math.max(0, i - h); k <= Math.min(y.length - 1, i + h); k++) win.push(y[k]!);
    win.sort((a, b) => a - b);
    out[i] = win[(win.length - 1) >> 1]!;
  }
  return out;
}

export interface InterfaceOptions {
  /** `decay`: an interphase marker falling from its maximum; `rise`: a substrate marker rising to its bulk plateau. */
  kind: 'decay' | 'rise';
  /** Fraction of the plateau (default 0.5). */
  fraction?: number;
  /** Points skipped at the start (surface transient, default 0). */
  skip?: number;
  /** Moving-median width applied first (default 1 = none). */
  smooth?: number;
  /** Points averaged at the end for the bulk plateau of a rising species (default: last 10 %, at least 3). */
  plateauPoints?: number;
}

export interface InterfaceResult {
  species: string;
  kind: 'decay' | 'rise';
  plateau: number;
  /** Depth (or time when no depth is known) where the species crosses fraction·plateau. */
  position: number | null;
  /** Width between the 84 % and 16 % crossings (≈ 2σ of an error-function profile). */
  width: number | null;
  axis: 'depth_nanometre' | 'sputter_time_second';
}

/**
 * Where a species crosses a fraction of its plateau.
 * @example
 * interfacePosition(x, lif, 'LiF-', { kind: 'decay' }).position; // SEI thickness in nm when x is depth
 */
export function interfacePosition(x: ArrayLike<number>, y: ArrayLike<number>, species: string, opts: InterfaceOptions, axis: InterfaceResult['axis'] = 'depth_nanometre'): InterfaceResult {
  const f = opts.fraction ?? 0.5;
  const skip = opts.skip ?? 0;
  const ys = (opts.smooth ?? 1) > 1 ? movingMedian(y, opts.smooth!) : Float64Array.from(y as ArrayLike<number>);
  const n = ys.length;
  if (n - skip < 3) throw new AnalysisError('too few points after the skipped surface transient', { format: 'analysis-surface' });
  if (opts.kind === 'decay') {
    let k = skip;
    for (let i = skip; i < n; i++) if (ys[i]! > ys[k]!) k = i;
    const plateau = ys[k]!;
    const at = (frac: number) => crossing(x, ys, frac * plateau, 'down', k);
    const p84 = at(0.84);
    const p16 = at(0.16);
    return { species, kind: 'decay', plateau, position: at(f), width: p84 !== null && p16 !== null ? p16 - p84 : null, axis };
  }
  const np = opts.plateauPoints ?? Math.max(3, Math.round(n * 0.1));
  let s = 0;
  for (let i = n - np; i < n; i++) s += ys[i]!;
  const plateau = s / np;
  const at = (frac: number) => crossing(x, ys, frac * plateau, 'up', skip);
  const p16 = at(0.16);
  const p84 = at(0.84);
  return { species, kind: 'rise', plateau, position: at(f), width: p84 !== null && p16 !== null ? p84 - p16 : null, axis };
}

export interface SpeciesSummary {
  species: string;
  max: number;
  /** x at the maximum. */
  atMax: number;
  mean: number;
  /** ∫ y dx by trapezoids over the axis. */
  integral: number;
  first: number;
  last: number;
}

/** Per-species summaries on an axis. */
export function summarise(x: ArrayLike<number>, species: Map<string, Float64Array>): SpeciesSummary[] {
  return [...species].map(([name, y]) => {
    let k = 0;
    let sum = 0;
    let integral = 0;
    for (let i = 0; i < y.length; i++) {
      if (y[i]! > y[k]!) k = i;
      sum += y[i]!;
      if (i > 0) integral += 0.5 * (y[i]! + y[i - 1]!) * (x[i]! - x[i - 1]!);
    }
    return { species: name, max: y[k]!, atMax: x[k]!, mean: sum / y.length, integral, first: y[0]!, last: y[y.length - 1]! };
  });
}

export interface DepthProfileOptions {
  /** Sputter rate in nm/s (needed when the file has time only and depths are wanted). */
  sputterRate?: number;
  normalisation?: Normalisation;
  /** Interphase markers (decay) and substrate markers (rise). */
  markers?: { species: string; kind: 'decay' | 'rise' }[];
  fraction?: number;
  skip?: number;
  smooth?: number;
}

export interface DepthProfileResult extends Provenance {
  axis: 'depth_nanometre' | 'sputter_time_second';
  x: Float64Array;
  normalised: Map<string, Float64Array>;
  interfaces: InterfaceResult[];
  summaries: SpeciesSummary[];
}

/**
 * The whole depth-profile analysis of one measurement.
 * @example
 * analyzeDepthProfile(m, { sputterRate: 0.1, normalisation: { mode: 'total' }, markers: [{ species: 'LiF-', kind: 'decay' }] });
 */
export function analyzeDepthProfile(m: Measurement, opts: DepthProfileOptions = {}): DepthProfileResult {
  const p = profileOf(m);
  let x: Float64Array;
  let axis: DepthProfileResult['axis'];
  if (p.depth) {
    x = p.depth;
    axis = 'depth_nanometre';
  } else if (p.time && opts.sputterRate) {
    x = depthFromTime(p.time, opts.sputterRate);
    axis = 'depth_nanometre';
  } else if (p.time) {
    x = p.time;
    axis = 'sputter_time_second';
  } else throw new AnalysisError('the profile has neither sputter time nor depth', { format: 'analysis-surface' });
  const how = opts.normalisation ?? { mode: 'none' };
  const normalised = normalise(p, how);
  const interfaces = (opts.markers ?? []).map((mk) => {
    const y = normalised.get(mk.species);
    if (!y) throw new AnalysisError(`species ${mk.species} is not in the profile`, { format: 'analysis-surface', expected: [...normalised.keys()].join(', ') });
    return interfacePosition(x, y, mk.species, { kind: mk.kind, fraction: opts.fraction, skip: opts.skip, smooth: opts.smooth }, axis);
  });
  return {
    ...provenance('ToF-SIMS depth profile: normalisation, depth scale, fraction-of-plateau interfaces', { ...opts, normalisation: how }),
    axis,
    x,
    normalised,
    interfaces,
    summaries: summarise(x, normalised),
  };
}
