import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { isEchemkitError, readBytes, registryOf } from '@echemkit/core';
import { documentBytes, mutations } from '../../../test/helpers/fuzz.js';
import { chiTextPlugin, plugins } from '../src/index.js';
import { sweepHysteresis } from '../src/chi-txt/convention.js';
import { catchEchemkit, col, parseChi, readValid } from './helpers.js';

/** Independent reading of a CHI export's data block: every line after the header that is all numbers. */
function referenceRows(text: string): number[][] {
  const lines = text.split(/\r?\n/);
  const h = lines.findIndex((l) => /^(Potential\/V|Freq\/Hz),/.test(l));
  return lines
    .slice(h + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',').map((s) => parseFloat(s)));
}

function expectColumnsEqualReference(rel: string, names: string[]) {
  const bytes = readCorpus(rel);
  const r = parseChi(bytes);
  const ref = referenceRows(new TextDecoder().decode(bytes));
  names.forEach((n, k) => {
    const v = Array.from(col(r, n));
    expect(v.length).toBe(ref.length);
    expect(v).toEqual(ref.map((row) => row[k]));
  });
  return r;
}

describeCorpus('chi.txt on the corpus', () => {
  it('parses every chi-txt corpus file through the host with a valid document', async () => {
    const files = manifest().filter((e) => e.format === 'chi-txt');
    expect(files.length).toBe(3);
    for (const e of files) {
      const doc = await readValid(readCorpus(e.file), e.file.split('/').pop()!);
      expect(doc.source.format).toBe('chi.txt');
      expect(doc.measurements[0]!.columns[0]!.values.length).toBeGreaterThan(50);
    }
  });

  it('A.C. Impedance: every value equals the text, Z" kept with its sign, start time and settings', () => {
    const r = expectColumnsEqualReference('chi-txt/exampleDataCHInstruments.txt', ['frequency_hertz', 'real_impedance_ohm', 'imaginary_impedance_ohm', 'absolute_impedance_ohm', 'phase_degree']);
    const m = r.measurements[0]!;
    expect(m.kind).toBe('impedance');
    expect(m.technique).toEqual({ name: 'PEIS', vendorName: 'A.C. Impedance' });
    expect(m.startTime).toEqual({ value: '2020-02-20T15:55:08.000', zone: 'assumed-local', raw: 'Feb. 20, 2020   15:55:08' });
    expect(m.settings).toMatchObject({ 'Init E (V)': 0, 'High Frequency (Hz)': 2e6, 'Low Frequency (Hz)': 0.1, 'Imp SF': true, 'Amplitude (V)': 0.025, 'Quiet Time (sec)': 2, 'Cycles (.1-1Hz)': 1 });
    expect(m.settings['currentConvention']).toBeUndefined();
    expect(r.instrument).toEqual({ vendor: 'CH Instruments', model: 'CHI660E', serialNumber: null });
    expect(m.metadata).toMatchObject({ File: 'c:\\[REDACTED]', 'Data Source': 'Experiment', 'Instrument Model': 'CHI660E' });
    // Z" is the true imaginary part: phase = atan2(Z", Z') (to the file's 0.1° rounding) and |Z| = hypot.
    const re = col(r, 'real_impedance_ohm');
    const im = col(r, 'imaginary_impedance_ohm');
    const ph = col(r, 'phase_degree');
    const mod = col(r, 'absolute_impedance_ohm');
    expect(im[im.length - 1]).toBe(-1.586e4);
    for (let i = 0; i < re.length; i++) {
      expect(Math.abs((Math.atan2(im[i]!, re[i]!) * 180) / Math.PI - ph[i]!)).toBeLessThan(0.1);
      expect(Math.abs(Math.hypot(re[i]!, im[i]!) - mod[i]!) / mod[i]!).toBeLessThan(2e-3);
    }
  });

  it('CV: values, the segments listed in the results block, convention evidence', () => {
    const r = expectColumnsEqualReference('chi-txt/CV-1T.txt', ['working_electrode_potential_volt', 'current_ampere']);
    const m = r.measurements[0]!;
    expect(m.technique).toEqual({ name: 'CV', vendorName: 'Cyclic Voltammetry' });
    expect(m.startTime?.value).toBe('2024-06-13T13:13:28.000');
    expect(m.settings).toMatchObject({ 'Init E (V)': -0.5, 'High E (V)': 0.2, 'Low E (V)': -0.5, 'Init P/N': 'P', 'Scan Rate (V/s)': 0.04, Segment: 6, 'Sample Interval (V)': 0.001, 'Quiet Time (sec)': 2, 'Sensitivity (A/V)': 0.001 });
    expect(m.settings['currentConvention']).toBe('anodic-positive');
    expect(m.metadata?.['results']).toEqual(['Channel 1:', 'Segment 5:', 'Segment 6:']);
    expect(r.channel).toBe('1');
    const seg = m.columns.find((c) => c.name === 'segment_index')!;
    expect(seg.derived).toBe(true);
    const s = Array.from(seg.values as Int32Array);
    expect(s.length).toBe(1400);
    expect(s.filter((x) => x === 5).length).toBe(701); // -0.500 … 0.200
    expect(s.filter((x) => x === 6).length).toBe(699); // 0.199 … -0.499
    expect(s[700]).toBe(5);
    expect(s[701]).toBe(6);
    const e = col(r, 'working_electrode_potential_volt');
    const i = col(r, 'current_ampere');
    expect([e[0], i[0], e[1399], i[1399]]).toEqual([-0.5, -4.214e-4, -0.499, -4.127e-4]);
    // Capacitive current is positive on the positive-going sweep: the file is anodic-positive as written.
    expect(sweepHysteresis(e as Float64Array, i as Float64Array)!).toBeGreaterThan(1e-5);
    expect(r.infos.map((x) => x.ruleId)).toContain('current-convention-assumed');
    expect(r.warnings).toEqual([]);
    // With the polarographic option, the current is negated and the choice recorded.
    const p = parseChi(readCorpus('chi-txt/CV-1T.txt'), { currentConvention: 'cathodic-positive' });
    expect(col(p, 'current_ampere')[0]).toBe(4.214e-4);
    expect(p.measurements[0]!.settings).toMatchObject({ currentConvention: 'cathodic-positive', currentConventionSource: 'option' });
    expect(p.warnings.map((w) => w.ruleId)).toContain('current-convention-suspect');
  });

  it('LSV: 500 rows equal to the text, hydrogen evolution current negative', () => {
    const r = expectColumnsEqualReference('chi-txt/LSV.txt', ['working_electrode_potential_volt', 'current_ampere']);
    const m = r.measurements[0]!;
    expect(m.technique.name).toBe('LSV');
    expect(m.settings).toMatchObject({ 'Init E (V)': -0.2, 'Final E (V)': -0.7, 'Scan Rate (V/s)': 0.005 });
    expect(m.columns.map((c) => c.name)).toEqual(['working_electrode_potential_volt', 'current_ampere']);
    expect(col(r, 'current_ampere')[499]).toBe(-3.679e-3);
  });

  it('claims no other .txt/.csv file of the corpus, and parsing one as chi.txt is a clear error', () => {
    const others = manifest().filter((e) => e.format !== 'chi-txt' && /\.(txt|csv|mpt|dta|z)$/i.test(e.file));
    expect(others.length).toBeGreaterThan(10);
    for (const e of others) {
      const bytes = readCorpus(e.file);
      expect(chiTextPlugin.sniff(bytes.subarray(0, 65536)), e.file).toBe(0);
      const err = catchEchemkit(() => parseChi(bytes));
      expect(err.message).toMatch(/^chi\.txt: /);
    }
  });

  it('a truncated CV export keeps every complete row and warns', () => {
    const full = readCorpus('chi-txt/CV-1T.txt');
    const ref = parseChi(full);
    const e0 = col(ref, 'working_electrode_potential_volt');
    const i0 = col(ref, 'current_ampere');
    for (const cut of [900, 5000, 12345, 20001, full.length - 3]) {
      const r = parseChi(full.subarray(0, cut));
      const text = new TextDecoder().decode(full.subarray(0, cut));
      const complete = text.slice(text.indexOf('Potential/V')).split('\r\n').slice(2, -1).filter((l) => l).length;
      const e = col(r, 'working_electrode_potential_volt');
      expect(e.length).toBe(complete);
      for (let k = 0; k < e.length; k++) {
        expect(e[k]).toBe(e0[k]);
        expect(col(r, 'current_ampere')[k]).toBe(i0[k]);
      }
      expect(r.warnings.map((w) => w.ruleId)).toContain('truncated-record');
    }
    // Cut inside the header: a clear error.
    expect(catchEchemkit(() => parseChi(full.subarray(0, 300))).code).toBe('ECHEM_FORMAT');
  });

  it('survives the harness mutations (cuts, 200 bit flips, length corruptions) with documents or EchemkitErrors', async () => {
    for (const e of manifest().filter((x) => x.format === 'chi-txt')) {
      const bytes = readCorpus(e.file);
      let cases = 0;
      for (const mut of mutations(e.file, bytes, 200)) {
        cases++;
        const t0 = performance.now();
        try {
          const doc = await readBytes(mut.bytes, { registry: registryOf(plugins), fileName: 'x.txt', format: 'chi.txt', sha256: false });
          expect(documentBytes(doc)).toBeLessThan(64 * mut.bytes.length + 1024 * 1024);
        } catch (err) {
          expect(isEchemkitError(err), `${mut.kind} ${mut.detail}: ${String(err)}`).toBe(true);
        }
        expect(performance.now() - t0).toBeLessThan(2000);
      }
      expect(cases).toBeGreaterThan(200);
    }
  });
});
