import { describe, expect, it, vi } from 'vitest';
import { DetectionError, EchemkitError, FormatRegistry, readBytes, type EchemkitTree } from '@echemkit/core';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { makeTestBin, otherPlugin, testBinPlugin } from './fixtures.js';

const registry = () => new FormatRegistry([testBinPlugin, otherPlugin]);

describe('plugin host (unified)', () => {
  it('detects by magic bytes, parses, and fills the source facts', async () => {
    const bytes = makeTestBin([
      [0, 3.2],
      [1, 3.3],
    ]);
    const doc = await readBytes(bytes, { registry: registry(), fileName: 'anything.xyz' });
    expect(doc.echemkit).toBe('1.0');
    expect(doc.source).toMatchObject({ fileName: 'anything.xyz', format: 'test.bin', formatVersion: '1', byteSize: bytes.length });
    expect(doc.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Array.from(doc.measurements[0]!.columns[1]!.values as Float32Array)).toEqual([Math.fround(3.2), Math.fround(3.3)]);
  });

  it('turns plugin warnings into diagnostics with a place and a rule id', async () => {
    const bytes = makeTestBin([[0, 1]], 5);
    const doc = await readBytes(bytes, { registry: registry(), fileName: 'a.tbin' });
    expect(doc.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'truncated-record', source: 'test.bin', place: { offset: 24 } }),
    ]);
  });

  it('uses the extension when no content matches, and errors when ambiguous', async () => {
    const r = new FormatRegistry([testBinPlugin]);
    const det = r.detect(new Uint8Array([1, 2, 3]), 'x.tbin');
    expect(det).toMatchObject({ by: 'extension' });
    expect(() => registry().detect(new Uint8Array([1, 2, 3]), 'x.tbin')).toThrowError(/ambiguous.*test\.bin.*other\.tbin/);
  });

  it('lists what was tried and what is supported for unknown input', () => {
    try {
      registry().detect(new Uint8Array([9, 9, 9]), 'mystery.dat');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DetectionError);
      expect((e as Error).message).toContain('tried the magic bytes of 2 formats and the extension .dat');
      expect((e as Error).message).toContain('test.bin (.tbin)');
    }
  });

  it('wraps unexpected plugin exceptions into EchemkitError', async () => {
    const broken = { ...testBinPlugin, id: 'broken.bin', parse: () => { throw new RangeError('boom'); } };
    await expect(readBytes(makeTestBin([]), { registry: new FormatRegistry([broken]) })).rejects.toBeInstanceOf(EchemkitError);
  });

  it('never stringifies a multi-hundred-megabyte binary input', async () => {
    const size = 300 * 1024 * 1024;
    const bytes = new Uint8Array(size);
    bytes.set(makeTestBin([[0, 1]]));
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    let seenValue: unknown = 'unset';
    const probe: Plugin<[], EchemkitTree> = () => (_tree: EchemkitTree, file: VFile) => {
      seenValue = file.value;
    };
    const doc = await readBytes(bytes, { registry: registry(), fileName: 'big.tbin', transforms: [probe], sha256: false });
    const decodedBytes = decode.mock.calls.reduce((n, c) => n + ((c[0] as Uint8Array | undefined)?.byteLength ?? 0), 0);
    decode.mockRestore();
    expect(seenValue).toBe('');
    expect(decodedBytes).toBeLessThan(1024 * 1024);
    expect(doc.source.byteSize).toBe(size);
  });
});

describe('transformers', () => {
  it('normalises a quantity column left in a vendor unit, decimal-exactly, and says so', async () => {
    const { echemkitDeriveUnixTime, quantityColumn } = await import('@echemkit/core');
    const milli: typeof testBinPlugin = {
      ...testBinPlugin,
      id: 'milli.bin',
      parse: () => ({
        measurements: [
          {
            kind: 'timeseries',
            technique: { name: 'CA', vendorName: null },
            startTime: { value: '2025-01-01T00:00:00.000Z', zone: 'stated' },
            settings: {},
            columns: [
              quantityColumn('test_time_second', new Float64Array([0, 2])),
              { ...quantityColumn('current_ampere', new Float32Array([3.2, -1.5])), unit: 'mA' },
              { ...quantityColumn('charging_capacity_ah', new Float64Array([3.4228721, 0])), unit: 'mAh' },
            ],
          },
        ],
      }),
    };
    const doc = await readBytes(makeTestBin([]), { registry: new FormatRegistry([milli]), transforms: [echemkitDeriveUnixTime] });
    const [t, i, q, unix] = doc.measurements[0]!.columns;
    expect(i).toMatchObject({ unit: 'A', dtype: 'float32', scaleExponent: -3 });
    expect(q!.unit).toBe('Ah');
    expect(Array.from(q!.values as Float64Array)).toEqual([0.0034228721, 0]);
    expect(t!.unit).toBe('s');
    expect(unix).toMatchObject({ name: 'unix_time_second', derived: true });
    expect(Array.from(unix!.values as Float64Array)).toEqual([1735689600, 1735689602]);
    expect(doc.diagnostics.map((d) => d.ruleId)).toEqual(['derived-unix-time', 'unit-normalised', 'unit-normalised']);
  });
});
