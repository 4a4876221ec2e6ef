import { isEchemkitError, numericValues } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { avantagePlugin, specsXmlPlugin, vamasPlugin } from '../src/index.js';
import { col, context } from './helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** A block with all 40 parameters for NORM/REGULAR/XPS (what CasaXPS writes). */
function fullBlock(id: string, species: string, start: number, values: number[], extra: { comments?: string[]; source?: string } = {}): string[] {
  const c = extra.comments ?? [];
  return [
    id, 'sample A',
    '2024', '3', '5', '10', '11', '12.5', '1',
    String(c.length), ...c,
    'XPS',
    'Exp value 1',
    'Al', extra.source ?? '1486.61', '300', '100', '100',
    '54.7', '0', 'FAT', '20', '1', '4.5', '0', '100', '100', '0', '0',
    species, '1s', '-1',
    'kinetic energy', 'eV', String(start), '0.5',
    '1', 'counts', 'd',
    'pulse counting', '0.1', '3', '0',
    '0', '0', '0',
    '1', 'ESCAPE DEPTH TYPE', 'd', '1',
    String(values.length), String(Math.min(...values)), String(Math.max(...values)),
    ...values.map(String),
  ];
}

function header(blocks: number, inclusion: number[] = []): string[] {
  return [
    'VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4',
    'Lab', 'Model X', 'me', 'exp 1', '1', 'a comment', 'NORM', 'REGULAR', '2',
    '1', 'Exp Variable', 'd',
    String(inclusion.length), ...inclusion.map(String),
    '0', '0', '0', String(blocks),
  ];
}

const vms = (lines: string[]) => enc(lines.join('\r\n') + '\r\n');

describe('VAMAS synthetic files', () => {
  it('reads two full REGULAR blocks; BE = hν − KE; sentinels become null/NaN', () => {
    const lines = [...header(2), ...fullBlock('C 1s', 'C', 1196.61, [10, 20, 30, 1e37]), ...fullBlock('O 1s', 'O', 950, [5, 6], { source: '1e+037' }), 'end of experiment'];
    const ctx = context('vamas.vms');
    const r = vamasPlugin.parse(vms(lines), ctx);
    expect(ctx.warnings).toEqual([]);
    expect(r.measurements.length).toBe(2);
    const [a, b] = r.measurements as [NonNullable<(typeof r.measurements)[0]>, NonNullable<(typeof r.measurements)[0]>];
    expect(Array.from(numericValues(col(a, 'kinetic_energy_electronvolt')))).toEqual([1196.61, 1197.11, 1197.61, 1198.11]);
    expect(Array.from(numericValues(col(a, 'binding_energy_electronvolt')))).toEqual([290, 289.5, 289, 288.5]);
    const y = numericValues(col(a, 'intensity_count'));
    expect(Array.from(y.slice(0, 3))).toEqual([10, 20, 30]);
    expect(Number.isNaN(y[3])).toBe(true);
    expect(a.startTime).toEqual({ value: '2024-03-05T10:11:12.500+01:00', zone: 'stated', raw: '2024 3 5 10 11 12.5 1' });
    expect(a.settings['experimental variable: Exp Variable']).toBe('Exp value 1');
    expect(a.metadata?.scans).toBe(3);
    // Unknown source energy: no binding energy is invented.
    expect(b.settings['analysis source characteristic energy / eV']).toBeNull();
    expect(b.columns.map((c) => c.name)).toEqual(['kinetic_energy_electronvolt', 'intensity_count']);
  });

  it('honours a positive inclusion list: later blocks hold only the listed parameters', () => {
    // Block 2 holds only parameters 1–6 (date), 29 (species) and 31 (abscissa); the rest comes from block 1.
    const b2 = ['Si 2p', 'sample A', '2024', '3', '5', '11', '0', '0', 'Si', 'kinetic energy', 'eV', '1380', '0.25', '2', '1', '2', '7', '8'];
    const lines = [...header(2, [1, 2, 3, 4, 5, 6, 29, 31]), ...fullBlock('C 1s', 'C', 1196.61, [1, 2]), ...b2, 'end of experiment'];
    const ctx = context('vamas.vms');
    const r = vamasPlugin.parse(vms(lines), ctx);
    expect(ctx.warnings).toEqual([]);
    const m = r.measurements[1]!;
    expect(m.metadata?.species).toBe('Si');
    expect(m.metadata?.passEnergyElectronvolt).toBe(20); // inherited
    expect(Array.from(numericValues(col(m, 'binding_energy_electronvolt')))).toEqual([106.61, 106.36]);
    expect(Array.from(numericValues(col(m, 'intensity_count')))).toEqual([7, 8]);
  });

  it('IRREGULAR: the abscissa is the first corresponding variable', () => {
    const lines = header(1);
    lines[8] = 'IRREGULAR';
    const blk = fullBlock('X', 'C', 0, []);
    const at = blk.indexOf('kinetic energy');
    blk.splice(at, 4); // parameter 31 is absent
    const nv = blk.indexOf('1', at);
    blk.splice(nv, 3, '2', 'Kinetic Energy', 'eV', 'Intensity', 'c/s');
    const cnt = blk.length - 3;
    blk.splice(cnt, 3, '6', '0', '1', '0', '1', '1000', '5', '1001', '6', '1002', '7');
    const r = vamasPlugin.parse(vms([...lines, ...blk, 'end of experiment']), context('vamas.vms'));
    const m = r.measurements[0]!;
    expect(Array.from(numericValues(col(m, 'kinetic_energy_electronvolt')))).toEqual([1000, 1001, 1002]);
    expect(Array.from(numericValues(col(m, 'intensity_count_per_second')))).toEqual([5, 6, 7]);
  });

  it('SDP (depth-profile) mode: parameters 13 and 37 are present and read', () => {
    const lines = header(1);
    lines[7] = 'SDP';
    const blk = fullBlock('C 1s', 'C', 1196.61, [1, 2]);
    blk.splice(blk.indexOf('Al') + 1, 0, '18', '1', '+1'); // 13: Ar+ sputtering ion
    const at36 = blk.indexOf('pulse counting') + 4;
    blk.splice(at36, 0, '3000', '1e-6', '2000', '2000', '45', '0', 'continuous'); // 37
    const ctx = context('vamas.vms');
    const m = vamasPlugin.parse(vms([...lines, ...blk, 'end of experiment']), ctx).measurements[0]!;
    expect(ctx.warnings).toEqual([]);
    expect(m.settings['sputtering ion atomic number']).toBe(18);
    expect(m.settings['sputtering source energy']).toBe(3000);
    expect(m.settings['sputtering mode']).toBe('continuous');
    expect(Array.from(numericValues(col(m, 'intensity_count')))).toEqual([1, 2]);
  });

  it('a file cut inside the ordinate values keeps the complete points and warns', () => {
    const lines = [...header(1), ...fullBlock('C 1s', 'C', 1196.61, [10, 20, 30, 40, 50])];
    const cut = vms(lines.slice(0, lines.length - 2));
    const ctx = context('vamas.vms');
    const r = vamasPlugin.parse(cut, ctx);
    expect(Array.from(numericValues(col(r.measurements[0]!, 'intensity_count')))).toEqual([10, 20, 30]);
    expect(ctx.warnings[0]).toMatch(/ends after 3 of 5 ordinate values/);
  });

  it('bad input gives typed errors, never huge allocations', () => {
    const lines = [...header(1), ...fullBlock('C 1s', 'C', 1196.61, [1, 2])];
    const bad = lines.slice();
    bad[lines.length - 5] = '999999999'; // corrupted ordinate count
    const ctx = context('vamas.vms');
    const r = vamasPlugin.parse(vms(bad), ctx);
    expect(r.measurements[0]!.columns[0]!.values.length).toBe(2);
    expect(() => vamasPlugin.parse(enc('hello\n'), context('vamas.vms'))).toThrow(/not a VAMAS file/);
    const noNum = lines.slice();
    noNum[9] = 'x';
    try {
      vamasPlugin.parse(vms(noNum), context('vamas.vms'));
      expect.unreachable();
    } catch (e) {
      expect(isEchemkitError(e)).toBe(true);
      expect(String(e)).toMatch(/vamas.vms: .* at line 10/);
    }
  });
});

describe('Avantage .avg dump (layout per ixdat, synthetic)', () => {
  it('reads the space axis and data rows; #empty# is missing', () => {
    const text = [
      'name = C1s Scan',
      'data axes keys = label, unit',
      '$DATAAXES',
      '0 = Counts, counts',
      'space axes keys = label, unit, start, width, numPoints',
      '$SPACEAXES',
      '0 = Binding Energy, eV, 295.0, -0.1, 3',
      '$DATA=',
      '0 = 100, 1',
      '1 = #empty#, 2',
      '2 = 120, 3',
      'end',
    ].join('\n');
    const ctx = context('avantage.avg');
    expect(avantagePlugin.sniff(enc(text))).toBeGreaterThan(0);
    const m = avantagePlugin.parse(enc(text), ctx).measurements[0]!;
    expect(Array.from(numericValues(col(m, 'binding_energy_electronvolt')))).toEqual([295, 294.9, 294.8]);
    const y = numericValues(col(m, 'intensity_count'));
    expect([y[0], Number.isNaN(y[1]), y[2]]).toEqual([100, true, 120]);
    expect(Array.from(numericValues(col(m, 'y2')))).toEqual([1, 2, 3]);
  });
});

describe('SpecsLab2 XML (structure per public readers, synthetic)', () => {
  it('reads regions, averages scans into a derived intensity and keeps every scan', () => {
    const xml = `<?xml version="1.0"?>
<!-- SpecsLab2 -->
<root version="2.1"><sequence type_name="RegionGroupSeq" name="groups">
 <struct type_name="RegionGroup"><string name="name">G1</string>
  <sequence type_name="RegionDataSeq" name="regions">
   <struct type_name="RegionData"><string name="name">C1s</string>
    <struct type_name="RegionDef" name="region">
     <enum name="analysis_method">XPS</enum><double name="kinetic_energy">1190</double><double name="scan_delta">0.5</double>
     <ulong name="values_per_curve">3</ulong><double name="excitation_energy">1486.6</double><double name="dwell_time">0.1</double><double name="pass_energy">20</double>
    </struct>
    <sequence type_name="CycleSeq" name="cycles"><struct type_name="Cycle"><sequence type_name="ScanSeq" name="scans">
     <struct type_name="Scan"><ulong name="counts">10
20
30</ulong></struct>
     <struct type_name="Scan"><ulong name="counts">12
22
32</ulong></struct>
    </sequence></struct></sequence>
   </struct>
  </sequence>
 </struct>
</sequence></root>`;
    expect(specsXmlPlugin.sniff(enc(xml))).toBe(1);
    const m = specsXmlPlugin.parse(enc(xml), context('specs.xml')).measurements[0]!;
    expect(Array.from(numericValues(col(m, 'binding_energy_electronvolt')))).toEqual([296.6, 296.1, 295.6]);
    expect(Array.from(numericValues(col(m, 'intensity_count')))).toEqual([11, 21, 31]);
    expect(col(m, 'intensity_count').derived).toBe(true);
    expect(Array.from(numericValues(col(m, 'cycle 1 scan 2 counts')))).toEqual([12, 22, 32]);
    expect(() => specsXmlPlugin.parse(enc('<root><unclosed'), context('specs.xml'))).toThrow(/specs.xml/);
  });
});

describe('synthetic formats under truncation and bit flips', () => {
  it('SpecsLab2 XML and Avantage dumps raise only typed errors', async () => {
    const { isEchemkitError: isTyped } = await import('@echemkit/core');
    const xml = `<?xml version="1.0"?><root><sequence type_name="RegionGroupSeq"><struct type_name="RegionGroup"><string name="name">G</string><sequence type_name="RegionDataSeq"><struct type_name="RegionData"><string name="name">C1s</string><struct type_name="RegionDef" name="region"><double name="kinetic_energy">1190</double><double name="scan_delta">0.5</double><ulong name="values_per_curve">3</ulong><double name="excitation_energy">1486.6</double></struct><sequence name="cycles"><struct><sequence name="scans"><struct><ulong name="counts">1 2 3</ulong></struct></sequence></struct></sequence></struct></sequence></struct></sequence></root>`;
    const avg = 'space axes keys = label, unit, start, width, numPoints\n$SPACEAXES\n0 = Binding Energy, eV, 295.0, -0.1, 3\n$DATA=\n0 = 1\n1 = 2\n2 = 3\n';
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (const [plugin, text] of [[specsXmlPlugin, xml], [avantagePlugin, avg]] as const) {
      const bytes = enc(text);
      const tries: Uint8Array[] = [];
      for (let k = 1; k < 40; k++) tries.push(bytes.subarray(0, Math.floor((bytes.length * k) / 40)));
      for (let k = 0; k < 200; k++) {
        const b = bytes.slice();
        b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
        tries.push(b);
      }
      const big = text.replace('<ulong name="values_per_curve">3', '<ulong name="values_per_curve">999999999999').replace('-0.1, 3', '-0.1, 999999999999');
      tries.push(enc(big));
      for (const t of tries) {
        try {
          plugin.parse(t, context(plugin.id));
        } catch (e) {
          expect(isTyped(e), String(e)).toBe(true);
        }
      }
    }
  });
});
