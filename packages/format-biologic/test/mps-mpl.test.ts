import { readBytes, registryOf, validateDocument, type EchemkitDocument } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { findMpsSibling, parseMpsText, plugins } from '@echemkit/format-biologic';
import { describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';

const registry = registryOf(plugins);
const read = (file: string, siblings?: Map<string, Uint8Array>, pluginOptions?: Record<string, Record<string, unknown>>): Promise<EchemkitDocument> =>
  readBytes(readCorpus(file), { registry, fileName: file.split('/').pop()!, sha256: false, siblings, pluginOptions });

describeCorpus('biologic.mps settings files', () => {
  it('bioconv_test.mps: two linked techniques with their parameter tables, settings only', async () => {
    const doc = await read('biologic-mpt/bioconv_test.mps');
    expect(doc.source.format).toBe('biologic.mps');
    expect(validateDocument(doc).problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(doc.measurements.map((m) => m.technique)).toEqual([
      { name: 'MIR', vendorName: 'Manual IR compensation' },
      { name: 'CA', vendorName: 'Chronoamperometry / Chronocoulometry' },
    ]);
    expect(doc.measurements.every((m) => m.columns.length === 0 && m.startTime === null)).toBe(true);
    const s0 = doc.measurements[0]!.settings;
    expect(s0.parameters).toEqual([
      ['Ru', '68.300'],
      ['unit Ru', 'Ohm'],
      ['comp. level (%)', '85'],
      ['comp. mode', 'Software'],
    ]);
    const header = s0.header as Record<string, unknown>;
    expect(header['Number of linked techniques']).toBe('2');
    expect(header['Device']).toBe('SP-200');
    expect(header['Turn to OCV between techniques']).toBe(true);
    const ca = doc.measurements[1]!.settings.parameters as string[][];
    expect(ca[0]).toEqual(['Ei (V)', '-0.400']);
    expect(ca.find((r) => r[0] === 'ti (h:m:s)')).toEqual(['ti (h:m:s)', '1:15:0.0000']);
    expect(doc.source.instrument).toEqual({ vendor: 'Bio-Logic', model: 'SP-200', serialNumber: null });
  });

  it('GCPL settings (datalab sample): sequences Ns 0..3 kept per column, units with µ', async () => {
    const doc = await read('biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data.mps');
    expect(doc.measurements[0]!.technique.name).toBe('GCPL');
    const p = doc.measurements[0]!.settings.parameters as string[][];
    expect(p[0]).toEqual(['Ns', '0', '1', '2', '3']);
    expect(p.find((r) => r[0] === 'unit Is')).toEqual(['unit Is', 'mA', 'µA', 'µA', 'µA']);
    expect(doc.sample?.activeMassGram).toBe(7);
  });

  it('an .mps beside an .mpt is attached to its settings (option attachSettings)', async () => {
    const mps = readCorpus('biologic-mpt/bioconv_test.mps');
    const doc = await read('biologic-mpt/bioconv_test.mpt', new Map([['bioconv_test.mps', mps]]));
    const attached = doc.measurements[0]!.settings.mps as { file: string; techniques: { name: string }[] };
    expect(attached.file).toBe('bioconv_test.mps');
    expect(attached.techniques.map((t) => t.name)).toEqual(['MIR', 'CA']);
    const off = await read('biologic-mpt/bioconv_test.mpt', new Map([['bioconv_test.mps', mps]]), { 'biologic.mpt': { attachSettings: false } });
    expect(off.measurements[0]!.settings.mps).toBeUndefined();
  });
});

describe('finding the .mps sibling', () => {
  const s = (...names: string[]) => new Map(names.map((n) => [n, new Uint8Array()]));
  it('by EC-Lab naming rules', () => {
    expect(findMpsSibling('run_02_CA_C01.mpr', s('run.mps', 'other.mps'))).toBe('run.mps');
    expect(findMpsSibling('run.mpt', s('run.mps', 'other.mps'))).toBe('run.mps');
    expect(findMpsSibling('testCHD048_CHD050_401_201_60C_C01.mpr', s('testCHD048_CHD050_401_201_60C.mps', 'x.mps'))).toBe('testCHD048_CHD050_401_201_60C.mps');
    expect(findMpsSibling('a.mpr', s('b.mps'))).toBe('b.mps');
    expect(findMpsSibling('a.mpr', s('b.mps', 'c.mps'))).toBeUndefined();
  });
  it('parseMpsText rejects other text', () => {
    expect(() => parseMpsText('EC-Lab ASCII FILE\r\n')).toThrow(/not a Bio-Logic settings file/);
  });
});

describeCorpus('biologic.mpl logs and other companions', () => {
  it('BT-Lab .mpl: technique, start time, settings, parameters; no data', async () => {
    const doc = await read('biologic-mpt/test_loopsnewoutput_MB_CE1_short10k.mpl');
    expect(doc.source.format).toBe('biologic.mpl');
    const m = doc.measurements[0]!;
    expect(m.technique).toEqual({ name: 'MB', vendorName: 'Modulo Bat' });
    expect(m.startTime).toEqual({ value: '2021-05-05T15:36:22.000', zone: 'assumed-local', raw: '05/05/2021 15:36:22' });
    expect(m.columns).toEqual([]);
    const p = m.settings.parameters as string[][];
    expect(p[0]!.slice(0, 4)).toEqual(['Ns', '0', '1', '2']);
    expect(doc.source.software).toEqual({ name: 'BT-Lab', version: '1.65' });
    expect(doc.source.channel).toBe('E1');
  });

  it('EC-Lab .mpl of a grouped-channel PEIS run', async () => {
    const doc = await read('biologic-mpr/testCHD048_CHD050_401_201_60C_C01.mpl');
    const m = doc.measurements[0]!;
    expect(m.technique.name).toBe('PEIS');
    expect(m.startTime?.value).toBe('2023-06-15T16:30:52.260');
    expect((m.settings.header as Record<string, unknown>)['Grouped channel(s)']).toBe('1, 2, 5, 6, 7');
  });

  it('.mgr (XML) and .sta (binary) are not claimed by the text plugins', () => {
    for (const f of ['biologic-mpr/testCHD048_CHD050_401_201_60C_C01.mgr', 'biologic-mpr/CHD048_CHD050_60C_D128_C01.sta']) {
      const head = readCorpus(f).subarray(0, 65536);
      for (const p of plugins.filter((x) => x.id !== 'biologic.mpr')) expect(p.sniff(head), `${p.id} on ${f}`).toBe(0);
    }
  });
});
