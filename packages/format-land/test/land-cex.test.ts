import { describe, expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { landCexPlugin, plugins } from '../src/index.js';
import { writeCex, type CexSpec } from './cex-writer.js';
import { catchEchemkit, fuzz, run, values } from './helpers.js';
import { readValidLand } from './read-valid.js';

// Raw values chosen so the documented scaling gives round numbers: voltage range 5 (V),
// current range 10 (mA): raw 16128 = full scale.
const spec: CexSpec = {
  box: 2,
  channel: 4,
  start: 1600000000,
  voltageRange: 5,
  currentRange: 10,
  mass: 0.0123,
  monitor: '7.3 ',
  program: 'CC 0.1C',
  comment: 'LFP half cell',
  steps: [
    { mode: 0x70, goto: 255, step: 0, cond: [[1, 1, 600], [0, 0, 0]], logInterval: 10 },
    { mode: 0x02, goto: 255, step: 1, cond: [[2, 0, 8064], [0, 0, 0]], logInterval: 30 },
    { mode: 0x03, goto: 254, step: 2, cond: [[2, 1, 13440], [6, 1, 5]], logInterval: 30 },
  ],
  rows: [
    { t: 0, v: 9677, i: 0, q: 0, e: 0 },
    { control: 0x22, word6: 0, word8: 0x02, word12: 1600000600 },
    { t: 600, v: 9600, i: -1613, q: 0, e: 0 },
    { t: 630, v: 9500, i: -1613, q: 58060800, e: 12345 },
    { control: 0x33, word6: 1, word8: 0, word12: 1600000700 },
    { control: 0x22, word6: 0, word8: 0x03, word12: 1600000800 },
    { t: 800, v: 12902, i: 3226, q: 116121600, e: 23456 },
  ],
};

describe('land.cex (synthetic files from the documented 0.1.1.0 layout)', () => {
  it('decodes header, program, data rows and control rows with the documented scaling', async () => {
    const bytes = writeCex(spec);
    expect(landCexPlugin.sniff(bytes)).toBe(1);
    const r = run(landCexPlugin, bytes);
    const m = r.measurements[0]!;
    expect(r.formatVersion).toBe('0.1.1.0');
    expect(r.channel).toBe('3-5');
    expect(m.startTime).toEqual({ value: '2020-09-13T12:26:40.000Z', zone: 'stated', raw: '1600000000' });
    expect(m.settings).toMatchObject({ 'box number': 3, 'channel number': 5, 'voltage range': 5, 'current range': 10, 'Monitor version': '7.3', 'program name': 'CC 0.1C', comment: 'LFP half cell', 'start or end time (Unix s)': 1600007200 });
    expect(m.settings['active material mass']).toBeCloseTo(0.0123, 7);
    expect(values(r, 'test_time_second')).toEqual([0, 600, 630, 800]);
    expect(values(r, 'voltage_volt')).toEqual([(9677 * 5) / 16128, (9600 * 5) / 16128, (9500 * 5) / 16128, (12902 * 5) / 16128]);
    expect(values(r, 'current_ampere')).toEqual([0, (-1613 * 10) / 16128 / 1000, (-1613 * 10) / 16128 / 1000, (3226 * 10) / 16128 / 1000]);
    expect(values(r, 'step_cumulative_capacity_ah')).toEqual([0, 0, 1e-3, 2e-3]);
    expect(values(r, 'energy')).toEqual([0, 0, 12345, 23456]);
    expect(values(r, 'step_type')).toEqual([null, 'CC_DCH', 'CC_DCH', 'CC_CHG']);
    expect(m.columns.find((c) => c.name === 'step_type')!.derived).toBe(true);
    const program = m.tables!.find((t) => t.name === 'program')!;
    expect(program.columns.map((c) => Array.from(c.values as ArrayLike<unknown>))).toEqual([
      [1, 2, 3],
      ['REST', 'CC_DCH', 'CC_CHG'],
      ['next', 'next', 'end'],
      ['time >= 600 s', `voltage <= ${(8064 * 5) / 16128} V`, `voltage >= ${(13440 * 5) / 16128} V`],
      [null, null, 'cycles >= 5'],
      [10, 30, 30],
    ]);
    const control = m.tables!.find((t) => t.name === 'control rows')!;
    expect(Array.from(control.columns[1]!.values as Int32Array)).toEqual([0x22, 0x33, 0x22]);
    expect(Array.from(control.columns[4]!.values as Int32Array)).toEqual([1600000600, 1600000700, 1600000800]);
    expect(r.warnings).toEqual([]);
    const doc = await readValidLand(bytes, 'cell.cex');
    expect(doc.source.format).toBe('land.cex');
  });

  it('other data versions: UnsupportedVersionError naming the version and LANDdt', () => {
    const e = catchEchemkit(() => run(landCexPlugin, writeCex({ ...spec, version: [0, 2, 0, 3] })));
    expect(e.code).toBe('ECHEM_UNSUPPORTED_VERSION');
    expect(e.message).toContain('0.2.0.3');
    expect(e.message).toContain('LANDdt');
    // Even a cut file of another version names its version.
    expect(catchEchemkit(() => run(landCexPlugin, writeCex({ ...spec, version: [1, 0, 0, 0] }).subarray(0, 20))).code).toBe('ECHEM_UNSUPPORTED_VERSION');
  });

  it('truncated files: every complete record and a warning; cuts in the header are clear errors', () => {
    const bytes = writeCex(spec);
    const dataStart = 288 + 32 * 3 + 16;
    for (let cut = 0; cut < bytes.length; cut++) {
      const part = bytes.subarray(0, cut);
      if (cut < dataStart) {
        expect(catchEchemkit(() => run(landCexPlugin, part)).code).toMatch(/^ECHEM_(TRUNCATED|FORMAT)$/);
        continue;
      }
      const r = run(landCexPlugin, part);
      const complete = spec.rows.slice(0, Math.floor((cut - dataStart) / 16)).filter((x) => !('control' in x)).length;
      expect(values(r, 'test_time_second').length).toBe(complete);
      if ((cut - dataStart) % 16) expect(r.warnings.map((w) => w.ruleId)).toEqual(['truncated-record']);
    }
  });

  it('not a .cex: FormatError; bit flips and length corruption: EchemkitErrors only', () => {
    expect(landCexPlugin.sniff(new Uint8Array([1, 2, 3, 4]))).toBe(0);
    expect(catchEchemkit(() => run(landCexPlugin, new Uint8Array(400))).code).toBe('ECHEM_FORMAT');
    expect(fuzz(landCexPlugin, writeCex(spec), 400, 9)).toBeGreaterThan(0);
  });
});

describeCorpus('LAND plugins against the corpus', () => {
  it('claim no corpus file', () => {
    for (const e of manifest()) {
      const head = readCorpus(e.file).subarray(0, 65536);
      for (const p of plugins) expect(p.sniff(head), `${p.id} on ${e.file}`).toBe(0);
    }
  });
});
