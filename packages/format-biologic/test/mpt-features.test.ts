import { FormatError, TruncatedError, isEchemkitError, readBytes, registryOf, type Column, type EchemkitDocument, type ParseContext } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { biologicColumn, buildBiologicMeasurements, knownColumnNames, lookupColumn, parseMpt, plugins } from '@echemkit/format-biologic';
import { corpusPath, describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { readReferenceMpt } from './reference-mpt.js';

const registry = registryOf(plugins);
const read = (file: string, opts: { siblings?: Map<string, Uint8Array>; bytes?: Uint8Array } = {}): Promise<EchemkitDocument> =>
  readBytes(opts.bytes ?? readCorpus(file), { registry, fileName: file.split('/').pop()!, sha256: false, siblings: opts.siblings });

function ctx(fileName = 'x.mpt') {
  const warnings: { message: string; ruleId: string }[] = [];
  const c: ParseContext = {
    fileName,
    format: 'biologic.mpt',
    options: {},
    siblings: new Map(),
    warn: (message, init) => warnings.push({ message, ruleId: init.ruleId }),
    info: () => {},
  };
  return { c, warnings };
}

const col = (doc: EchemkitDocument, name: string, m = 0): Column => {
  const c = doc.measurements[m]!.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};

const mptFiles = manifest()
  .filter((e) => e.file.startsWith('biologic-mpt/') && e.file.endsWith('.mpt'))
  .map((e) => e.file);

describeCorpus('column-name table covers the corpus', () => {
  it('every column name in every corpus .mpt has a deliberate entry', () => {
    const names = new Set<string>();
    for (const f of mptFiles) for (const n of readReferenceMpt(readCorpus(f)).names) if (n) names.add(n);
    expect(names.size).toBeGreaterThan(100);
    const missing = [...names].filter((n) => !lookupColumn(n));
    expect(missing).toEqual([]);
    expect(knownColumnNames().length).toBeGreaterThan(names.size);
  });
});

describeCorpus('biologic.mpt facts from real files', () => {
  it('mb.issue_95.mpt: header, start time, sample, instrument, parameters', async () => {
    const doc = await read('biologic-mpt/mb.issue_95.mpt');
    const m = doc.measurements[0]!;
    expect(m.technique).toEqual({ name: 'MB', vendorName: 'Modulo Bat' });
    expect(m.startTime).toEqual({ value: '2022-12-08T14:36:53.355', zone: 'assumed-local', raw: '12/08/2022 14:36:53.355' });
    const header = m.settings.header as Record<string, unknown>;
    expect(header['Run on channel']).toBe('1 (SN 35699)');
    expect(header['Safety Limits']).toEqual(['Ewe min = 1.40 V', 'Ewe max = 2.90 V', 'for t > 10 ms', 'Do not start on E overload']);
    expect(header['Saved on']).toEqual({ File: 'TestScript_YADG_II_01_MB_C01.mpr', Directory: 'C:\\Users\\admin\\Desktop\\Jacob\\', Host: '139.174.78.203' });
    expect(header['CE vs. WE compliance from -10 V to 10 V']).toBe(true);
    expect(header['Battery capacity']).toBe('1.300 A.h');
    const params = m.settings.parameters as string[][];
    expect(params[0]).toEqual(['Ns', '0', '1', '2']);
    expect(params.find((r) => r[0] === 'ctrl_type')).toEqual(['ctrl_type', 'Rest', 'CC', 'CC']);
    expect(params.find((r) => r[0] === 'I Range')).toEqual(['I Range', '10 mA', '100 mA', '100 mA']);
    expect(params.find((r) => r[0] === 'ctrl2_val')).toEqual(['ctrl2_val']);
    expect(doc.sample).toEqual({ activeMassGram: 0.000001, electrodeAreaSquareCentimetre: 0.001, nominalCapacityAh: 1.3 });
    expect(doc.source.software).toEqual({ name: 'EC-Lab', version: '11.43' });
    expect(doc.source.instrument).toEqual({ vendor: 'Bio-Logic', model: 'VSP', serialNumber: '1705' });
    expect(doc.source.channel).toBe('1');
  });

  it('unit conversion is decimal-exact: I/mA 3.4228721 → 0.0034228721 A style values', async () => {
    const doc = await read('biologic-mpt/mb.issue_95.mpt');
    const ref = readReferenceMpt(readCorpus('biologic-mpt/mb.issue_95.mpt'));
    const j = ref.names.indexOf('I/mA');
    const i = col(doc, 'current_ampere');
    expect(i.sourceName).toBe('I/mA');
    expect(i.sourceUnit).toBe('mA');
    expect(i.unit).toBe('A');
    // A CC row of the file reads 1.0001669E+002 mA.
    const texts = ref.rows.map((r) => r[j]);
    const k = texts.indexOf('1.0001669E+002');
    expect(k).toBeGreaterThan(0);
    expect(i.values[k]).toBe(0.10001669);
    expect(biologicColumn('I/mA', new Float64Array([3.4228721]), { fromText: true }).values[0]).toBe(0.0034228721);
    const e = col(doc, 'working_electrode_potential_volt');
    expect(e.values[0]).toBe(2.3278546);
  });

  it('ca.issue_149.mpt (decimal comma): a 16-digit mA value converts exactly', async () => {
    const doc = await read('biologic-mpt/ca.issue_149.mpt');
    const ref = readReferenceMpt(readCorpus('biologic-mpt/ca.issue_149.mpt'));
    const j = ref.names.indexOf('<I>/mA');
    const c = col(doc, 'current_ampere');
    expect(c.sourceName).toBe('<I>/mA');
    for (let r = 0; r < ref.rows.length; r++) {
      const [mant, exp] = ref.rows[r]![j]!.replace(',', '.').split('E');
      expect(c.values[r]).toBe(Number(`${mant}e${Number(exp) - 3}`));
    }
  });

  it('cycle number is an integer column, Ns strings, I Range codes with labels, flags as bytes', async () => {
    const doc = await read('biologic-mpt/gcpl.issue_211.mpt');
    const cyc = col(doc, 'cycle_count');
    expect(cyc.values).toBeInstanceOf(Int32Array);
    expect(cyc.sourceName).toBe('cycle number');
    expect(Math.max(...(cyc.values as Int32Array))).toBeGreaterThan(3);
    const ns = col(doc, 'step_id');
    const ref = readReferenceMpt(readCorpus('biologic-mpt/gcpl.issue_211.mpt'));
    const jn = ref.names.indexOf('Ns');
    expect(ns.values).toEqual(ref.rows.map((r) => r[jn]));
    expect(new Set(ns.values as string[])).toEqual(new Set(['1', '2']));
    const ir = col(doc, 'current_range');
    expect(ir.codes).toBeDefined();
    expect(Object.values(ir.codes!)).toContain('100 µA');
    const mode = col(doc, 'control_mode');
    expect(mode.values).toBeInstanceOf(Uint8Array);
    expect(col(doc, 'ox/red').values).toBeInstanceOf(Uint8Array);
    // Energy charge/discharge reset per cycle → cycle scope; Q charge/discharge → half cycle.
    expect(doc.measurements[0]!.columns.find((c) => c.sourceName === 'Q charge/discharge/mA.h')!.quantity).toBe('half_cycle_capacity_ah');
    expect(doc.measurements[0]!.columns.find((c) => c.sourceName === 'Energy we charge/W.h')!.quantity).toBeNull();
    expect(doc.measurements[0]!.columns.find((c) => c.sourceName === 'Energy we-ce charge/W.h')!.quantity).toBe('cycle_charging_energy_wh');
  });

  it('control/V/mA split by mode reproduces the vendor\'s own control/V and control/mA columns', async () => {
    // Files that hold control/V/mA AND EC-Lab's computed control/V, control/mA: split the raw
    // column as the .mpr reader would (no control/V, control/mA given) and compare with EC-Lab.
    for (const file of ['biologic-mpt/gcpl.issue_149.mpt', 'biologic-mpt/mb.issue_149.mpt', 'biologic-mpt/mb.mpt', 'biologic-mpt/bcd.issue_241.mpt', 'biologic-mpt/mb.issue_223.mpt']) {
      const doc = await read(file);
      const cols = doc.measurements[0]!.columns;
      const raw = cols.find((c) => c.sourceName === 'control/V/mA')!;
      expect(raw.quantity).toBeNull();
      const mode = cols.find((c) => c.sourceName === 'mode')!;
      const [m] = buildBiologicMeasurements([mode, raw], { technique: 'x', vendorTechnique: null, startTime: null, settings: {} });
      const dv = m!.columns.find((c) => c.name === 'control_voltage_volt')!;
      const da = m!.columns.find((c) => c.name === 'control_current_ampere')!;
      expect(dv.derived && da.derived).toBe(true);
      const vv = cols.find((c) => c.sourceName === 'control/V')!.values as Float64Array;
      const va = cols.find((c) => c.sourceName === 'control/mA')!.values as Float64Array;
      let nV = 0;
      let nA = 0;
      for (let r = 0; r < vv.length; r++) {
        const x = dv.values[r] as number;
        const y = da.values[r] as number;
        if (!Number.isNaN(x)) {
          expect(x, `${file} row ${r}`).toBe(vv[r]);
          nV++;
        } else expect(vv[r]).toBe(0);
        if (!Number.isNaN(y)) {
          expect(y, `${file} row ${r}`).toBe(va[r]);
          nA++;
        } else expect(va[r]).toBe(0);
      }
      expect(nV + nA, file).toBeGreaterThan(0);
    }
  });

  it('averaged and instantaneous current: I/mA keeps current_ampere, <I>/mA becomes current_ampere_mean', () => {
    const cols = [biologicColumn('time/s', new Float64Array([0, 1])), biologicColumn('<I>/mA', new Float64Array([1, 2])), biologicColumn('I/mA', new Float64Array([1.5, 2.5]))];
    const [m] = buildBiologicMeasurements(cols, { technique: 'CP', vendorTechnique: null, startTime: null, settings: {} });
    const byName = (n: string) => m!.columns.find((c) => c.name === n)!;
    expect(byName('current_ampere').sourceName).toBe('I/mA');
    expect(byName('current_ampere_mean').sourceName).toBe('<I>/mA');
    expect(byName('current_ampere_mean').quantity).toBe('current_ampere');
    expect(byName('current_ampere_mean').label).toBe('Current (mean) / A');
    expect([...(byName('current_ampere_mean').values as Float64Array)]).toEqual([0.001, 0.002]);
  });

  it('potentials follow the naming rules: Ewe → WE potential, Ewe-Ece → voltage, Ece → CE potential', async () => {
    const doc = await read('biologic-mpt/gcpl.issue_211.mpt');
    expect(col(doc, 'working_electrode_potential_volt').sourceName).toBe('Ewe/V');
    expect(col(doc, 'voltage_volt').sourceName).toBe('Ewe-Ece/V');
    expect(col(doc, 'counter_electrode_potential_volt').sourceName).toBe('Ece/V');
    expect(col(doc, 'power_watt').sourceName).toBe('Pwe-ce/W');
    expect(col(doc, 'working_electrode_power_watt').sourceName).toBe('Pwe/W');
    const bcd = await read('biologic-mpt/bcd.issue_241.mpt');
    expect(bcd.measurements[0]!.columns.find((c) => c.sourceName === 'Ecell/V')!.quantity).toBe('voltage_volt');
  });

  it('linked techniques: time/s counts from the acquisition start, not the technique start', async () => {
    const doc = await read('biologic-mpt/dataset_with_loop_01_02_CVA_DUSB0_C01.mpt');
    const m = doc.measurements[0]!;
    expect(m.startTime?.value).toBe('2022-06-24T13:13:57.000');
    expect((m.settings.header as Record<string, unknown>)['Technique started on']).toBe('06/24/2022 13:14:08');
    // 13:14:08 − 13:13:57 = 11 s: the first point of the technique.
    expect(col(doc, 'test_time_second').values[0]).toBe(11.00059972210147);
  });

  it('loops section → settings.loops and a derived loop_count column', async () => {
    const doc = await read('biologic-mpt/gcpl.issue_149.mpt');
    const m = doc.measurements[0]!;
    expect(m.settings.loops).toEqual([
      { from: 0, to: 32 },
      { from: 33, to: 65 },
      { from: 66, to: 98 },
      { from: 99, to: 131 },
    ]);
    const loop = col(doc, 'loop_count');
    expect(loop.derived).toBe(true);
    expect([loop.values[0], loop.values[32], loop.values[33], loop.values[131]]).toEqual([0, 0, 1, 3]);
  });

  it('Modify on sections are kept in order', async () => {
    const doc = await read('biologic-mpt/bcd.issue_241.mpt');
    expect(doc.measurements[0]!.settings.modifications).toEqual([{ on: '11/28/2024 21:21', settings: { 'Battery capacity': '5.452 mA.h' }, parameters: [] }]);
    expect(doc.source.software).toEqual({ name: 'BT-Lab', version: '1.79' });
  });

  it('headerless exports (Nb header lines : 3) parse without technique or start time', async () => {
    const doc = await read('biologic-mpt/gcpl.pr_182.1.mpt');
    const m = doc.measurements[0]!;
    expect(m.startTime).toBeNull();
    expect(m.technique.vendorName).toBeNull();
    expect(m.columns[0]!.values.length).toBe(readReferenceMpt(readCorpus('biologic-mpt/gcpl.pr_182.1.mpt')).rows.length);
    expect(doc.diagnostics.some((d) => d.ruleId === 'no-header')).toBe(true);
  });

  it('EC-Lab 11.61 names without data after an empty header name are dropped with a warning', async () => {
    const doc = await read('biologic-mpt/peis.issue_225.with_ece.mpt');
    expect(doc.diagnostics.some((d) => d.ruleId === 'names-without-data')).toBe(true);
    expect(doc.diagnostics.some((d) => d.ruleId === 'truncated-record')).toBe(false);
    expect(doc.measurements[0]!.columns[0]!.values.length).toBe(32);
  });
});

describeCorpus('impedance sweeps', () => {
  const cases: [string, number, number][] = [
    // geis.mpt: the last sweep stops after 39 of 41 frequencies (the run was ended).
    ['biologic-mpt/mb.issue_149.mpt', 16, 13],
    ['biologic-mpt/peis.issue_149.mpt', 4, 21],
    ['biologic-mpt/pyimpspec_case-multiple-spectra.mpt', 3, 29],
    ['biologic-mpt/peis.mpt', 1, 32],
  ];
  for (const [file, sweeps, points] of cases) {
    it(`${file}: ${sweeps} sweep(s) of ${points} points`, async () => {
      const doc = await read(file);
      const imp = doc.measurements.filter((m) => m.kind === 'impedance');
      expect(imp.length).toBe(sweeps);
      for (const m of imp) expect(m.columns[0]!.values.length).toBe(points);
    });
  }

  it('biologic-mpt/geis.mpt: 61 sweeps split at the cycle-number change, the last one cut after 39 points', async () => {
    const doc = await read('biologic-mpt/geis.mpt');
    const imp = doc.measurements.filter((m) => m.kind === 'impedance');
    expect(imp.length).toBe(61);
    expect(imp.map((m) => m.columns[0]!.values.length)).toEqual([...Array(60).fill(41), 39]);
    expect(imp[0]!.metadata!.sourceRows).toEqual({ first: 29, last: 69 });
    const cyc = imp.map((m) => new Set(m.columns.find((c) => c.name === 'cycle_count')!.values as Int32Array));
    cyc.forEach((s, k) => expect([...s]).toEqual([k + 1]));
  });

  it('impedance values: true-sign imaginary part, all columns of the rows kept', async () => {
    const doc = await read('biologic-mpt/peis.mpt');
    const ref = readReferenceMpt(readCorpus('biologic-mpt/peis.mpt'));
    const sweep = doc.measurements[1]!;
    expect(sweep.kind).toBe('impedance');
    expect(sweep.columns.length).toBe(doc.measurements[0]!.columns.length);
    const jf = ref.names.indexOf('freq/Hz');
    const jim = ref.names.indexOf('-Im(Z)/Ohm');
    const jre = ref.names.indexOf('Re(Z)/Ohm');
    const first = (sweep.metadata!.sourceRows as { first: number }).first;
    const f = col(doc, 'frequency_hertz', 1);
    const im = col(doc, 'imaginary_impedance_ohm', 1);
    const re = col(doc, 'real_impedance_ohm', 1);
    for (let k = 0; k < f.values.length; k++) {
      const row = ref.rows[first + k]!;
      expect(f.values[k]).toBe(Number(row[jf]));
      expect(re.values[k]).toBe(Number(row[jre]));
      expect(im.values[k]).toBe(-Number(row[jim]) + 0);
    }
    // Capacitive points (positive -Im(Z)) have a negative phase: Phase(Z) is already the true sign.
    const ph = col(doc, 'phase_degree', 1);
    const k = (im.values as Float64Array).findIndex((x) => x < 0);
    expect(ph.values[k]).toBeLessThan(0);
  });
});

describe('biologic.mpt errors and truncation', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const good = 'EC-Lab ASCII FILE\r\nNb header lines : 3\r\nmode\ttime/s\tI/mA\t\r\n1\t0.0\t3.4228721E+000\t\r\n1\t1.0\t-2.5E-001\t\r\n';

  it('reads a minimal headerless file', () => {
    const { c } = ctx();
    const r = parseMpt(enc(good), c);
    const i = r.measurements[0]!.columns.find((x) => x.name === 'current_ampere')!;
    expect([...(i.values as Float64Array)]).toEqual([0.0034228721, -0.00025]);
  });

  it('a cut last line is dropped with a warning; complete rows are kept', () => {
    const { c, warnings } = ctx();
    const r = parseMpt(enc(good.slice(0, good.length - 8)), c);
    expect(r.measurements[0]!.columns[0]!.values.length).toBe(1);
    expect(warnings.map((w) => w.ruleId)).toContain('truncated-record');
  });

  it('blank lines in the data block are skipped', () => {
    const { c } = ctx();
    const r = parseMpt(enc(good.replace('\t\r\n1\t1.0', '\t\r\n\r\n\r\n1\t1.0')), c);
    expect(r.measurements[0]!.columns[0]!.values.length).toBe(2);
  });

  it('a column without any number is kept as text; INF in a numeric column is NaN with a warning', () => {
    const { c, warnings } = ctx();
    const text = 'EC-Lab ASCII FILE\r\nNb header lines : 3\r\nmode\ttime/s\tP/W\t\r\n1\t05/05/2021 15:36:22.1234\t1.5E+000\t\r\n1\t05/05/2021 15:36:23.1234\tINF\t\r\n';
    const r = parseMpt(enc(text), c);
    const cols = r.measurements[0]!.columns;
    const t = cols.find((x) => x.sourceName === 'time/s')!;
    expect(t.quantity).toBeNull();
    expect(t.values).toEqual(['05/05/2021 15:36:22.1234', '05/05/2021 15:36:23.1234']);
    const p = cols.find((x) => x.name === 'working_electrode_power_watt')!;
    expect(p.values[0]).toBe(1.5);
    expect(p.values[1]).toBeNaN();
    expect(warnings.find((w) => w.ruleId === 'non-numeric-value')?.message).toMatch(/"INF"/);
  });

  describeCorpus('line endings and magic', () => {
    it('CRLF (as EC-Lab writes) and LF (as in the corpus) give the same columns; BT-Lab magic accepted', () => {
      const lf = readCorpus('biologic-mpt/mb.issue_95.mpt');
      expect(lf.includes(13)).toBe(false);
      const crlf = enc(new TextDecoder('latin1').decode(lf).replace(/\n/g, '\r\n'));
      const bt = enc(new TextDecoder('latin1').decode(lf).replace('EC-Lab ASCII FILE', 'BT-Lab ASCII FILE'));
      const [a, b, c] = [lf, crlf, bt].map((x) => parseMpt(x, ctx('mb.issue_95.mpt').c));
      for (const other of [b!, c!]) {
        expect(other.measurements[0]!.columns.map((x) => x.name)).toEqual(a!.measurements[0]!.columns.map((x) => x.name));
        a!.measurements[0]!.columns.forEach((col, k) => expect([...other.measurements[0]!.columns[k]!.values]).toEqual([...col.values]));
        expect(other.measurements[0]!.settings).toEqual(a!.measurements[0]!.settings);
      }
      expect(plugins.find((p) => p.id === 'biologic.mpt')!.sniff(bt)).toBe(1);
    });
  });

  it('wrong magic → FormatError; header cut → TruncatedError; bad count line → FormatError', () => {
    expect(() => parseMpt(enc('EC-Lab BINARY\r\n'), ctx().c)).toThrow(FormatError);
    expect(() => parseMpt(enc('EC-Lab ASCII FILE\r\nNb header lines : 60\r\n\r\nWait\r\n'), ctx().c)).toThrow(TruncatedError);
    expect(() => parseMpt(enc('EC-Lab ASCII FILE\r\nNb header lines : x\r\n'), ctx().c)).toThrow(FormatError);
    expect(() => parseMpt(enc('EC-Lab ASCII FILE\r\nNb header lines : 1\r\n'), ctx().c)).toThrow(FormatError);
  });

  describeCorpus('robustness on real files', () => {
    it('truncation at many offsets and random byte flips never throw anything but EchemkitErrors', () => {
      let seed = 12345;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
      for (const f of ['biologic-mpt/mb.issue_95.mpt', 'biologic-mpt/ca.issue_149.mpt', 'biologic-mpt/peis.mpt', 'biologic-mpt/gcpl.pr_182.1.mpt']) {
        const bytes = readCorpus(f);
        const variants: Uint8Array[] = [];
        for (let k = 1; k < 40; k++) variants.push(bytes.slice(0, Math.floor((bytes.length * k) / 40)));
        for (let k = 0; k < 60; k++) {
          const b = bytes.slice();
          for (let n = 0; n < 4; n++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
          variants.push(b);
        }
        for (const v of variants) {
          try {
            parseMpt(v, ctx(f).c);
          } catch (e) {
            if (!isEchemkitError(e)) throw e;
          }
        }
      }
    });
  });
});

describeCorpus('every corpus .mpt is recognised by content and no other Bio-Logic file is taken for one', () => {
  it('sniffing', () => {
    const mpt = plugins.find((p) => p.id === 'biologic.mpt')!;
    for (const e of manifest().filter((x) => x.file.startsWith('biologic-'))) {
      const head = readCorpus(e.file).subarray(0, 65536);
      expect(mpt.sniff(head), e.file).toBe(e.file.endsWith('.mpt') ? 1 : 0);
    }
    expect(corpusPath('biologic-mpt')).toContain('biologic-mpt');
  });
});
