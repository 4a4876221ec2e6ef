import { describe, expect, it } from 'vitest';
import { quantityColumn } from '@echemkit/core';
import { analyzeCv, findVertices } from '@echemkit/analysis-cycling';
import { documentOf } from './synthetic.js';

/** Triangle sweeps 0 → 1 → 0 V at 0.1 V/s, 3 cycles, Gaussian faradaic peaks on a capacitive current. */
function cvDocument(withCycleColumn: boolean) {
  const v = 0.1;
  const dt = 0.01;
  const sigma = 0.02;
  const nHalf = 1000; // 10 s per sweep
  const t: number[] = [];
  const e: number[] = [];
  const i: number[] = [];
  const cyc: number[] = [];
  for (let c = 0; c < 3; c++) {
    for (let k = 0; k < 2 * nHalf; k++) {
      const up = k < nHalf;
      const pot = up ? (k * v * dt) : 1 - (k - nHalf) * v * dt;
      t.push((c * 2 * nHalf + k) * dt);
      e.push(pot);
      const shift = 0.01 * c; // peaks move apart by 10 mV per cycle on each side
      i.push(
        up
          ? 1e-3 * Math.exp(-0.5 * ((pot - 0.53 - shift) / sigma) ** 2) + 1e-5
          : -0.8e-3 * Math.exp(-0.5 * ((pot - 0.47 + shift) / sigma) ** 2) - 1e-5,
      );
      cyc.push(c + 1);
    }
  }
  t.push(3 * 2 * nHalf * dt);
  e.push(0);
  i.push(1e-5);
  cyc.push(3);
  const cols = [
    quantityColumn('test_time_second', Float64Array.from(t)),
    quantityColumn('working_electrode_potential_volt', Float64Array.from(e)),
    quantityColumn('current_ampere', Float64Array.from(i)),
  ];
  if (withCycleColumn) cols.push(quantityColumn('cycle_count', Int32Array.from(cyc)));
  return documentOf(cols);
}

describe('cyclic voltammetry on synthetic sweeps', () => {
  for (const withCycles of [false, true]) {
    it(`peaks, separation, E½, ratio, charge and scan rate (${withCycles ? 'file' : 'derived'} cycles)`, () => {
      const r = analyzeCv(cvDocument(withCycles));
      const c = r.cycles;
      expect(Array.from(c.cycle)).toEqual([1, 2, 3]);
      for (let k = 0; k < 3; k++) {
        const s = 0.01 * k;
        expect(c.anodicPeakPotential[k]!).toBeCloseTo(0.53 + s, 6);
        expect(c.cathodicPeakPotential[k]!).toBeCloseTo(0.47 - s, 6);
        expect(c.peakSeparationVolt[k]!).toBeCloseTo(0.06 + 2 * s, 6);
        expect(c.halfWavePotential[k]!).toBeCloseTo(0.5, 6);
        expect(c.anodicPeakCurrent[k]!).toBeCloseTo(1.01e-3, 8);
        expect(c.cathodicPeakCurrent[k]!).toBeCloseTo(-0.81e-3, 8);
        expect(c.peakCurrentRatio[k]!).toBeCloseTo(1.01 / 0.81, 5);
        expect(c.scanRateVoltPerSecond[k]!).toBeCloseTo(0.1, 9);
        // ∫ I dt = (h σ √(2π) + i_cap · 1 V) / v
        expect(c.anodicChargeCoulomb[k]!).toBeCloseTo((1e-3 * 0.02 * Math.sqrt(2 * Math.PI) + 1e-5) / 0.1, 6);
        expect(c.cathodicChargeCoulomb[k]!).toBeCloseTo(-(0.8e-3 * 0.02 * Math.sqrt(2 * Math.PI) + 1e-5) / 0.1, 6);
      }
      expect(r.sweeps.length).toBe(6);
      expect(Array.from(r.sweeps.direction)).toEqual([1, -1, 1, -1, 1, -1]);
    });
  }

  it('subtracts a linear baseline fitted in a window', () => {
    const r = analyzeCv(cvDocument(false), { baselineWindow: [0.05, 0.3] });
    expect(r.cycles.anodicPeakCurrentCorrected[0]!).toBeCloseTo(1e-3, 8);
    expect(r.cycles.cathodicPeakCurrentCorrected[0]!).toBeCloseTo(-0.8e-3, 8);
    expect(r.cycles.peakCurrentRatio[0]!).toBeCloseTo(1.25, 5);
  });

  it('finds vertices only beyond the tolerance', () => {
    const e = Float64Array.from([0, 0.1, 0.2, 0.199, 0.3, 0.2, 0.1]);
    expect(findVertices(e, 0.005).vertices).toEqual([4]);
  });
});
