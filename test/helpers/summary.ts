/**
 * Golden summaries: what the conformance harness pins for every corpus file (row counts,
 * columns with units, first and last values as written, per-column min/max/sum).
 */
import { numericValues, valueFormatter, type Column, type EchemkitDocument } from '@echemkit/core';

export interface ColumnSummary {
  name: string;
  unit: string | null;
  quantity: string | null;
  sourceName: string | null;
  sourceUnit: string | null;
  derived: boolean;
  dtype: string | null;
  first: string | null;
  last: string | null;
  min: number | null;
  max: number | null;
  sum: number | null;
  missing: number;
}

export interface DocumentSummary {
  format: string;
  formatVersion: string | null;
  measurements: {
    name: string | null;
    kind: string;
    technique: string;
    startTime: string | null;
    rows: number;
    columns: ColumnSummary[];
    tables: { name: string; rows: number; columns: ColumnSummary[] }[];
  }[];
  diagnostics: string[];
}

function summarizeColumn(c: Column): ColumnSummary {
  const n = c.values.length;
  const fmt = valueFormatter(c, 'null', (s) => s);
  const v = numericValues(c);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let missing = 0;
  let numeric = false;
  const raw = c.values as ArrayLike<unknown>;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    if (Number.isNaN(x)) {
      if (raw[i] === null || raw[i] === undefined || typeof raw[i] === 'number') missing++;
      continue;
    }
    numeric = true;
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
  }
  return {
    name: c.name,
    unit: c.unit,
    quantity: c.quantity,
    sourceName: c.sourceName,
    sourceUnit: c.sourceUnit,
    derived: c.derived,
    dtype: c.dtype ?? null,
    first: n ? fmt(0) : null,
    last: n ? fmt(n - 1) : null,
    min: numeric ? min : null,
    max: numeric ? max : null,
    sum: numeric ? sum : null,
    missing,
  };
}

/** The golden summary of a document. */
export function summarizeDocument(doc: EchemkitDocument): DocumentSummary {
  return {
    format: doc.source.format,
    formatVersion: doc.source.formatVersion ?? null,
    measurements: doc.measurements.map((m) => ({
      name: m.name ?? null,
      kind: m.kind,
      technique: m.technique.name,
      startTime: m.startTime?.value ?? null,
      rows: m.columns[0]?.values.length ?? 0,
      columns: m.columns.map(summarizeColumn),
      tables: (m.tables ?? []).map((t) => ({ name: t.name, rows: t.columns[0]?.values.length ?? 0, columns: t.columns.map(summarizeColumn) })),
    })),
    diagnostics: doc.diagnostics.map((d) => `${d.severity} ${d.ruleId}`),
  };
}

/** Differences between two summaries (sums compared with a relative tolerance of 1e-9). */
export function diffSummaries(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (actual === expected) return [];
    const tol = 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
    return path.endsWith('.sum') && Math.abs(actual - expected) <= tol ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const out: string[] = [];
    if (actual.length !== expected.length) out.push(`${path}: length ${actual.length} ≠ ${expected.length}`);
    for (let i = 0; i < Math.min(actual.length, expected.length); i++) out.push(...diffSummaries(actual[i], expected[i], `${path}[${i}]`));
    return out;
  }
  if (actual && expected && typeof actual === 'object' && typeof expected === 'object') {
    const out: string[] = [];
    const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
    for (const k of keys) out.push(...diffSummaries((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`));
    return out;
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}
