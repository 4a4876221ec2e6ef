import { describe, expect, it } from 'vitest';
import { bdfCsvChunks, bdfCsvRows, BufferPool, concatChunks, csvColumns, csvRowChunks, formatFloat32, formatScaledFloat32, jsonChunks, valueFormatter, warmUpCsvWriter, type Column, type EchemkitDocument } from '@echemkit/core';
import { writeFloat32, writeFloat64, writeInt, writeScaledFloat32 } from '../src/number-bytes.js';
import { smallDocument } from './fixtures.js';
import { rng } from '../../../test/helpers/rng.js';

const decoder = new TextDecoder();
const buf = new Uint8Array(64);
const f64 = (x: number) => decoder.decode(buf.subarray(0, writeFloat64(buf, 0, x)));
const f32 = (x: number) => decoder.decode(buf.subarray(0, writeFloat32(buf, 0, x)));
const s32 = (x: number, e: number) => decoder.decode(buf.subarray(0, writeScaledFloat32(buf, 0, x, e)));

/** Values like instrument data: random bits, float32 widened, unit-converted, tiny and huge, ties. */
function* doubles(n: number): Generator<number> {
  const r = rng(42);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    words[0] = (r() * 2 ** 32) >>> 0;
    words[1] = (r() * 2 ** 32) >>> 0;
    if (bits[0] === bits[0]) yield bits[0]!;
    yield r() * 1000;
    yield -r() * 1e-3;
    yield Math.round(r() * 1e6) / 1000;
    yield Math.fround(r() * 100);
    yield Math.fround(r() * 10) / 1000;
    yield (r() - 0.5) * 10 ** (Math.floor(r() * 60) - 30);
    yield 3600 + Math.fround(r() * 100);
    yield Math.floor(r() * 1e6) + 0.5 ** (1 + Math.floor(r() * 40));
    yield 1772187453.977 + i * 0.001;
  }
}

describe('numbers written as bytes', () => {
  it('doubles: the text of String(x), on 200 000 values of many kinds and the edge cases', () => {
    const edge = [0, -0, 1, -1, 0.1, 0.3, 2 / 3, 1e21, 1e-7, 1e-6, 123e-20, 2 ** 53, 2 ** 60, Infinity, -Infinity, 5e-324, Number.MAX_VALUE, 9.999999999999999e14, 1e15, 17.3845367431640625];
    let bad = 0;
    for (const x of [...edge, ...doubles(20000)]) if (f64(x) !== String(x)) bad++;
    expect(bad).toBe(0);
  });

  it('float32: the text of formatFloat32 and formatScaledFloat32', () => {
    const r = rng(7);
    const view = new DataView(new ArrayBuffer(4));
    let bad = 0;
    for (let i = 0; i < 40000; i++) {
      view.setUint32(0, (r() * 2 ** 32) >>> 0);
      const bitsValue = view.getFloat32(0);
      const scaled = Math.fround((r() - 0.5) * 10 ** (Math.floor(r() * 30) - 15));
      for (const x of [bitsValue, scaled]) {
        if (x !== x) continue;
        if (f32(x) !== formatFloat32(x)) bad++;
        for (const e of [-3, 3, -6]) if (s32(x * 10 ** e, e) !== formatScaledFloat32(x * 10 ** e, e)) bad++;
      }
    }
    for (const x of [0, -0, 1.5, 3.2, 16777216, 1e30, -1e-30, Infinity, -Infinity, 1e-45]) {
      if (f32(x) !== formatFloat32(x)) bad++;
      if (s32(x, -3) !== formatScaledFloat32(x, -3)) bad++;
    }
    expect(bad).toBe(0);
    expect(f32(Math.fround(3.2))).toBe('3.2');
    expect(s32(Math.fround(3.2) / 1000, -3)).toBe('0.0032');
  });

  it('integers as String(x)', () => {
    for (const x of [0, 7, -7, 10, 99, 100, 2147483647, 2147483648, -2147483649, 123456789012345, 2 ** 53 - 1]) expect(decoder.decode(buf.subarray(0, writeInt(buf, 0, x)))).toBe(String(x));
  });
});

/** The CSV as the string formatter would write it (the reference the byte writer must equal). */
function referenceCsv(doc: EchemkitDocument, delimiter = ','): string {
  const m = doc.measurements[0]!;
  const quote = (s: string) => (s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s);
  const { columns, labels } = csvColumns(m);
  const fmts = columns.map((c) => valueFormatter(c, '', quote));
  const lines = [labels.map(quote).join(delimiter)];
  for (let i = 0; i < columns[0]!.values.length; i++) lines.push(fmts.map((f) => f(i)).join(delimiter));
  return lines.join('\n') + '\n';
}

function mixedDocument(n: number): EchemkitDocument {
  const doc = smallDocument();
  const r = rng(3);
  const col = (name: string, values: Column['values'], extra: Partial<Column> = {}): Column => ({ name, label: name, quantity: null, unit: null, sourceName: name, sourceUnit: null, derived: false, values, ...extra });
  const strings = ['CC_Chg', 'say "hi"', 'a,b', 'line\nbreak', 'Ωµ℃', '', 'x'.repeat(3000)];
  doc.measurements[0]!.columns = [
    col('f64', Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : (r() - 0.5) * 10 ** (Math.floor(r() * 12) - 9)))),
    col('f64 counters', Float64Array.from({ length: n }, (_, i) => (i % 13 === 0 ? -0 : i % 17 === 0 ? NaN : (i % 12) - 1 + (i % 7 === 0 ? 0.5 : 0)))),
    col('f32', Float32Array.from({ length: n }, (_, i) => (i % 89 === 0 ? NaN : (r() - 0.5) * 10))),
    col('scaled', Float64Array.from({ length: n }, (_, i) => (i % 83 === 0 ? NaN : Math.fround(r() * 100) / 1000)), { dtype: 'float32', scaleExponent: -3 }),
    col('u8', Uint8Array.from({ length: n }, () => Math.floor(r() * 256))),
    col('i32', Int32Array.from({ length: n }, () => Math.floor((r() - 0.5) * 2 ** 31))),
    // Booleans are outside the schema's value types; the writers still print them as text.
    col('plain', Array.from({ length: n }, (_, i) => (i % 5 === 0 ? null : i % 5 === 1 ? strings[i % strings.length]! : i % 5 === 2 ? r() * 3 : i % 5 === 3 ? Infinity : true)) as unknown as Column['values']),
    col('plain32', Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : Math.fround(r()) / 1000)), { dtype: 'float32', scaleExponent: -3 }),
  ];
  return doc;
}

describe('byte writers equal the string formatter', () => {
  it('CSV: every kind of column, missing values, quoting, long strings across buffers', () => {
    const doc = mixedDocument(20000);
    const chunks = [...bdfCsvChunks(doc)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(decoder.decode(concatChunks(chunks))).toBe(referenceCsv(doc));
  });

  it('CSV with a multi-byte delimiter', () => {
    const doc = mixedDocument(500);
    expect(decoder.decode(concatChunks(bdfCsvChunks(doc, { delimiter: '¦' })))).toBe(referenceCsv(doc, '¦'));
  });

  it('JSON: values parse back to the same numbers, strings and nulls', () => {
    const doc = mixedDocument(3000);
    const back = JSON.parse(decoder.decode(concatChunks(jsonChunks(doc))));
    doc.measurements[0]!.columns.forEach((c, j) => {
      const fmt = valueFormatter(c, 'null', (s) => JSON.stringify(s));
      const expected = JSON.parse(`[${Array.from({ length: c.values.length }, (_, i) => fmt(i)).join(',')}]`);
      expect(back.measurements[0].columns[j].values).toEqual(expected);
    });
  });
});

/** Runs of equal values in every float kind (the writer copies a repeated value's previous text), signed zeros and gaps inside runs. */
function repeatingDocument(n: number): EchemkitDocument {
  const doc = smallDocument();
  const r = rng(11);
  const col = (name: string, values: Column['values'], extra: Partial<Column> = {}): Column => ({ name, label: name, quantity: null, unit: null, sourceName: name, sourceUnit: null, derived: false, values, ...extra });
  // Runs of 1–40 rows; within a run now and then a gap (NaN), a 0 or a −0.
  const runs = (make: () => number) => {
    const out: number[] = [];
    while (out.length < n) {
      const v = make();
      const len = 1 + Math.floor(r() * 40);
      for (let k = 0; k < len && out.length < n; k++) {
        const u = r();
        out.push(u < 0.03 ? NaN : u < 0.05 ? 0 : u < 0.07 ? -0 : v);
      }
    }
    return out;
  };
  const signedZeros = () => (r() < 0.5 ? 0 : -0);
  doc.measurements[0]!.columns = [
    col('f64', Float64Array.from(runs(() => (r() - 0.5) * 10 ** (Math.floor(r() * 8) - 5)))),
    col('f32', Float32Array.from(runs(() => (r() < 0.2 ? signedZeros() : (r() - 0.5) * 10)))),
    col('scaled', Float64Array.from(runs(() => Math.fround(r() * 100) / 1000)), { dtype: 'float32', scaleExponent: -3 }),
    col('u8', Uint8Array.from({ length: n }, () => Math.floor(r() * 256))),
    // Long strings now and then: a buffer ends in the middle of a row, after which earlier texts are gone.
    col('plain', Array.from({ length: n }, (_, i) => (i % 997 === 0 ? 'y'.repeat(5000) : i % 2 ? 'CC' : null)) as Column['values']),
  ];
  return doc;
}

describe('repeated values, pools and row ranges', () => {
  it('CSV: runs of equal values, signed zeros and gaps, across buffers, equal the string formatter', () => {
    const doc = repeatingDocument(120000);
    const chunks = [...bdfCsvChunks(doc)];
    expect(chunks.length).toBeGreaterThan(4);
    expect(decoder.decode(concatChunks(chunks))).toBe(referenceCsv(doc));
    expect(decoder.decode(concatChunks(bdfCsvChunks(doc, { delimiter: '¦' })))).toBe(referenceCsv(doc, '¦'));
  });

  it('a pool gives the same bytes and reuses the buffers given back', () => {
    const doc = repeatingDocument(120000);
    const pool = new BufferPool();
    const seen = new Set<ArrayBufferLike>();
    let text = '';
    let chunks = 0;
    for (const c of bdfCsvChunks(doc, {}, pool)) {
      text += decoder.decode(c);
      seen.add(c.buffer);
      pool.put(c);
      chunks++;
    }
    expect(text).toBe(referenceCsv(doc));
    // The writer fills the next buffer before it hands over the last one: two buffers take turns.
    expect(chunks).toBeGreaterThan(4);
    expect(seen.size).toBe(2);
    // A chunk that is not the pool's own is never taken.
    const foreign = new Uint8Array(1 << 21);
    pool.put(foreign);
    expect(pool.get(1 << 21).buffer).not.toBe(foreign.buffer);
  });

  it('header plus rows in any ranges equals the whole CSV', () => {
    const doc = repeatingDocument(9000);
    const rows = bdfCsvRows(doc)!;
    expect(rows.rows).toBe(9000);
    const parts = [decoder.decode(rows.head)];
    for (const [from, to] of [[0, 1], [1, 1000], [1000, 1000], [1000, 8999], [8999, 9000]] as const) parts.push(decoder.decode(concatChunks(csvRowChunks(rows.columns, from, to, rows.delimiter))));
    expect(parts.join('')).toBe(referenceCsv(doc));
    expect(bdfCsvRows(doc, { measurement: 5 })).toBeNull();
  });

  it('small chunks (chunkBytes) give the same rows', () => {
    const doc = repeatingDocument(9000);
    const rows = bdfCsvRows(doc)!;
    const small = [...csvRowChunks(rows.columns, 0, rows.rows, rows.delimiter, undefined, 4096)];
    // A buffer is at least the room one row of this document may need (~15 kB here), so chunks are a few kB each.
    expect(small.length).toBeGreaterThan(20);
    expect(Math.max(...small.map((c) => c.length))).toBeLessThan(20000);
    expect(decoder.decode(rows.head) + decoder.decode(concatChunks(small))).toBe(referenceCsv(doc));
  });

  it('the JIT warm-up writes its synthetic rows and changes nothing after it', () => {
    const doc = repeatingDocument(20000);
    // Written, then dropped: every pass of the same synthetic rows gives the same byte count.
    expect(warmUpCsvWriter()).toBe(warmUpCsvWriter(500, 4));
    expect(warmUpCsvWriter(100, 1)).toBeGreaterThan(100 * 7);
    expect(decoder.decode(concatChunks(bdfCsvChunks(doc)))).toBe(referenceCsv(doc));
  });
});
