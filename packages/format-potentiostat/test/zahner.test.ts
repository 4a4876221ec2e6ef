/**
 * Zahner Thales binaries. No vendor export of these files is public, so the checks tie the
 * decoded arrays to facts stored elsewhere in the same file: the date/time strings, the scan
 * limits and end time of the CV settings, and |Z|/phase vs the computed Re/Im.
 */
import { FormatError, TruncatedError } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { zahnerIscPlugin, zahnerIsmPlugin } from '../src/index.js';
import { col, run } from './util.js';

describeCorpus('Zahner .ism / .isc', () => {
  it('.ism: 66 points from 200 kHz to 0.1 Hz, time stamps agree with the date/time strings', () => {
    const m = run(zahnerIsmPlugin, readCorpus('other/02_peis_ocv.ism')).result.measurements[0]!;
    const f = col(m, 'frequency_hertz');
    expect(f.length).toBe(66);
    expect(f[0]).toBe(200000);
    expect(f[65]).toBe(0.1);
    expect(m.settings['date']).toBe('020125');
    expect(m.settings['time']).toBe('09:19:48 - 09:27:34');
    // First point 3.9 s after the recorded start time, same day.
    expect(m.startTime?.value).toBe('2025-01-02T09:19:51.914');
    const re = col(m, 'real_impedance_ohm');
    const im = col(m, 'imaginary_impedance_ohm');
    const z = col(m, 'absolute_impedance_ohm');
    const ph = col(m, 'phase_degree');
    for (let i = 0; i < f.length; i++) {
      expect(Math.hypot(re[i]!, im[i]!)).toBeCloseTo(z[i]!, 12);
      expect((Math.atan2(im[i]!, re[i]!) * 180) / Math.PI).toBeCloseTo(ph[i]!, 9);
    }
    const t = col(m, 'test_time_second');
    expect(t[65]! - t[0]!).toBeGreaterThan(400); // 09:19:48 → 09:27:34 is 466 s
    expect(t[65]! - t[0]!).toBeLessThan(466);
  });
  it('.isc: potentials span the scan limits, time ends at Send', () => {
    const m = run(zahnerIscPlugin, readCorpus('other/pt-wire-cv-.isc')).result.measurements[0]!;
    const e = col(m, 'working_electrode_potential_volt');
    expect(e.length).toBe(3464);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < e.length; i++) {
      lo = Math.min(lo, e[i]!);
      hi = Math.max(hi, e[i]!);
    }
    expect(m.settings['Plower']).toBe(-0.8);
    expect(lo).toBeCloseTo(-0.8, 2);
    expect(hi).toBeCloseTo(0.6, 2);
    expect(e[0]).toBe(0); // raw 1600 · 0.5/8000 − 0.1 (POPF)
    expect(col(m, 'test_time_second')[3463]).toBeCloseTo(194, 0);
    expect(m.startTime?.value).toBe('2021-09-21T14:41:13.000');
  });
  it('cut files give typed errors', () => {
    const ism = readCorpus('other/02_peis_ocv.ism');
    expect(() => run(zahnerIsmPlugin, ism.slice(0, 1000))).toThrow(FormatError);
    expect(() => run(zahnerIsmPlugin, ism.slice(0, 2700))).toThrow(TruncatedError);
    const isc = readCorpus('other/pt-wire-cv-.isc');
    expect(() => run(zahnerIscPlugin, isc.slice(0, 5000))).toThrow(FormatError);
  });
});
