import { numericValues, readBytes, registryOf, validateDocument, type Measurement } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { iontofTextPlugin, plugins } from '../src/index.js';

function ctx() {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { fileName: '', format: 'iontof.txt', options: {}, siblings: new Map(), warn: (m: string) => warnings.push(m), info: (m: string) => infos.push(m), warnings, infos };
}
const col = (m: Measurement, name: string) => {
  const c = m.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} in ${m.columns.map((x) => x.name).join(', ')}`);
  return c;
};
const utf8 = (s: string) => new TextEncoder().encode(s);
function cp1252(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => (ch === 'µ' ? 0xb5 : ch === '°' ? 0xb0 : ch.charCodeAt(0)));
}
function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const tabFile = [
  '# IONTOF SurfaceLab 7.1 depth profile export',
  '# Instrument: TOF.SIMS 5',
  '# Polarity: negative',
  '# Primary ion: Bi3+ 30 keV',
  'Scan\tSputter Time (s)\tLiF-\tC2H-\tPO2-\tTotal counts',
  '1\t0\t1000\t50\t10\t20000',
  '2\t2.5\t900\t60\t12\t20500',
  '3\t5\t400\t80\t30\t21000',
  '4\t7.5\t100\t200\t40\t21500',
  '',
].join('\r\n');

describe('IONTOF depth-profile text (synthetic files)', () => {
  it('tab-delimited UTF-8: time, scan, species and totals; header kept', () => {
    expect(iontofTextPlugin.sniff(utf8(tabFile))).toBe(0.8);
    const c = ctx();
    const m = iontofTextPlugin.parse(utf8(tabFile), c).measurements[0]!;
    expect(m.kind).toBe('depth-profile');
    expect(Array.from(numericValues(col(m, 'sputter_time_second')))).toEqual([0, 2.5, 5, 7.5]);
    expect(Array.from(numericValues(col(m, 'sputter_cycle_count')))).toEqual([1, 2, 3, 4]);
    expect(Array.from(numericValues(col(m, 'LiF-')))).toEqual([1000, 900, 400, 100]);
    expect(Array.from(numericValues(col(m, 'Total counts')))).toEqual([20000, 20500, 21000, 21500]);
    expect(m.settings).toMatchObject({ Instrument: 'TOF.SIMS 5', Polarity: 'negative', 'Primary ion': 'Bi3+ 30 keV' });
    expect(m.metadata?.polarity).toBe('negative');
    expect((m.metadata?.species as { name: string }[]).map((s) => s.name)).toEqual(['LiF-', 'C2H-', 'PO2-']);
    expect(c.warnings).toEqual([]);
  });

  it('German locale: semicolons, decimal commas, Windows-1252 µm depth converted to nm', () => {
    const s = ['IONTOF ToF-SIMS Tiefenprofil', 'Depth [µm];^7Li+;LiF+;C2H2O+', '0,000;1,5E+03;20;3', '0,010;1,7E+03;25;2', '0,025;2,0E+03;30;1'].join('\n');
    const c = ctx();
    const m = iontofTextPlugin.parse(cp1252(s), c).measurements[0]!;
    const d = col(m, 'depth_nanometre');
    expect(Array.from(numericValues(d))).toEqual([0, 10, 25]);
    expect(d.sourceUnit).toBe('µm');
    expect(Array.from(numericValues(col(m, '^7Li+')))).toEqual([1500, 1700, 2000]);
    expect(Array.from(numericValues(col(m, 'C2H2O+')))).toEqual([3, 2, 1]);
    expect((m.metadata?.detected as { delimiter: string; decimal: string; encoding: string })).toMatchObject({ delimiter: ';', decimal: ',', encoding: 'windows-1252' });
    expect(m.metadata?.polarity).toBe('positive');
  });

  it('UTF-16LE with BOM, comma-separated, a mass row above the names, time in minutes', () => {
    const s = ['SurfaceLab export', ',7.016,26.015', 'Sputter time (min),Li+,LiF+', '0,10,1', '0.5,20,2', '1,30,3'].join('\r\n');
    const m = iontofTextPlugin.parse(utf16le(s), ctx()).measurements[0]!;
    expect(Array.from(numericValues(col(m, 'sputter_time_second')))).toEqual([0, 30, 60]);
    expect(m.metadata?.species).toEqual([
      { name: 'Li+', unit: null, mass: 7.016 },
      { name: 'LiF+', unit: null, mass: 26.015 },
    ]);
  });

  it('a cut last row is dropped with a warning; every complete row is kept', () => {
    const cut = tabFile.trimEnd().slice(0, -8);
    const c = ctx();
    const m = iontofTextPlugin.parse(utf8(cut), c).measurements[0]!;
    expect(numericValues(col(m, 'sputter_time_second')).length).toBe(3);
    expect(c.warnings[0]).toMatch(/last row has/);
  });

  it('documents validate through the host; no table → FormatError', async () => {
    const doc = await readBytes(utf8(tabFile), { registry: registryOf(plugins), fileName: 'p.txt', sha256: false });
    expect(validateDocument(doc).valid).toBe(true);
    expect(() => iontofTextPlugin.parse(utf8('IONTOF\nnothing here\n'), ctx())).toThrow(/iontof.txt: no numeric table found/);
  });
});

describeCorpus('IONTOF sniffer on the corpus', () => {
  it('claims no corpus file (none is an IONTOF export)', () => {
    const files = manifest();
    expect(files.length).toBeGreaterThan(0);
    for (const e of files) expect(iontofTextPlugin.sniff(readCorpus(e.file).subarray(0, 65536)), e.file).toBe(0);
  });
});

describe('IONTOF importer robustness', () => {
  it('truncation and random byte changes raise only typed errors', async () => {
    const { isEchemkitError } = await import('@echemkit/core');
    const bytes = utf8(tabFile);
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const tries: Uint8Array[] = [];
    for (let k = 1; k < 60; k++) tries.push(bytes.subarray(0, Math.floor((bytes.length * k) / 60)));
    for (let k = 0; k < 300; k++) {
      const b = bytes.slice();
      for (let f = 0; f < 3; f++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      tries.push(b);
    }
    for (const t of tries) {
      try {
        iontofTextPlugin.parse(t, ctx());
      } catch (e) {
        expect(isEchemkitError(e), String(e)).toBe(true);
      }
    }
  });
});
