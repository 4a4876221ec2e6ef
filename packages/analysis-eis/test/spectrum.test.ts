import { describe, expect, it } from 'vitest';
import { quantityColumn, readBytes, registryOf, type Measurement } from '@echemkit/core';
import { plugins as biologic } from '@echemkit/format-biologic';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { cropFrequencies, fitBatch, fitCircuit, ignoreBelowX, predictCircuit, spectraFromMeasurement, spectrumFromMeasurement } from '../src/index.js';

const CIRCUIT = 'R0-p(R1,CPE1)';

/** Three synthetic spectra (one per loop), resistance growing with the step, plus one missing value. */
function multiLoop(): { m: Measurement; truth: number[][] } {
  const f0 = Float64Array.from({ length: 20 }, (_, i) => 10 ** (5 - (6 * i) / 19));
  const f: number[] = [];
  const re: number[] = [];
  const im: number[] = [];
  const loop: number[] = [];
  const ewe: number[] = [];
  const truth: number[][] = [];
  for (let k = 0; k < 3; k++) {
    const p = [2 + k, 20 * (1 + k), 1e-4, 0.9];
    truth.push(p);
    const z = predictCircuit(CIRCUIT, p, f0);
    for (let i = 0; i < f0.length; i++) {
      f.push(f0[i]!);
      re.push(z.re[i]!);
      im.push(z.im[i]!);
      loop.push(k);
      ewe.push(3.6 + 0.1 * k);
    }
  }
  im[5] = NaN;
  const m: Measurement = {
    kind: 'impedance',
    technique: { name: 'PEIS' },
    startTime: null,
    settings: {},
    columns: [
      quantityColumn('frequency_hertz', Float64Array.from(f)),
      quantityColumn('real_impedance_ohm', Float64Array.from(re)),
      quantityColumn('imaginary_impedance_ohm', Float64Array.from(im)),
      quantityColumn('loop_count', Int32Array.from(loop)),
      quantityColumn('working_electrode_potential_volt', Float64Array.from(ewe)),
    ],
  } as Measurement;
  return { m, truth };
}

describe('spectra from measurements', () => {
  it('splits by loop, labels the potential and drops incomplete rows', () => {
    const { m } = multiLoop();
    const spectra = spectraFromMeasurement(m);
    expect(spectra.map((s) => [s.index, s.group, s.spectrum.f.length, s.dropped, s.rows])).toEqual([
      [0, 0, 19, 1, [0, 20]],
      [1, 1, 20, 0, [20, 40]],
      [2, 2, 20, 0, [40, 60]],
    ]);
    expect(spectra[2]!.voltage).toBeCloseTo(3.8, 12);
    expect(spectra[2]!.voltageQuantity).toBe('working_electrode_potential_volt');
    expect(spectrumFromMeasurement(m).f.length).toBe(59);
  });

  it('without a loop column, starts a new spectrum where the frequency jumps back', () => {
    const { m } = multiLoop();
    const noLoop = { ...m, columns: m.columns.filter((c) => c.quantity !== 'loop_count') };
    expect(spectraFromMeasurement(noLoop).map((s) => s.rows)).toEqual([[0, 20], [20, 40], [40, 60]]);
    expect(spectraFromMeasurement(noLoop, { split: 'none' }).length).toBe(1);
  });

  it('explains what is missing', () => {
    const m = { kind: 'timeseries', columns: [quantityColumn('voltage_volt', new Float64Array(3))] } as unknown as Measurement;
    expect(() => spectraFromMeasurement(m)).toThrow(/no impedance spectrum.*frequency_hertz/);
  });

  it('ignoreBelowX and cropFrequencies keep the right points', () => {
    const s = { f: Float64Array.from([1, 10, 100, 1000]), re: Float64Array.from([4, 3, 2, 1]), im: Float64Array.from([-1, -2, 0, 3]) };
    expect(Array.from(ignoreBelowX(s).f)).toEqual([1, 10]);
    expect(Array.from(cropFrequencies(s, 5, 500).re)).toEqual([3, 2]);
  });
});

describe('batch fitting', () => {
  it('fits every step with warm starts and tabulates parameters against step and potential', () => {
    const { m, truth } = multiLoop();
    const batch = fitBatch(spectraFromMeasurement(m), CIRCUIT, [1, 10, 2e-4, 0.8]);
    expect(batch.table.columns).toEqual(['index', 'group', 'voltage', 'R0', 'R0_stderr', 'R1', 'R1_stderr', 'CPE1_0', 'CPE1_0_stderr', 'CPE1_1', 'CPE1_1_stderr', 'chi2', 'rmse']);
    batch.rows.forEach((r, k) => {
      expect(r.fit!.converged).toBe(true);
      r.fit!.values.forEach((v, i) => expect(Math.abs(v - truth[k]![i]!) / truth[k]![i]!).toBeLessThan(1e-6));
      expect(batch.table.rows[k]![2]).toBeCloseTo(3.6 + 0.1 * k, 12);
      expect(batch.table.rows[k]![5]).toBeCloseTo(truth[k]![1]!, 5);
    });
    // The warm start began step 2 from step 1's result.
    expect(batch.rows[1]!.fit!.options.initialGuess).toEqual(batch.rows[0]!.fit!.values);
  });

  it('reports a failing spectrum in its row and carries on', () => {
    const { m } = multiLoop();
    const spectra = spectraFromMeasurement(m);
    const broken = { ...spectra[1]!, spectrum: { f: spectra[1]!.spectrum.f.slice(0, 1), re: spectra[1]!.spectrum.re.slice(0, 1), im: spectra[1]!.spectrum.im.slice(0, 1) } };
    const batch = fitBatch([spectra[0]!, broken, spectra[2]!], CIRCUIT, [1, 10, 2e-4, 0.8]);
    expect(batch.rows[1]!.error).toMatch(/cannot determine 4 parameters/);
    expect(batch.rows[2]!.fit!.converged).toBe(true);
    expect(batch.table.rows[1]![3]).toBeNull();
  });
});

describeCorpus('converted corpus files', () => {
  const registry = registryOf(biologic);

  it('fits the three PEIS spectra of a Bio-Logic .mpt (warm starts equal cold starts)', async () => {
    const doc = await readBytes(readCorpus('biologic-mpt/pyimpspec_case-multiple-spectra.mpt'), { registry, fileName: 'pyimpspec_case-multiple-spectra.mpt' });
    const eis = doc.measurements.filter((m) => m.kind === 'impedance');
    expect(eis.length).toBe(3);
    const spectra = eis.map((m) => spectraFromMeasurement(m)[0]!);
    expect(spectra.map((s) => s.spectrum.f.length)).toEqual([29, 29, 29]);
    const circuit = 'R0-p(R1,CPE1)-p(R2,CPE2)';
    const guess = [100, 100, 1e-6, 0.9, 1000, 1e-5, 0.8];
    const batch = fitBatch(spectra, circuit, guess, { weighting: 'modulus' });
    for (let k = 0; k < 3; k++) {
      const cold = fitCircuit(spectra[k]!.spectrum, circuit, guess, { weighting: 'modulus', starts: 4 });
      const warm = batch.rows[k]!.fit!;
      expect(warm.chi2).toBeLessThanOrEqual(cold.chi2 * (1 + 1e-6));
      // pyimpspec's test spectrum is synthetic: the fit lands on round numbers (an R-C and an
      // R-Warburg arc: CPE exponents 1 and 0.5), which would not happen by accident.
      const round = [100, 200, 8e-7, 1, 500, 4e-4, 0.5];
      warm.values.forEach((v, i) => expect(Math.abs(v - round[i]!) / round[i]!).toBeLessThan(1e-5));
      expect(Math.sqrt(warm.chi2 / (2 * spectra[k]!.spectrum.f.length))).toBeLessThan(1e-6);
    }
  });
});
