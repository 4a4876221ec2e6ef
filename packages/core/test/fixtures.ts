/** A test-only format plugin and documents for the core tests. */
import { FormatError, TruncatedError, hasMagic, quantityColumn, vendorColumn, type EchemkitDocument, type FormatPlugin } from '@echemkit/core';

/**
 * `test.bin`: magic `TESTBIN1`, u32 LE row count, then rows of (f64 time, f32 voltage).
 * Used to exercise the host without depending on a real format package.
 */
export const testBinPlugin: FormatPlugin = {
  id: 'test.bin',
  name: 'Test binary',
  extensions: ['.tbin'],
  binary: true,
  sniff: (head) => (hasMagic(head, 'TESTBIN1') ? 1 : 0),
  parse(bytes, ctx) {
    if (!hasMagic(bytes, 'TESTBIN1')) throw new FormatError('no TESTBIN1 magic', { format: ctx.format, offset: 0 });
    if (bytes.length < 12) throw new TruncatedError('header cut', { format: ctx.format, offset: bytes.length });
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const declared = dv.getUint32(8, true);
    const available = Math.floor((bytes.length - 12) / 12);
    const n = Math.min(declared, available);
    if (n < declared) ctx.warn(`file holds ${available} complete records, header says ${declared}`, { ruleId: 'truncated-record', offset: 12 + n * 12 });
    const t = new Float64Array(n);
    const v = new Float32Array(n);
    for (let i = 0, o = 12; i < n; i++, o += 12) {
      t[i] = dv.getFloat64(o, true);
      v[i] = dv.getFloat32(o + 8, true);
    }
    return {
      formatVersion: '1',
      measurements: [
        {
          kind: 'timeseries',
          technique: { name: 'OCV', vendorName: 'test' },
          startTime: null,
          settings: {},
          columns: [quantityColumn('test_time_second', t, { sourceName: 't', sourceUnit: 's' }), quantityColumn('voltage_volt', v, { sourceName: 'U', sourceUnit: 'V' })],
        },
      ],
    };
  },
};

/** Another plugin claiming the same extension, for ambiguity tests (no magic). */
export const otherPlugin: FormatPlugin = {
  id: 'other.tbin',
  name: 'Other',
  extensions: ['.tbin', '.oth'],
  binary: false,
  sniff: () => 0,
  parse: () => ({ measurements: [] }),
};

/** Encodes a test.bin file. */
export function makeTestBin(rows: [number, number][], declared = rows.length): Uint8Array {
  const out = new Uint8Array(12 + rows.length * 12);
  out.set(new TextEncoder().encode('TESTBIN1'));
  const dv = new DataView(out.buffer);
  dv.setUint32(8, declared, true);
  rows.forEach(([t, v], i) => {
    dv.setFloat64(12 + i * 12, t, true);
    dv.setFloat32(20 + i * 12, v, true);
  });
  return out;
}

/** A small valid in-memory document. */
export function smallDocument(): EchemkitDocument {
  return {
    echemkit: '1.0',
    source: { fileName: 'x.tbin', format: 'test.bin', byteSize: 10 },
    measurements: [
      {
        kind: 'timeseries',
        technique: { name: 'GCPL', vendorName: 'Galvanostatic Cycling' },
        startTime: { value: '2025-03-14T09:26:53.000', zone: 'assumed-local', raw: '03/14/2025 09:26:53.000' },
        settings: { 'Run on channel': '1' },
        columns: [
          quantityColumn('test_time_second', new Float64Array([0, 1.5, 3])),
          quantityColumn('current_ampere', new Float64Array([Math.fround(3.2) * 1e-3, NaN, -Math.fround(0.5) * 1e-3]), { dtype: 'float32', scaleExponent: -3, sourceName: 'I/mA', sourceUnit: 'mA' }),
          quantityColumn('voltage_volt', new Float32Array([3.2, 3.3, 3.4]), { sourceName: 'Ewe/V', sourceUnit: 'V' }),
          vendorColumn('Capacitance charge/µF', 'µF', new Float64Array([0, 0, 1]), { displayName: 'Capacitance charge' }),
          quantityColumn('step_id', ['1', '1', '2']),
        ],
      },
    ],
    diagnostics: [],
  };
}
