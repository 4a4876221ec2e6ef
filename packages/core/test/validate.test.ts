import { describe, expect, it } from 'vitest';
import { toJsonBytes, validateDocument } from '@echemkit/core';
import { smallDocument } from './fixtures.js';

const asJson = () => JSON.parse(new TextDecoder().decode(toJsonBytes(smallDocument())));

describe('validateDocument', () => {
  it('accepts a document in memory (typed arrays) and after a JSON round trip', () => {
    expect(validateDocument(smallDocument())).toEqual({ valid: true, problems: [] });
    expect(validateDocument(asJson()).valid).toBe(true);
  });

  it('rejects a column without a unit, with its JSON pointer', () => {
    const doc = asJson();
    delete doc.measurements[0].columns[1].unit;
    const r = validateDocument(doc);
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ pointer: '/measurements/0/columns/1', message: "missing required property 'unit'" }));
  });

  it('rejects ragged columns', () => {
    const doc = asJson();
    doc.measurements[0].columns[2].values.pop();
    const r = validateDocument(doc);
    expect(r.valid).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ ruleId: 'ragged-columns', pointer: '/measurements/0/columns/2/values' }));
  });

  it('rejects a unit that is not the quantity unit, duplicate names and infinite values', () => {
    const doc = smallDocument();
    doc.measurements[0]!.columns[1]!.unit = 'mA';
    doc.measurements[0]!.columns[3]!.name = 'test_time_second';
    (doc.measurements[0]!.columns[2]!.values as Float32Array)[1] = Infinity;
    const rules = validateDocument(doc).problems.map((p) => p.ruleId).sort();
    expect(rules).toEqual(['duplicate-column-name', 'non-finite-value', 'wrong-unit']);
  });

  it('warns (but stays valid) when test time decreases', () => {
    const doc = smallDocument();
    (doc.measurements[0]!.columns[0]!.values as Float64Array)[2] = 1;
    const r = validateDocument(doc);
    expect(r.valid).toBe(true);
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'test-time-decreases' })]);
  });

  it('rejects a document that is not one', () => {
    expect(validateDocument({ echemkit: '2.0' }).valid).toBe(false);
    expect(validateDocument(null).valid).toBe(false);
  });
});
