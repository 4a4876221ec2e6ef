/**
 * PalmSens: the PSTrace xlsx export of p-Cl-Ph-CO2Me_MeCN is the vendor's own rendering of the
 * same session (MANIFEST pair), so potentials and currents must agree value by value.
 */
import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { palmsensSessionPlugin, palmsensXlsxPlugin } from '../src/index.js';
import { col, run } from './util.js';

describeCorpus('PalmSens session vs PSTrace xlsx export', () => {
  it('the manifest pairs the two files', () => {
    const e = manifest().find((x) => x.file === 'other/p-Cl-Ph-CO2Me_MeCN.xlsx');
    expect(e?.pair).toBe('p-Cl-Ph-CO2Me_MeCN.pssession');
  });
  it('every curve matches: potential (V) and current (µA → A)', () => {
    const session = run(palmsensSessionPlugin, readCorpus('other/p-Cl-Ph-CO2Me_MeCN.pssession')).result.measurements;
    const sheet = run(palmsensXlsxPlugin, readCorpus('other/p-Cl-Ph-CO2Me_MeCN.xlsx')).result.measurements;
    expect(session.length).toBe(6);
    expect(sheet.length).toBe(6);
    let compared = 0;
    for (let k = 0; k < 6; k++) {
      const e1 = col(session[k]!, 'working_electrode_potential_volt');
      const i1 = col(session[k]!, 'current_ampere');
      const e2 = col(sheet[k]!, 'working_electrode_potential_volt');
      const i2 = col(sheet[k]!, 'current_ampere');
      expect(e2.length).toBe(e1.length);
      expect(i2.length).toBe(i1.length);
      for (let r = 0; r < e1.length; r++) {
        // Equal within float precision (the sheet stores some values with 17 significant digits).
        expect(Math.abs(e2[r]! - e1[r]!)).toBeLessThanOrEqual(1e-15 * Math.abs(e1[r]!));
        expect(Math.abs(i2[r]! - i1[r]!)).toBeLessThanOrEqual(1e-15 * Math.abs(i1[r]!));
        compared++;
      }
    }
    expect(compared).toBe(3 * 904 + 3 * 944);
  });
  it('OCP session: 61 points, current in A, UTC start stated', () => {
    const { result } = run(palmsensSessionPlugin, readCorpus('other/01_N2_OCP.pssession'));
    const m = result.measurements[0]!;
    expect(m.technique.name).toBe('OCV');
    expect(m.startTime?.zone).toBe('stated');
    expect(col(m, 'working_electrode_potential_volt')[0]).toBe(0.9629335403442383);
    expect(col(m, 'current_ampere')[0]).toBe(2.384185791015625e-7);
    expect(col(m, 'test_time_second').length).toBe(61);
  });
  it('EIS session: −Z″ and −phase are stored; true-sign values come out', () => {
    const { result } = run(palmsensSessionPlugin, readCorpus('other/11_PEIS_700mV.pssession'));
    const m = result.measurements[0]!;
    expect(m.kind).toBe('impedance');
    const f = col(m, 'frequency_hertz');
    const re = col(m, 'real_impedance_ohm');
    const im = col(m, 'imaginary_impedance_ohm');
    const z = col(m, 'absolute_impedance_ohm');
    const ph = col(m, 'phase_degree');
    expect(f[0]).toBe(200000);
    expect(im[0]).toBe(-1.1922329468435031);
    for (let r = 0; r < f.length; r++) {
      expect(Math.hypot(re[r]!, im[r]!)).toBeCloseTo(z[r]!, 6);
      expect((Math.atan2(im[r]!, re[r]!) * 180) / Math.PI).toBeCloseTo(ph[r]!, 4);
    }
  });
  it('charge arrays one value longer than the curve are kept as a table', () => {
    const { result } = run(palmsensSessionPlugin, readCorpus('other/File053.pssession'));
    const m = result.measurements[0]!;
    expect(m.tables?.[0]?.columns[0]?.quantity).toBe('charge_coulomb');
    expect(m.tables?.[0]?.columns[0]?.values.length).toBe(725);
    expect(m.tables?.[0]?.columns[0]?.values[1]).toBe(-6.35946e-9);
  });
});
