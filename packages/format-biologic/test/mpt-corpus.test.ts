import { readdirSync } from 'node:fs';
import { convertUnit, readBytes, registryOf, validateDocument, type Column, type EchemkitDocument } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { plugins } from '@echemkit/format-biologic';
import { corpusPath, describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { readReferenceMpt, shiftedTextNumber, textNumber } from './reference-mpt.js';

const registry = registryOf(plugins);
const read = (file: string, siblings?: Map<string, Uint8Array>): Promise<EchemkitDocument> =>
  readBytes(readCorpus(file), { registry, fileName: file.split('/').pop()!, sha256: false, siblings });

/** Power of ten between the vendor unit and the column unit, 0 when none. */
function exponentOf(c: Column): number {
  if (!c.quantity || !c.sourceUnit || c.sourceUnit === c.unit || !c.unit) return 0;
  const conv = convertUnit(c.sourceUnit, c.unit);
  if (!conv) return 0;
  expect(conv.exponent, `${c.sourceName}: power-of-ten conversion`).toBeDefined();
  return conv.exponent!;
}

const mptFiles = manifest()
  .filter((e) => e.file.startsWith('biologic-mpt/') && e.file.endsWith('.mpt'))
  .map((e) => e.file);

describeCorpus('biologic.mpt on every corpus file', () => {
  it('the manifest lists every .mpt of the folder', () => {
    const onDisk = readdirSync(corpusPath('biologic-mpt')).filter((f) => f.endsWith('.mpt'));
    expect(mptFiles.map((f) => f.split('/')[1]).sort()).toEqual(onDisk.sort());
    expect(mptFiles.length).toBe(45);
  });

  for (const file of mptFiles) {
    it(`${file}: every value equals the text, converted on the decimal text`, async () => {
      const doc = await read(file);
      expect(doc.source.format).toBe('biologic.mpt');
      const v = validateDocument(doc);
      expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const ref = readReferenceMpt(readCorpus(file));
      const ts = doc.measurements[0]!;
      expect(ts.kind).toBe('timeseries');
      const source = ts.columns.filter((c) => !c.derived);
      // EC-Lab 11.61 may name columns after an empty name that have no values (see README).
      const names = ref.names.slice(0, source.length);
      expect(source.map((c) => c.sourceName)).toEqual(names);
      if (names.length < ref.names.length) expect(ref.names[names.length]).toBe('');
      const mismatches: string[] = [];
      source.forEach((c, j) => {
        expect(c.values.length).toBe(ref.rows.length);
        const e = exponentOf(c);
        const negate = c.quantity !== null && /^-Im\(/.test(c.sourceName ?? '');
        for (let i = 0; i < ref.rows.length && mismatches.length < 5; i++) {
          const field = ref.rows[i]![j];
          const got = c.values[i];
          if (c.dtype === 'string') {
            const want = Number.isNaN(textNumber(field)) ? null : String(textNumber(field));
            if (got !== want) mismatches.push(`${c.sourceName} row ${i}: ${String(got)} ≠ ${want}`);
            continue;
          }
          let want = e ? shiftedTextNumber(field, e) : textNumber(field);
          if (negate) want = -want;
          const x = got === null ? NaN : (got as number);
          const same = Number.isNaN(want) ? Number.isNaN(x) : x + 0 === want + 0;
          if (!same) mismatches.push(`${c.sourceName} row ${i}: ${x} ≠ ${want} (text ${field})`);
        }
      });
      expect(mismatches).toEqual([]);
    });
  }
});

describe('biologic.mpt decimal separators and alternative exports', () => {
  const numericColumns = (doc: EchemkitDocument) => doc.measurements[0]!.columns;

  describeCorpus('same run, different export', () => {
    it('mb.issue_95.de.mpt (decimal comma) equals mb.issue_95.mpt (decimal point) value by value', async () => {
      const [a, b] = await Promise.all([read('biologic-mpt/mb.issue_95.mpt'), read('biologic-mpt/mb.issue_95.de.mpt')]);
      expect(a.measurements[0]!.metadata?.decimalSeparator).toBe('.');
      expect(b.measurements[0]!.metadata?.decimalSeparator).toBe(',');
      const ca = numericColumns(a);
      const cb = numericColumns(b);
      expect(cb.map((c) => c.name)).toEqual(ca.map((c) => c.name));
      expect(ca[0]!.values.length).toBe(33);
      ca.forEach((c, k) => expect([...cb[k]!.values], c.name).toEqual([...c.values]));
      expect(b.measurements[0]!.startTime).toEqual(a.measurements[0]!.startTime);
      expect(b.sample).toEqual(a.sample);
    });

    for (const [now, old] of [
      ['ocv.mpt', 'ocv.old.mpt'],
      ['mb.mpt', 'mb.old.mpt'],
      ['wait.mpt', 'wait.old.mpt'],
    ] as const) {
      it(`${old} has the same values as ${now} in every shared column`, async () => {
        const [a, b] = await Promise.all([read(`biologic-mpt/${now}`), read(`biologic-mpt/${old}`)]);
        const ca = numericColumns(a);
        const cb = numericColumns(b);
        let shared = 0;
        for (const c of cb) {
          // Efficiency/% is computed by EC-Lab at export time; the two mb exports disagree on it
          // (values on different rows), so it is not a property of the run.
          if (c.sourceName === 'Efficiency/%') continue;
          const o = ca.find((x) => x.sourceName === c.sourceName && x.derived === c.derived);
          if (!o) continue;
          shared++;
          expect([...c.values], c.sourceName ?? c.name).toEqual([...o.values]);
        }
        expect(shared).toBeGreaterThanOrEqual(Math.min(4, cb.length));
        expect(b.measurements[0]!.startTime?.value).toBe(a.measurements[0]!.startTime?.value);
      });
    }
  });
});
