import { AnalysisError } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import {
  applyChargeShift,
  chargeReferenceFromC1s,
  chargeShift,
  fitXps,
  gls,
  glp,
  linearBackground,
  parseCasaLineShape,
  shirleyBackground,
  tougaardBackground,
  trueFwhm,
  unitArea,
} from '../src/index.js';
import { quantityColumn, numericValues, type Measurement } from '@echemkit/core';

/** Seeded normal noise (mulberry32 + Box–Muller). */
function noise(seed: number) {
  let s = seed;
  const u = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
}

const grid = (a: number, b: number, step: number) => Float64Array.from({ length: Math.round((b - a) / step) + 1 }, (_, i) => Math.round((a + i * step) * 1e9) / 1e9);

/** Trapezoid cumulative integral from the low-energy end (energies ascending). */
function cumulative(e: Float64Array, y: Float64Array): Float64Array {
  const out = new Float64Array(e.length);
  for (let i = 1; i < e.length; i++) out[i] = out[i - 1]! + 0.5 * (y[i]! + y[i - 1]!) * (e[i]! - e[i - 1]!);
  return out;
}

describe('line shapes (CasaXPS definitions)', () => {
  it('areas per unit height and F match docs/analysis.md §6.3', () => {
    expect(unitArea('GLS', 0)).toBeCloseTo(1.064467, 6);
    expect(unitArea('GLS', 1)).toBeCloseTo(Math.PI / 2, 12);
    expect(unitArea('GLS', 0.3)).toBeCloseTo(1.064467 * 0.7 + 1.570796 * 0.3, 6);
    expect(unitArea('GLP', 0.3)).toBeCloseTo(1.041987, 5);
    expect(unitArea('GLP', 0.5)).toBeCloseTo(1.061991, 5);
    expect(trueFwhm('GLP', 1, 0.3)).toBeCloseTo(0.9614, 4);
    expect(glp(285.6, 285, 1.2, 0)).toBeCloseTo(0.5, 12);
    expect(gls(285.6, 285, 1.2, 0.7)).toBeCloseTo(0.5, 12);
    // Brute-force integral of a GLP(30) over ±200 F agrees with the substitution rule.
    let s = 0;
    for (let x = -200; x <= 200; x += 0.001) s += glp(x, 0, 1, 0.3) * 0.001;
    expect(s).toBeCloseTo(unitArea('GLP', 0.3), 4);
    expect(parseCasaLineShape('GL(30)')).toEqual({ shape: 'GLP', m: 0.3 });
    expect(parseCasaLineShape('SGL(30)')).toEqual({ shape: 'GLS', m: 0.3 });
    expect(parseCasaLineShape('LF(0.54,10,80,100,6)')).toBeNull();
  });
});

describe('backgrounds', () => {
  const e = grid(280, 295, 0.05);
  const peak = e.map((x) => 1000 * glp(x, 285, 1.2, 0.3) + 400 * glp(x, 288.5, 1.4, 0.3));

  it('Shirley recovers a background proportional to the cumulative peak area', () => {
    const cum = cumulative(e, peak);
    const k = 300 / cum[cum.length - 1]!;
    const bTrue = cum.map((c) => 100 + k * c);
    const J = Float64Array.from(peak, (p, i) => p + bTrue[i]!);
    const { background, converged } = shirleyBackground(e, J, { average: 1, tolerance: 1e-12, maxIterations: 200 });
    expect(converged).toBe(true);
    for (let i = 0; i < e.length; i++) expect(background[i]).toBeCloseTo(bTrue[i]!, 4);
    // Descending input (the usual BE order) gives the same background, reversed.
    const rev = shirleyBackground(e.slice().reverse(), J.slice().reverse(), { average: 1, tolerance: 1e-12, maxIterations: 200 }).background;
    expect(Array.from(rev).reverse().map((x) => x.toFixed(6))).toEqual(Array.from(background).map((x) => x.toFixed(6)));
  });

  it('Tougaard: the exact background of a spectrum built with the same cross-section is recovered, with its B', () => {
    // J = J_lo + B·∫K(E−E′)(J(E′) − J_lo)dE′ + peak, solved by fixed-point iteration.
    const B = 2866;
    const C = 1643;
    const lo = 50;
    let J = Float64Array.from(peak, (p) => p + lo);
    let bg = new Float64Array(e.length);
    for (let it = 0; it < 60; it++) {
      bg = new Float64Array(e.length);
      for (let i = 1; i < e.length; i++) {
        let s = 0;
        for (let j = 0; j < i; j++) {
          const t0 = e[i]! - e[j]!;
          const t1 = e[i]! - e[j + 1]!;
          const k0 = t0 / (C + t0 * t0) ** 2;
          const k1 = t1 / (C + t1 * t1) ** 2;
          s += 0.5 * (e[j + 1]! - e[j]!) * (k0 * (J[j]! - lo) + k1 * (J[j + 1]! - lo));
        }
        bg[i] = B * s;
      }
      J = Float64Array.from(peak, (p, i) => p + lo + bg[i]!);
    }
    const r = tougaardBackground(e, J, { ends: { lo, hi: J[J.length - 1]! } });
    expect(r.B).toBeCloseTo(B, 6);
    for (let i = 0; i < e.length; i++) expect(r.background[i]).toBeCloseTo(lo + bg[i]!, 6);
    // Fixed B (no fitting) gives the same curve.
    const f = tougaardBackground(e, J, { ends: { lo, hi: 0 }, fitB: false, B });
    expect(f.background[e.length - 1]).toBeCloseTo(J[J.length - 1]! - peak[peak.length - 1]!, 6);
  });

  it('Shirley on a window whose middle dips below both ends stops (finite, converged false) instead of diverging', () => {
    const e = grid(275, 305, 0.05);
    const y = e.map((x) => 1300 + 4000 * glp(x, 285, 1.2, 0.3) - 600 * Math.exp(-(((x - 297) / 4) ** 2)) + (x > 300 ? 700 : 0));
    const r = shirleyBackground(e, y, { maxIterations: 200 });
    expect(r.converged).toBe(false);
    expect(r.background.every(Number.isFinite)).toBe(true);
  });

  it('linear background joins the averaged ends; bad input is an AnalysisError', () => {
    expect(Array.from(linearBackground([1, 2, 3, 4, 5], [10, 0, 0, 0, 50], { average: 1 }))).toEqual([10, 20, 30, 40, 50]);
    expect(() => shirleyBackground([1, 2], [1, 2])).toThrow(AnalysisError);
  });
});

describe('peak fitting with constraints', () => {
  const e = grid(280, 296, 0.05);

  it('noise-free: two GL(30) components on a Shirley background are recovered exactly', () => {
    const areas = [6000, 1500];
    const h = areas.map((a) => a / (1.3 * unitArea('GLP', 0.3)));
    const peaks = e.map((x) => h[0]! * glp(x, 285.6, 1.3, 0.3) + h[1]! * glp(x, 287.1, 1.3, 0.3));
    const cum = cumulative(e, peaks);
    const J = Float64Array.from(peaks, (p, i) => p + 200 + (150 * cum[i]!) / cum[cum.length - 1]!);
    const r = fitXps(e, J, {
      background: 'shirley',
      average: 1,
      peaks: [
        { name: 'C–C', position: 285.3, fwhm: 1.0 },
        { name: 'C–O', position: 287.4, shareFwhmWith: 'C–C' },
      ],
    });
    expect(r.converged).toBe(true);
    expect(r.components[0]!.position).toBeCloseTo(285.6, 4);
    expect(r.components[1]!.position).toBeCloseTo(287.1, 4);
    expect(r.components[0]!.fwhmParameter).toBeCloseTo(1.3, 4);
    expect(r.components[1]!.fwhmParameter).toBe(r.components[0]!.fwhmParameter);
    expect(r.components[0]!.fwhm).toBeCloseTo(1.3 * 0.96143, 3);
    expect(r.components[0]!.area / 6000).toBeCloseTo(1, 3);
    expect(r.components[1]!.area / 1500).toBeCloseTo(1, 3);
    expect(r.ratios[0]).toMatchObject({ numerator: 'C–O', denominator: 'C–C' });
    expect(r.ratios[0]!.ratio).toBeCloseTo(0.25, 3);
    expect(r.method).toMatch(/Levenberg/);
    expect(r.package.version).toBe('0.1.0');
  });

  it('noisy doublet with fixed splitting and 1:2 area ratio: truth within 3σ, σ from the covariance', () => {
    const rnd = noise(7);
    const e2 = grid(95, 110, 0.05);
    const a32 = 8000;
    const h32 = a32 / (0.9 * unitArea('GLS', 0.2));
    const truth = e2.map((x) => h32 * gls(x, 99.4, 0.9, 0.2) + 0.5 * h32 * gls(x, 100.0, 0.9, 0.2));
    const sigmaNoise = 30;
    // No background: σ from the covariance covers the peak parameters only (a fixed, subtracted
    // background's own uncertainty is not propagated — see README).
    const J = Float64Array.from(truth, (t) => t + sigmaNoise * rnd());
    const r = fitXps(e2, J, {
      background: 'none',
      peaks: [
        { name: 'Si 2p3/2', position: 99.2, fwhm: 1.2, shape: 'GLS', lorentzian: 0.2 },
        { name: 'Si 2p1/2', position: 99.8, shape: 'GLS', lorentzian: 0.2, offsetFrom: { peak: 'Si 2p3/2', offset: 0.6 }, areaRatioTo: { peak: 'Si 2p3/2', ratio: 0.5 }, shareFwhmWith: 'Si 2p3/2' },
      ],
      ratios: [['Si 2p1/2', 'Si 2p3/2']],
    });
    const [p32, p12] = r.components as [NonNullable<(typeof r.components)[0]>, NonNullable<(typeof r.components)[0]>];
    expect(p12.position - p32.position).toBeCloseTo(0.6, 10);
    expect(p12.area / p32.area).toBeCloseTo(0.5, 10);
    expect(p32.areaSigma).toBeGreaterThan(0);
    expect(Math.abs(p32.area - a32)).toBeLessThan(3 * p32.areaSigma!);
    expect(Math.abs(p32.position - 99.4)).toBeLessThan(3 * p32.positionSigma!);
    expect(p12.areaSigma).toBeCloseTo(0.5 * p32.areaSigma!, 6);
    expect(r.ratios[0]!.ratio).toBeCloseTo(0.5, 10);
    expect(r.ratios[0]!.sigma).toBeLessThan(1e-6); // fixed by the constraint
    expect(r.rmse).toBeGreaterThan(sigmaNoise * 0.8);
    expect(r.rmse).toBeLessThan(sigmaNoise * 1.2);
  });

  it('unknown constraint targets are AnalysisErrors', () => {
    expect(() => fitXps(e, e.map(() => 1), { peaks: [{ position: 285, shareFwhmWith: 'nope' }] })).toThrow(/unknown peak/);
  });
});

describe('charge referencing', () => {
  it('shifts to 284.8 eV from a fitted C 1s and applies the shift to another region', () => {
    const e = grid(280, 295, 0.05).reverse();
    const y = e.map((x) => 100 + 3000 * glp(x, 285.62, 1.2, 0.3) + 800 * glp(x, 287.2, 1.2, 0.3));
    const m = (name: string, vals: Float64Array): Measurement => ({
      name,
      kind: 'spectrum',
      technique: { name: 'XPS', vendorName: null },
      startTime: null,
      settings: {},
      metadata: { region: name },
      columns: [quantityColumn('binding_energy_electronvolt', e), quantityColumn('intensity_count_per_second', vals)],
    });
    const ref = chargeReferenceFromC1s(m('C1s', y), { background: 'linear', peaks: [{ name: 'C–C', position: 285.5 }, { name: 'C–O', position: 287.0, shareFwhmWith: 'C–C' }] });
    expect(ref.observed).toBeCloseTo(285.62, 3);
    expect(ref.shift).toBeCloseTo(-0.82, 3);
    expect(ref.parameters).toMatchObject({ reference: 284.8, component: 'C–C' });
    const shifted = applyChargeShift(m('O1s', y), ref.shift, ref);
    const be = numericValues(shifted.columns[0]!);
    expect(be[0]).toBeCloseTo(295 + ref.shift, 9);
    expect(shifted.columns[0]!.derived).toBe(true);
    expect(chargeShift(285.0, 285.0).shift).toBe(0);
    expect(chargeShift(284.4, 284.6).shift).toBe(0.2);
  });
});
