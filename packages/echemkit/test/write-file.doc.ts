/** The test document of write-file.test.ts (also imported by its child process). */
import type { Column, EchemkitDocument } from '@echemkit/core';
import { rng } from '../../../test/helpers/rng.js';

/** Every kind of column the row writer knows, with repeats, gaps, signed zeros and many distinct strings. */
export function documentOf(n: number): EchemkitDocument {
  const r = rng(5);
  const col = (name: string, values: Column['values'], extra: Partial<Column> = {}): Column => ({ name, label: name, quantity: null, unit: null, sourceName: name, sourceUnit: null, derived: false, values, ...extra });
  return {
    echemkit: '1.0',
    source: { fileName: 'x', format: 'test', byteSize: 0 },
    measurements: [
      {
        kind: 'timeseries',
        technique: { name: 'GCPL', vendorName: null },
        startTime: null,
        settings: {},
        columns: [
          col('t', Float64Array.from({ length: n }, (_, i) => i * 0.1 + 1e-9 * r())),
          col('v', Float32Array.from({ length: n }, (_, i) => (i % 50 === 0 ? NaN : i % 7 ? 3 + Math.floor(i / 10) * 1e-4 : -0))),
          col('q', Float64Array.from({ length: n }, (_, i) => Math.fround(i % 3 ? r() : 0) / 1000), { dtype: 'float32', scaleExponent: -3 }),
          col('step', Int32Array.from({ length: n }, (_, i) => Math.floor(i / 100))),
          // Few distinct values (sent to workers as codes) and nulls.
          col('type', Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : ['CC_Chg', 'Rest', 'say "x"', 'a,b'][Math.floor(i / 300) % 4]!)) as Column['values']),
          // More distinct values than a code table takes: sent as plain arrays.
          col('date', Array.from({ length: n }, (_, i) => `2026-01-01 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${i}`) as Column['values']),
          // float32 numbers in a plain array: −0 and 0 print differently and must not share a code.
          col('p32', Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 2 ? -0 : 0)) as Column['values'], { dtype: 'float32' }),
        ],
      },
    ],
    diagnostics: [],
  };
}

