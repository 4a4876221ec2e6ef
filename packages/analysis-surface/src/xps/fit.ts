/**
 * Multi-peak fitting of XPS regions: background (fixed, computed first) + a sum of GLS/GLP
 * components with constraints (fixed values, windows, shared FWHM, fixed position offsets,
 * fixed area ratios for spin–orbit doublets). Areas carry one-sigma uncertainties from the
 * covariance; area ratios between components are propagated with their covariance.
 */
import { AnalysisError } from '@echemkit/core';
import { provenance, type Provenance } from '../version.js';
import { linearBackground, shirleyBackground, tougaardBackground, type TougaardParameters } from './background.js';
import { levenbergMarquardt } from './lm.js';
import { shapeFunction, trueFwhm, unitArea, type LineShape } from './lineshapes.js';

/** One component to fit. Positions are binding energies (eV); `fwhm` is the width parameter F. */
export interface PeakSpec {
  name?: string;
  position: number;
  fwhm?: number;
  /** Initial area (default: from the data maximum near the position). */
  area?: number;
  /** Line shape (default GLP = CasaXPS GL(p)). */
  shape?: LineShape;
  /** Lorentzian fraction m (default 0.3, i.e. GL(30)). */
  lorentzian?: number;
  /** Fit m in [0, 1] instead of keeping it fixed. */
  fitLorentzian?: boolean;
  positionRange?: [number, number];
  fwhmRange?: [number, number];
  fix?: { position?: boolean; fwhm?: boolean; area?: boolean };
  /** F = F(other)·fwhmRatio (shared FWHM). */
  shareFwhmWith?: string | number;
  fwhmRatio?: number;
  /** position = position(other) + offset (e.g. spin–orbit splitting). */
  offsetFrom?: { peak: string | number; offset: number };
  /** area = area(other)·ratio (e.g. 0.5 for p1/2 : p3/2). */
  areaRatioTo?: { peak: string | number; ratio: number };
}

export type BackgroundKind = 'shirley' | 'tougaard' | 'linear' | 'none';

export interface FitOptions {
  peaks: PeakSpec[];
  background?: BackgroundKind;
  /** Binding-energy window [lo, hi] to fit (default: the whole spectrum). */
  range?: [number, number];
  /** End points averaged for the background (default 5). */
  average?: number;
  tougaard?: TougaardParameters & { fitB?: boolean };
  /** Area ratios to report: pairs [numerator, denominator] by name or index (default: every component relative to the first). */
  ratios?: [string | number, string | number][];
  maxIterations?: number;
}

export interface FittedComponent {
  name: string;
  shape: LineShape;
  lorentzian: number;
  position: number;
  positionSigma: number | null;
  /** Width parameter F of the line shape. */
  fwhmParameter: number;
  fwhmParameterSigma: number | null;
  /** True full width at half maximum (differs from F for GLP). */
  fwhm: number;
  area: number;
  areaSigma: number | null;
  height: number;
  /** Area / sum of component areas. */
  areaFraction: number;
}

export interface AreaRatio {
  numerator: string;
  denominator: string;
  ratio: number;
  sigma: number | null;
}

export interface XpsFitResult extends Provenance {
  components: FittedComponent[];
  ratios: AreaRatio[];
  background: { kind: BackgroundKind; values: Float64Array; B?: number; C?: number; D?: number; iterations?: number; converged?: boolean };
  energy: Float64Array;
  intensity: Float64Array;
  envelope: Float64Array;
  residual: Float64Array;
  chiSquare: number;
  reducedChiSquare: number;
  /** Root-mean-square residual in intensity units. */
  rmse: number;
  iterations: number;
  converged: boolean;
}

type Slot = { kind: 'free'; index: number } | { kind: 'fixed'; value: number } | { kind: 'tied'; ref: number; factor: number; add: number; what: 'position' | 'fwhm' | 'area' };

function refIndex(ref: string | number, peaks: PeakSpec[], names: string[]): number {
  const i = typeof ref === 'number' ? ref : names.indexOf(ref);
  if (i < 0 || i >= peaks.length) throw new AnalysisError(`constraint refers to an unknown peak ${JSON.stringify(ref)}`, { format: 'analysis-surface', expected: names.join(', ') });
  return i;
}

/**
 * Fits peaks to one spectrum.
 * @example
 * const r = fitXps(be, counts, { background: 'shirley', peaks: [{ name: 'C–C', position: 284.8 }, { name: 'C–O', position: 286.3, shareFwhmWith: 'C–C' }] });
 * r.components[1].area / r.components[0].area; // C–O relative to C–C (also in r.ratios with its sigma)
 */
export function fitXps(energy: ArrayLike<number>, intensity: ArrayLike<number>, options: FitOptions): XpsFitResult {
  const { peaks } = options;
  if (!peaks.length) throw new AnalysisError('no peaks to fit', { format: 'analysis-surface', hint: 'Give at least one peak position' });
  // Select the window, keeping finite points only.
  const sel: number[] = [];
  for (let i = 0; i < energy.length; i++) {
    const e = energy[i]!;
    const y = intensity[i]!;
    if (!Number.isFinite(e) || !Number.isFinite(y)) continue;
    if (options.range && (e < Math.min(...options.range) || e > Math.max(...options.range))) continue;
    sel.push(i);
  }
  const E = Float64Array.from(sel, (i) => energy[i]!);
  const Y = Float64Array.from(sel, (i) => intensity[i]!);
  const n = E.length;
  if (n < 5) throw new AnalysisError('too few points in the fit window', { format: 'analysis-surface', actual: String(n) });
  const kind = options.background ?? 'shirley';
  const average = options.average ?? 5;
  let bg: XpsFitResult['background'];
  if (kind === 'shirley') {
    const s = shirleyBackground(E, Y, { average });
    bg = { kind, values: s.background, iterations: s.iterations, converged: s.converged };
  } else if (kind === 'tougaard') {
    const t = tougaardBackground(E, Y, { average, ...options.tougaard });
    bg = { kind, values: t.background, B: t.B, C: t.C, D: t.D };
  } else if (kind === 'linear') bg = { kind, values: linearBackground(E, Y, { average }) };
  else bg = { kind, values: new Float64Array(n) };
  const net = Float64Array.from(Y, (y, i) => y - bg.values[i]!);

  const names = peaks.map((p, i) => p.name ?? `peak ${i + 1}`);
  const eMin = Math.min(...E);
  const eMax = Math.max(...E);
  const span = eMax - eMin;
  const init: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const free = (v: number, l: number, h: number): Slot => {
    init.push(Math.min(h, Math.max(l, v)));
    lo.push(l);
    hi.push(h);
    return { kind: 'free', index: init.length - 1 };
  };
  const maxNet = Math.max(...net, 1e-300);
  const slots = peaks.map((p) => {
    const f0 = p.fwhm ?? 1.5;
    const m0 = p.lorentzian ?? 0.3;
    const shape = p.shape ?? 'GLP';
    let nearest = 0;
    for (let k = 1; k < n; k++) if (Math.abs(E[k]! - p.position) < Math.abs(E[nearest]! - p.position)) nearest = k;
    const a0 = p.area ?? Math.max(net[nearest]!, maxNet * 0.05) * f0 * unitArea(shape, m0);
    const position: Slot = p.offsetFrom
      ? { kind: 'tied', ref: refIndex(p.offsetFrom.peak, peaks, names), factor: 1, add: p.offsetFrom.offset, what: 'position' }
      : p.fix?.position
        ? { kind: 'fixed', value: p.position }
        : free(p.position, p.positionRange?.[0] ?? Math.max(eMin, p.position - Math.max(2, span / 4)), p.positionRange?.[1] ?? Math.min(eMax, p.position + Math.max(2, span / 4)));
    const fwhm: Slot = p.shareFwhmWith !== undefined
      ? { kind: 'tied', ref: refIndex(p.shareFwhmWith, peaks, names), factor: p.fwhmRatio ?? 1, add: 0, what: 'fwhm' }
      : p.fix?.fwhm
        ? { kind: 'fixed', value: f0 }
        : free(f0, p.fwhmRange?.[0] ?? 0.2, p.fwhmRange?.[1] ?? Math.max(8, f0 * 3));
    const area: Slot = p.areaRatioTo
      ? { kind: 'tied', ref: refIndex(p.areaRatioTo.peak, peaks, names), factor: p.areaRatioTo.ratio, add: 0, what: 'area' }
      : p.fix?.area
        ? { kind: 'fixed', value: a0 }
        : free(Math.max(a0, 1e-12), 0, Infinity);
    const mix: Slot = p.fitLorentzian ? free(m0, 0, 1) : { kind: 'fixed', value: m0 };
    // Ties may point to earlier or later peaks; cycles are caught when expanding.
    return { position, fwhm, area, mix, shape };
  });

  const P = peaks.length;
  const full = new Float64Array(4 * P); // per peak: position, F, area, m
  const expand = (p: Float64Array, out: Float64Array) => {
    const resolve = (slot: Slot, what: number, depth: number): number => {
      if (depth > P) throw new AnalysisError('constraints form a cycle', { format: 'analysis-surface' });
      if (slot.kind === 'free') return p[slot.index]!;
      if (slot.kind === 'fixed') return slot.value;
      const r = slots[slot.ref]!;
      const base = resolve(what === 0 ? r.position : what === 1 ? r.fwhm : r.area, what, depth + 1);
      return base * slot.factor + slot.add;
    };
    for (let k = 0; k < P; k++) {
      const s = slots[k]!;
      out[4 * k] = resolve(s.position, 0, 0);
      out[4 * k + 1] = resolve(s.fwhm, 1, 0);
      out[4 * k + 2] = resolve(s.area, 2, 0);
      out[4 * k + 3] = resolve(s.mix, 3, 0);
    }
  };
  const fns = slots.map((s) => shapeFunction(s.shape));
  const model = (params: Float64Array, out: Float64Array) => {
    expand(params, full);
    out.fill(0);
    for (let k = 0; k < P; k++) {
      const e0 = full[4 * k]!;
      const f = full[4 * k + 1]!;
      const m = full[4 * k + 3]!;
      const h = full[4 * k + 2]! / (f * unitArea(slots[k]!.shape, m));
      const fn = fns[k]!;
      for (let i = 0; i < n; i++) out[i] += h * fn(E[i]!, e0, f, m);
    }
  };
  const tmp = new Float64Array(n);
  const lm = levenbergMarquardt(
    {
      size: n,
      initial: Float64Array.from(init),
      lower: Float64Array.from(lo),
      upper: Float64Array.from(hi),
      residuals: (params, out) => {
        model(params, tmp);
        for (let i = 0; i < n; i++) out[i] = tmp[i]! - net[i]!;
      },
    },
    { maxIterations: options.maxIterations ?? 500 },
  );
  const envelopeNet = new Float64Array(n);
  model(lm.parameters, envelopeNet);
  expand(lm.parameters, full);
  const fullValues = full.slice();
  // Full covariance via the (linear) map free → full parameters.
  let fullCov: number[][] | null = null;
  if (lm.covariance) {
    const nf = lm.parameters.length;
    const G: number[][] = Array.from({ length: 4 * P }, () => new Array<number>(nf).fill(0));
    const pp = lm.parameters.slice();
    const shifted = new Float64Array(4 * P);
    for (let j = 0; j < nf; j++) {
      const h = 1e-6 * Math.max(Math.abs(pp[j]!), 1e-6);
      pp[j] = lm.parameters[j]! + h;
      expand(pp, shifted);
      pp[j] = lm.parameters[j]!;
      for (let a = 0; a < 4 * P; a++) G[a]![j] = (shifted[a]! - fullValues[a]!) / h;
    }
    const C = lm.covariance;
    fullCov = G.map((ga) => G.map((gb) => {
      let s = 0;
      for (let x = 0; x < nf; x++) for (let y = 0; y < nf; y++) s += ga[x]! * C[x]![y]! * gb[y]!;
      return s;
    }));
  }
  const sigma = (k: number) => (fullCov ? Math.sqrt(Math.max(0, fullCov[k]![k]!)) : null);
  const totalArea = slots.reduce((s, _x, k) => s + fullValues[4 * k + 2]!, 0);
  const components: FittedComponent[] = slots.map((s, k) => {
    const f = fullValues[4 * k + 1]!;
    const m = fullValues[4 * k + 3]!;
    const area = fullValues[4 * k + 2]!;
    return {
      name: names[k]!,
      shape: s.shape,
      lorentzian: m,
      position: fullValues[4 * k]!,
      positionSigma: sigma(4 * k),
      fwhmParameter: f,
      fwhmParameterSigma: sigma(4 * k + 1),
      fwhm: trueFwhm(s.shape, f, m),
      area,
      areaSigma: sigma(4 * k + 2),
      height: area / (f * unitArea(s.shape, m)),
      areaFraction: totalArea > 0 ? area / totalArea : NaN,
    };
  });
  const pairs = options.ratios ?? components.slice(1).map((_c, k) => [k + 1, 0] as [number, number]);
  const ratios: AreaRatio[] = pairs.map(([a, b]) => {
    const i = refIndex(a, peaks, names);
    const j = refIndex(b, peaks, names);
    const A = fullValues[4 * i + 2]!;
    const B = fullValues[4 * j + 2]!;
    const ratio = A / B;
    let sig: number | null = null;
    if (fullCov) {
      const vA = fullCov[4 * i + 2]![4 * i + 2]!;
      const vB = fullCov[4 * j + 2]![4 * j + 2]!;
      const cAB = fullCov[4 * i + 2]![4 * j + 2]!;
      sig = Math.abs(ratio) * Math.sqrt(Math.max(0, vA / (A * A) + vB / (B * B) - (2 * cAB) / (A * B)));
    }
    return { numerator: names[i]!, denominator: names[j]!, ratio, sigma: sig };
  });
  const residual = Float64Array.from(net, (y, i) => y - envelopeNet[i]!);
  const envelope = Float64Array.from(envelopeNet, (v, i) => v + bg.values[i]!);
  let ss = 0;
  for (const r of residual) ss += r * r;
  return {
    ...provenance('XPS peak fit: fixed background + GL sum/product components, bounded Levenberg–Marquardt', {
      background: kind,
      range: options.range ?? null,
      average,
      tougaard: options.tougaard ?? null,
      peaks,
    }),
    components,
    ratios,
    background: bg,
    energy: E,
    intensity: Y,
    envelope,
    residual,
    chiSquare: lm.chiSquare,
    reducedChiSquare: lm.reducedChiSquare,
    rmse: Math.sqrt(ss / n),
    iterations: lm.iterations,
    converged: lm.converged,
  };
}
