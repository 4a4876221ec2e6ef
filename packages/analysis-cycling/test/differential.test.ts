import { describe, expect, it } from 'vitest';
import { analyzeCycling, findPeaks, savgol, differentialOfHalfCycle } from '@echemkit/analysis-cycling';
import { basicDocument, type StepSpec } from './synthetic.js';

const Q1 = 0.4;
const Q2 = 0.6;
const W = 0.02;
const C = 0.001; // Ah/V background so V(Q) is monotonic everywhere
const sig = (x: number) => 1 / (1 + Math.exp(-x));
/** Q(V) with two stages centred at p1, p2: dQ/dV peaks exactly at p1 and p2 with heights Q/(4W) + C. */
const qOfV = (v: number, p1: number, p2: number) => Q1 * sig((v - p1) / W) + Q2 * sig((v - p2) / W) + C * (v - 3.0);
function vOfQ(q: number, p1: number, p2: number): number {
  let lo = 2.5;
  let hi = 4.7;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (qOfV(mid, p1, p2) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
/** A constant-current half-cycle between 3.0 and 4.2 V following Q(V). */
function halfCycle(current: number, p1: number, p2: number): StepSpec {
  const q0 = qOfV(3.0, p1, p2);
  const q1 = qOfV(4.2, p1, p2);
  const dur = ((q1 - q0) * 3600) / Math.abs(current);
  return {
    duration: dur,
    n: 6000,
    current: () => current,
    voltage: (t) => (current > 0 ? vOfQ(q0 + (current * t) / 3600, p1, p2) : vOfQ(q1 + (current * t) / 3600, p1, p2)),
  };
}

describe('Savitzky–Golay', () => {
  it('differentiates a cubic exactly, including the edges', () => {
    const h = 0.01;
    const y = Float64Array.from({ length: 50 }, (_, i) => 2 + 3 * (i * h) - (i * h) ** 2 + 0.5 * (i * h) ** 3);
    const d = savgol(y, 11, 3, 1, h);
    for (let i = 0; i < 50; i++) expect(d[i]).toBeCloseTo(3 - 2 * (i * h) + 1.5 * (i * h) ** 2, 10);
    const s = savgol(y, 11, 3, 0, h);
    for (let i = 0; i < 50; i++) expect(s[i]).toBeCloseTo(y[i]!, 12);
  });
});

describe('dQ/dV and dV/dQ on two-stage synthetic curves', () => {
  const shifts = [0, 0.005, 0.01];
  const steps = shifts.flatMap((d) => [halfCycle(1, 3.5 + d, 3.9 + d), halfCycle(-1, 3.48 + d, 3.88 + d)]);
  const r = analyzeCycling(basicDocument(steps));
  const d = r.differential!;

  it('finds the peaks at the stage potentials with the stage capacities', () => {
    expect(d.curves.length).toBe(6);
    for (const c of d.curves) {
      const shift = shifts[c.cycle - 1]!;
      const base = c.direction === 'charge' ? 0 : -0.02;
      expect(c.peaks.length).toBe(2);
      expect(Math.abs(c.peaks[0]!.position - (3.5 + base + shift))).toBeLessThan(2e-4);
      expect(Math.abs(c.peaks[1]!.position - (3.9 + base + shift))).toBeLessThan(2e-4);
      // heights Q/(4W) + C, slightly lowered by the 21 mV Savitzky–Golay window
      expect(c.peaks[0]!.height / (Q1 / (4 * W) + C)).toBeGreaterThan(0.985);
      expect(c.peaks[0]!.height / (Q1 / (4 * W) + C)).toBeLessThan(1.0001);
      expect(c.peaks[1]!.height / (Q2 / (4 * W) + C)).toBeGreaterThan(0.985);
      // logistic FWHM = 2·ln(3+2√2)·W = 3.5255·W
      expect(Math.abs(c.peaks[1]!.width - 3.5255 * W) / (3.5255 * W)).toBeLessThan(0.02);
      // areas = stage capacities (plus the small background over the window)
      expect(Math.abs(c.peaks[0]!.area - Q1)).toBeLessThan(0.01);
      expect(Math.abs(c.peaks[1]!.area - Q2)).toBeLessThan(0.01);
      // ∫ dQ/dV dV = half-cycle capacity
      let area = 0;
      for (let k = 1; k < c.voltage.length; k++) area += 0.5 * (c.dqdv[k]! + c.dqdv[k - 1]!) * (c.voltage[k]! - c.voltage[k - 1]!);
      expect(Math.abs(area - c.capacityAh) / c.capacityAh).toBeLessThan(2e-3);
      expect(c.dqdv.every((x) => x > -1e-3)).toBe(true); // magnitudes for discharge too
    }
  });

  it('tracks the peaks across cycles: +5 mV/cycle drift', () => {
    for (const dir of ['charge', 'discharge'] as const) {
      const s = d.tracks[dir].summary;
      expect(s.length).toBe(2);
      for (let k = 0; k < 2; k++) expect(s.positionDriftMvPerCycle[k]!).toBeCloseTo(5, 1);
      expect(d.tracks[dir].table.length).toBe(6);
    }
  });

  it('dV/dQ is 1/(dQ/dV) at the peak potential', () => {
    const c = d.curves[0]!;
    const p = c.peaks[1]!;
    const qAt = qOfV(p.position, 3.5, 3.9) - qOfV(3.0, 3.5, 3.9);
    let k = 0;
    while (c.capacity[k]! < qAt) k++;
    expect(c.dvdq[k]! * p.height).toBeGreaterThan(0.97);
    expect(c.dvdq[k]! * p.height).toBeLessThan(1.03);
  });

  it('Gaussian smoothing keeps the peak positions', () => {
    const c = analyzeCycling(basicDocument(steps.slice(0, 1)), { differential: { smoothing: 'gaussian', gaussianFwhmVolt: 0.01 } }).differential!.curves[0]!;
    expect(Math.abs(c.peaks[0]!.position - 3.5)).toBeLessThan(3e-4);
    expect(Math.abs(c.peaks[1]!.position - 3.9)).toBeLessThan(3e-4);
  });

  it('signed discharge dQ/dV is negative', () => {
    const v = Float64Array.from({ length: 200 }, (_, i) => 4 - i * 0.005);
    const q = Float64Array.from(v, (x) => 4 - x);
    const out = differentialOfHalfCycle(v, q, { signed: true, smoothing: 'none' }, true);
    expect(out.dqdv[50]).toBeCloseTo(-1, 9);
  });

  it('findPeaks ignores bumps below the prominence threshold', () => {
    const x = Float64Array.from({ length: 1001 }, (_, i) => i * 0.001);
    const y = Float64Array.from(x, (v) => Math.exp(-(((v - 0.3) / 0.02) ** 2)) + 0.02 * Math.exp(-(((v - 0.7) / 0.02) ** 2)));
    expect(findPeaks(x, y).map((p) => Math.round(p.position * 1000))).toEqual([300]);
    expect(findPeaks(x, y, { minProminenceFraction: 0.01 }).length).toBe(2);
  });
});
