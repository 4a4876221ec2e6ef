/**
 * biologic.mpr: every corpus file parses through the host, truncated and corrupted inputs
 * give every complete record or a typed error, unknown column IDs follow the documented rules.
 */
import { describe, expect, it } from 'vitest';
import { isEchemkitError, readBytes, registryOf, validateDocument, UnknownColumnError, FormatError, UnsupportedVersionError, type ParseContext } from '@echemkit/core';
import { decodeMpr, mprPlugin, parseMpr } from '../src/mpr/index.js';
import { plugins } from '../src/index.js';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';

function ctxOf(): ParseContext & { warnings: { message: string; ruleId: string }[] } {
  const warnings: { message: string; ruleId: string }[] = [];
  return { fileName: '', format: 'biologic.mpr', options: {}, siblings: new Map(), warnings, warn: (message, init) => warnings.push({ message, ruleId: init.ruleId }), info: () => {} };
}

const mprFiles = manifest().filter((e) => e.file.endsWith('.mpr'));
/** Files without a VMP LOG module (no absolute start time). */
const NO_LOG = new Set(['biologic-mpr/gcpl.pr_182.1.mpr', 'biologic-mpr/testCHD048_CHD050_401_201_60C_C01.mpr', 'biologic-mpr/vsp_ocv_with.mpr']);

describeCorpus('biologic.mpr corpus', () => {
  it('lists 45 .mpr files', () => {
    expect(mprFiles.length).toBe(45);
  });
  for (const e of mprFiles) {
    it(`parses ${e.file}`, async () => {
      const bytes = readCorpus(e.file);
      expect(mprPlugin.sniff(bytes.subarray(0, 65536))).toBe(1);
      const doc = await readBytes(bytes, { registry: registryOf(plugins), fileName: e.file.split('/').pop()!, sha256: false });
      const d = decodeMpr(bytes, ctxOf());
      expect(doc.source.format).toBe('biologic.mpr');
      // The document conforms to the schema.
      const validation = validateDocument(doc);
      expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(validation.valid).toBe(true);
      const ts = doc.measurements[0]!;
      expect(ts.kind).toBe('timeseries');
      // All declared records are read, every column has them, and no warning except the missing LOG.
      expect(d.data.points).toBe(d.data.declaredPoints);
      for (const c of ts.columns) expect(c.values.length, c.name).toBe(d.data.points);
      const warnings = doc.diagnostics.filter((x) => x.severity === 'warning' && x.source !== 'echemkit.checks');
      expect(warnings.map((w) => w.message)).toEqual(NO_LOG.has(e.file) ? [expect.stringContaining('no "VMP LOG" module')] : []);
      if (!NO_LOG.has(e.file)) {
        expect(ts.startTime?.zone).toBe('assumed-local');
        expect(doc.source.software?.version).toMatch(/^\d+\.\d+$/);
      }
      const time = d.data.columns.find((c) => c.name === 'time/s')!.values;
      // time/s never decreases within a file.
      for (let i = 1; i < time.length; i++) expect(time[i]! >= time[i - 1]!).toBe(true);
    });
  }

  it('reads the big and the special files with the right layout', () => {
    const cases: [string, number, number, string, string | null][] = [
      ['biologic-mpr/mp.issue_183.mpr', 59239, 41, 'be16', '11.61'],
      ['biologic-mpr/cellpy_biol.mpr', 23561, 153, 'le16', '11.10'],
      ['biologic-mpr/bcd.issue_241.mpr', 2550, 51, 'le16', '1.79'],
      ['biologic-mpr/cv.mpr', 5103, 37, 'le16', '11.12'],
    ];
    for (const [file, points, size, ids, version] of cases) {
      const d = decodeMpr(readCorpus(file), ctxOf());
      expect([d.data.points, d.data.layout.recordSize, d.data.encoding.ids, d.log?.softwareVersion ?? null]).toEqual([points, size, ids, version]);
    }
  });

  it('names BT-Lab BCD column 6 Ecell/V (cell voltage) and the software BT-Lab', () => {
    const ctx = ctxOf();
    const r = parseMpr(readCorpus('biologic-mpr/bcd.issue_241.mpr'), ctx);
    expect(r.software).toEqual({ name: 'BT-Lab', version: '1.79' });
    const v = r.measurements[0]!.columns.find((c) => c.sourceName === 'Ecell/V')!;
    expect(v.quantity).toBe('voltage_volt');
    expect(v.values[0]).toBeCloseTo(0.81357974, 7);
    expect(r.measurements[0]!.technique.name).toBe('BCD');
  });

  it('reads the VMP ExtDev module and both analog inputs of vsp_ocv_with', () => {
    const d = decodeMpr(readCorpus('biologic-mpr/vsp_ocv_with.mpr'), ctxOf());
    expect(d.extDev).not.toBeNull();
    expect(d.data.columns.map((c) => c.name)).toEqual(['mode', 'error', 'time/s', 'Ewe/V', 'Analog IN 1/V', 'Analog IN 2/V']);
    expect(d.extDev!.inputs.map((i) => [i.name, i.minVolt, i.maxVolt, i.minValue, i.maxValue])).toEqual([
      ['Force/N', 0, 10, 0, 1100],
      ['Temperatur/°C', 0, 10, 0, 150],
    ]);
    // The values are in the device units (N, °C), not volts: the columns take the ExtDev names.
    const r = parseMpr(readCorpus('biologic-mpr/vsp_ocv_with.mpr'), ctxOf());
    const force = r.measurements[0]!.columns.find((c) => c.sourceName === 'Force/N')!;
    expect([force.quantity, force.unit, force.values[0]]).toEqual([null, 'N', Math.fround(162.97272)]);
    expect(r.measurements[0]!.columns.find((c) => c.sourceName === 'Temperatur/°C')!.values[0]).toBe(Math.fround(27.625528));
  });

  it('reads the layout-3 ExtDev module of mp.issue_183 (fields one byte later)', () => {
    const d = decodeMpr(readCorpus('biologic-mpr/mp.issue_183.mpr'), ctxOf());
    expect(d.extDev!.layout).toBe(3);
    expect(d.extDev!.inputs[0]).toEqual({ name: 'Force/N', maxVolt: 10, minVolt: 0, maxValue: 2200, minValue: 0 });
  });

  it('attaches the settings of an .mps sibling and reads device model and serial from the LOG', async () => {
    const doc = await readBytes(readCorpus('biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr'), {
      registry: registryOf(plugins),
      fileName: 'jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr',
      siblings: new Map([['jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data.mps', readCorpus('biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data.mps')]]),
      sha256: false,
    });
    const mps = doc.measurements[0]!.settings.mps as { file: string };
    expect(mps.file).toBe('jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data.mps');
    expect(doc.source.instrument).toEqual({ vendor: 'Bio-Logic', model: 'MPG-2', serialNumber: '0168' });
    expect(doc.source.channel).toBe('9');
  });

  it('reads the settings module of an old-style file (cellpy_biol, 03.15.17)', () => {
    const d = decodeMpr(readCorpus('biologic-mpr/cellpy_biol.mpr'), ctxOf());
    expect(d.set?.techniqueShort).toBe('MB');
    expect(d.set?.comments).toBe('Si/C Li half cell with reference electrode');
    expect(d.set?.electrodeMaterial).toBe('Si/C');
    expect(d.set?.parameters).toMatchObject({ offset: 0x572, sequences: 12, parametersPerSequence: 61 });
    expect(d.modules[0]!.date).toBe('03.15.17');
  });
});

/** Offsets of the data module of a corpus file. */
function dataModuleOf(bytes: Uint8Array) {
  return decodeMpr(bytes, ctxOf()).modules.find((m) => m.shortName === 'VMP data')!;
}

describeCorpus('biologic.mpr truncated and corrupted input', () => {
  const full = readCorpus('biologic-mpr/cp.mpr');
  const ref = decodeMpr(full, ctxOf());
  const dm = dataModuleOf(full);
  const first = dm.dataOffset + ref.data.encoding.recordStart;
  const size = ref.data.layout.recordSize;

  it('returns every complete record of a cut file, with a warning', () => {
    for (const k of [0, 1, 7, 60, 120]) {
      for (const extra of [0, 1, size - 1]) {
        const cut = full.subarray(0, first + k * size + extra);
        const ctx = ctxOf();
        const d = decodeMpr(cut, ctx);
        expect(d.data.points).toBe(k);
        expect(ctx.warnings.map((w) => w.ruleId)).toContain('truncated-record');
        const ewe = d.data.columns.find((c) => c.name === '<Ewe>/V')!.values;
        const eweRef = ref.data.columns.find((c) => c.name === '<Ewe>/V')!.values;
        expect(Array.from(ewe)).toEqual(Array.from(eweRef.subarray(0, k)));
      }
    }
  });

  it('treats a point count larger than the bytes as a diagnostic, not an allocation', () => {
    const b = full.slice();
    new DataView(b.buffer).setUint32(dm.dataOffset, 0xfffffff0, true);
    const ctx = ctxOf();
    const d = decodeMpr(b, ctx);
    expect(d.data.points).toBe(ref.data.points);
    expect(ctx.warnings.some((w) => w.ruleId === 'truncated-record' && w.message.includes(String(0xfffffff0)))).toBe(true);
  });

  it('throws typed errors for a wrong magic, a cut header and an unknown data version', () => {
    const bad = full.slice();
    bad[0] = 0x41;
    expect(() => parseMpr(bad, ctxOf())).toThrow(FormatError);
    expect(() => parseMpr(full.subarray(0, 0x40), ctxOf())).toThrow(/no "VMP data" module/);
    const v = full.slice();
    new DataView(v.buffer).setUint32(dm.offset + 6 + 39, 7, true);
    expect(() => parseMpr(v, ctxOf())).toThrow(UnsupportedVersionError);
  });

  it('survives truncation at many offsets and random corruption with only EchemkitErrors', () => {
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (const file of ['biologic-mpr/ocv.mpr', 'biologic-mpr/gcpl.issue_149.mpr', 'biologic-mpr/peis.mpr']) {
      const src = readCorpus(file);
      const inputs: Uint8Array[] = [];
      for (let i = 0; i < 40; i++) inputs.push(src.subarray(0, Math.floor(rnd() * src.length)));
      for (let i = 0; i < 80; i++) {
        const b = src.slice();
        for (let k = 0; k < 1 + Math.floor(rnd() * 8); k++) b[Math.floor(rnd() * b.length)] ^= 1 << Math.floor(rnd() * 8);
        inputs.push(b);
      }
      let ok = 0;
      let typed = 0;
      for (const b of inputs) {
        try {
          parseMpr(b, ctxOf());
          ok++;
        } catch (e) {
          expect(isEchemkitError(e), String(e)).toBe(true);
          typed++;
        }
      }
      expect(ok + typed).toBe(120);
    }
  });
});

describeCorpus('biologic.mpr unknown column IDs', () => {
  // ocv.mpr: IDs 1, 3 (flags), 4 (time/s f8), 6 (Ewe/V f4); 13-byte records; data version 3.
  const src = readCorpus('biologic-mpr/ocv.mpr');
  const dm = dataModuleOf(src);
  const ref = decodeMpr(src, ctxOf());
  const idAt = (i: number) => dm.dataOffset + 5 + 2 * i;
  const patch = (changes: [number, number][]) => {
    const b = src.slice();
    const v = new DataView(b.buffer);
    for (const [i, id] of changes) v.setUint16(idAt(i), id, true);
    return b;
  };

  it('reads one unknown 4-byte column raw as vendor_column_<id> with a warning', () => {
    const ctx = ctxOf();
    const d = decodeMpr(patch([[3, 1022]]), ctx);
    const c = d.data.columns.find((x) => x.name === 'vendor_column_1022')!;
    expect(c.dtype).toBe('f4');
    expect(Array.from(c.values)).toEqual(Array.from(ref.data.columns.find((x) => x.name === 'Ewe/V')!.values));
    expect(ctx.warnings.find((w) => w.ruleId === 'unknown-column-id')!.message).toMatch(/1022.*4 byte/);
  });

  it('reads one unknown 8-byte column as float64', () => {
    const d = decodeMpr(patch([[2, 1020]]), ctxOf());
    const c = d.data.columns.find((x) => x.name === 'vendor_column_1020')!;
    expect(c.dtype).toBe('f8');
    expect(Array.from(c.values)).toEqual(Array.from(ref.data.columns.find((x) => x.name === 'time/s')!.values));
  });

  it('throws UnknownColumnError naming the IDs and version when several layouts fit', () => {
    expect(() => decodeMpr(patch([[2, 1020], [3, 1022]]), ctxOf())).toThrow(UnknownColumnError);
    expect(() => decodeMpr(patch([[2, 1020], [3, 1022]]), ctxOf())).toThrow(/1020, 1022 \(EC-Lab 11\.30\)/);
  });

  it('tries ID mod 256 only when the full ID is unknown, flagged as uncertain', () => {
    const ctx = ctxOf();
    const d = decodeMpr(patch([[3, 6 + 512]]), ctx);
    const c = d.data.columns.find((x) => x.id === 518)!;
    expect(c.name).toBe('Ewe/V');
    expect(c.resolvedBy).toBe('id-mod-256');
    expect(ctx.warnings.some((w) => /518.*mod 256.*uncertain/.test(w.message))).toBe(true);
    const r = parseMpr(patch([[3, 6 + 512]]), ctxOf());
    expect(r.measurements[0]!.columns.find((x) => x.sourceName === 'Ewe/V')!.description).toMatch(/uncertain/);
  });
});

describe('biologic.mpr sniff', () => {
  it('recognises the magic and nothing else', () => {
    expect(mprPlugin.sniff(new TextEncoder().encode('BIO-LOGIC MODULAR FILE\x1a'))).toBe(1);
    expect(mprPlugin.sniff(new TextEncoder().encode('EC-Lab ASCII FILE\r\n'))).toBe(0);
  });
});

/** A .mpr built in memory: magic + modules (old 51-byte or new 59-byte headers). */
function buildMpr(modules: { name: string; gen: 1 | 2; version: number; data: Uint8Array }[]): Uint8Array {
  const text = (s: string, n: number) => Uint8Array.from({ length: n }, (_, i) => (i < s.length ? s.charCodeAt(i) : 0x20));
  const magic = text('BIO-LOGIC MODULAR FILE', 0x34);
  magic[22] = 0x1a;
  magic.fill(0, 0x30);
  const parts: Uint8Array[] = [magic];
  for (const m of modules) {
    const h = new Uint8Array(m.gen === 2 ? 59 : 51);
    const v = new DataView(h.buffer);
    h.set(text(m.name, 10), 0);
    h.set(text(m.name, 25), 10);
    if (m.gen === 2) {
      v.setUint32(35, 0xffffffff, true);
      v.setUint32(39, m.data.length, true);
      v.setUint32(43, m.version, true);
      v.setUint32(47, m.name === 'VMP data' ? 11 : 10, true);
      h.set(text('01/10/24', 8), 51);
    } else {
      v.setUint32(35, m.data.length, true);
      v.setUint32(39, m.version, true);
      h.set(text('01/10/24', 8), 43);
    }
    parts.push(text('MODULE', 6), h, m.data);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Data module with IDs 1 (flags), 4 (time/s f8), 6 (Ewe/V f4): 13-byte records. */
function dataModule(ids: 'le16' | 'be16' | 'u8', start: number, rows: [number, number, number][]): Uint8Array {
  const d = new Uint8Array(start + 13 * rows.length);
  const v = new DataView(d.buffer);
  v.setUint32(0, rows.length, true);
  d[4] = 3;
  [1, 4, 6].forEach((id, k) => (ids === 'u8' ? (d[5 + k] = id) : v.setUint16(5 + 2 * k, id, ids === 'le16')));
  rows.forEach(([flags, t, e], i) => {
    d[start + 13 * i] = flags;
    v.setFloat64(start + 13 * i + 1, t, true);
    v.setFloat32(start + 13 * i + 9, e, true);
  });
  return d;
}

describe('biologic.mpr layouts built in memory', () => {
  const rows: [number, number, number][] = [
    [2, 0, 1.5],
    [3, 0.5, 1.25],
  ];
  const expectRows = (bytes: Uint8Array, ids: string, start: number) => {
    const d = decodeMpr(bytes, ctxOf());
    expect([d.data.encoding.ids, d.data.encoding.recordStart, d.data.points]).toEqual([ids, start, 2]);
    expect(d.data.columns.map((c) => [c.name, Array.from(c.values)])).toEqual([
      ['mode', [2, 3]],
      ['time/s', [0, 0.5]],
      ['Ewe/V', [1.5, 1.25]],
    ]);
  };

  it('reads data version 2 (records at 0x195) and 3 (0x196) with little-endian IDs', () => {
    expectRows(buildMpr([{ name: 'VMP data', gen: 1, version: 2, data: dataModule('le16', 0x195, rows) }]), 'le16', 0x195);
    expectRows(buildMpr([{ name: 'VMP data', gen: 1, version: 3, data: dataModule('le16', 0x196, rows) }]), 'le16', 0x196);
  });

  it('splits every flag of every flags byte, also when the record count is not a multiple of four', () => {
    // IDs 1, 2, 3, 21, 31, 65 (flags, one byte) and 4 (time/s f8): 9-byte records, data version 3.
    const ids = [1, 2, 3, 21, 31, 65, 4];
    const start = 0x196;
    for (const n of [259, 256, 5, 1]) {
      const d = new Uint8Array(start + 9 * n);
      const v = new DataView(d.buffer);
      v.setUint32(0, n, true);
      d[4] = ids.length;
      ids.forEach((id, k) => v.setUint16(5 + 2 * k, id, true));
      for (let i = 0; i < n; i++) {
        d[start + 9 * i] = (i * 37) & 255;
        v.setFloat64(start + 9 * i + 1, i, true);
      }
      const cols = decodeMpr(buildMpr([{ name: 'VMP data', gen: 1, version: 3, data: d }]), ctxOf()).data.columns;
      const masks: [string, number, number][] = [['mode', 3, 0], ['ox/red', 4, 2], ['error', 8, 3], ['control changes', 16, 4], ['Ns changes', 32, 5], ['counter inc.', 128, 7]];
      for (const [name, mask, shift] of masks) {
        expect(Array.from(cols.find((c) => c.name === name)!.values), `${name}, ${n} records`).toEqual(Array.from({ length: n }, (_, i) => (((i * 37) & 255) & mask) >> shift));
      }
    }
  });

  it('reads the EC-Lab ≥ 11.50 layout: 59-byte header, big-endian IDs, records at 0x3EF', () => {
    expectRows(buildMpr([{ name: 'VMP data', gen: 2, version: 0, data: dataModule('be16', 0x3ef, rows) }]), 'be16', 0x3ef);
  });

  it("reads galvani's version-0 variant with one byte per ID and records at 100", () => {
    expectRows(buildMpr([{ name: 'VMP data', gen: 1, version: 0, data: dataModule('u8', 100, rows) }]), 'u8', 100);
  });

  it('reads a loop module (dropping the end marker) and warns about an implausible LOG date', () => {
    const loop = new Uint8Array(4 + 4 * 3);
    const lv = new DataView(loop.buffer);
    lv.setUint32(0, 3, true);
    lv.setUint32(4, 0, true);
    lv.setUint32(8, 1, true);
    lv.setUint32(12, 2, true);
    const log = new Uint8Array(0x930);
    new DataView(log.buffer).setFloat64(0x249, 1234.5, true);
    const ctx = ctxOf();
    const d = decodeMpr(
      buildMpr([
        { name: 'VMP data', gen: 1, version: 3, data: dataModule('le16', 0x196, rows) },
        { name: 'VMP LOG', gen: 1, version: 0, data: log },
        { name: 'VMP loop', gen: 1, version: 0, data: loop },
      ]),
      ctx,
    );
    expect(d.loops).toEqual([0, 1]);
    expect(d.log?.startWallMs).toBeNull();
    expect(ctx.warnings.map((w) => w.ruleId)).toContain('no-start-time');
  });

  it('keeps an unknown 4-byte column of small integers as u32 (as float32 they would be denormals)', () => {
    const d = dataModule('le16', 0x196, rows);
    new DataView(d.buffer).setUint16(5 + 2 * 2, 1022, true); // Ewe/V → unknown ID 1022
    const v = new DataView(d.buffer);
    v.setUint32(0x196 + 9, 7, true);
    v.setUint32(0x196 + 13 + 9, 8, true);
    const ctx = ctxOf();
    const r = decodeMpr(buildMpr([{ name: 'VMP data', gen: 1, version: 3, data: d }]), ctx);
    const c = r.data.columns.find((x) => x.name === 'vendor_column_1022')!;
    expect([c.dtype, Array.from(c.values)]).toEqual(['u4', [7, 8]]);
    expect(ctx.warnings.find((w) => w.ruleId === 'unknown-column-id')!.message).toMatch(/f32 unless the values look like small integers, then u32/);
  });

  it('skips an unknown module with a warning and reads the ones after it', () => {
    const ctx = ctxOf();
    const d = decodeMpr(buildMpr([{ name: 'VMP other', gen: 1, version: 0, data: new Uint8Array(10) }, { name: 'VMP data', gen: 1, version: 3, data: dataModule('le16', 0x196, rows) }]), ctx);
    expect(d.data.points).toBe(2);
    expect(ctx.warnings.map((w) => w.ruleId)).toContain('unknown-module');
  });
});

describeCorpus('biologic.mpr refuses a layout the module length contradicts', () => {
  it('throws a FormatError instead of reading records with a wrong size', () => {
    // ocv.mpr: IDs 1, 3, 4, 6. Turning 6 (Ewe/V, f4) into 11 (<I>/mA, f8) makes the table say 17-byte records.
    const src = readCorpus('biologic-mpr/ocv.mpr');
    const dm = dataModuleOf(src);
    const b = src.slice();
    new DataView(b.buffer).setUint16(dm.dataOffset + 5 + 6, 11, true);
    expect(() => decodeMpr(b, ctxOf())).toThrow(/records of 17 bytes from the column table, but the data module holds 13-byte records/);
  });
});
