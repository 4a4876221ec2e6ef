/**
 * Checks JSON Schema cannot express: equal column lengths, finite numbers, unique names,
 * units that match the vocabulary, non-decreasing test time. They run on in-memory
 * documents (typed arrays) and on parsed JSON documents alike.
 */
import { findQuantity } from './quantities.js';

export interface Problem {
  severity: 'error' | 'warning';
  ruleId: string;
  /** JSON pointer into the document. */
  pointer: string;
  message: string;
  record?: number;
}

interface LooseColumn {
  name?: unknown;
  unit?: unknown;
  quantity?: unknown;
  dtype?: unknown;
  values?: unknown;
}

function checkColumns(columns: LooseColumn[], base: string, out: Problem[]): void {
  let length: number | undefined;
  const names = new Set<string>();
  columns.forEach((c, i) => {
    const ptr = `${base}/${i}`;
    const v = c.values as ArrayLike<unknown> | undefined;
    if (!v || typeof v.length !== 'number') return;
    if (length === undefined) length = v.length;
    else if (v.length !== length) {
      out.push({ severity: 'error', ruleId: 'ragged-columns', pointer: `${ptr}/values`, message: `column '${String(c.name)}' has ${v.length} values, the first column has ${length}` });
    }
    if (typeof c.name === 'string') {
      if (names.has(c.name)) out.push({ severity: 'error', ruleId: 'duplicate-column-name', pointer: `${ptr}/name`, message: `column name '${c.name}' is used twice` });
      names.add(c.name);
    }
    if (typeof c.quantity === 'string') {
      const q = findQuantity(c.quantity);
      if (!q) out.push({ severity: 'error', ruleId: 'unknown-quantity', pointer: `${ptr}/quantity`, message: `quantity '${c.quantity}' is not in the vocabulary` });
      else {
        const expected = q.unit === '1' ? null : q.unit;
        if ((c.unit ?? null) !== expected) {
          out.push({ severity: 'error', ruleId: 'wrong-unit', pointer: `${ptr}/unit`, message: `column '${String(c.name)}' of quantity ${q.name} must be in ${expected ?? 'no unit'}, not ${String(c.unit)}` });
        }
      }
    }
    // Finite numbers: NaN (typed arrays) and null (JSON) mark missing values; ±Infinity is never valid.
    if (ArrayBuffer.isView(v)) {
      if (v instanceof Float64Array || v instanceof Float32Array) {
        for (let r = 0; r < v.length; r++) {
          const x = v[r]!;
          if (x === Infinity || x === -Infinity) {
            out.push({ severity: 'error', ruleId: 'non-finite-value', pointer: `${ptr}/values/${r}`, message: `column '${String(c.name)}' holds ${x} at row ${r}`, record: r });
            break;
          }
        }
      }
    } else if (Array.isArray(v)) {
      const isString = c.dtype === 'string';
      for (let r = 0; r < v.length; r++) {
        const x = v[r];
        if (x === null) continue;
        if (typeof x === 'number' ? !Number.isFinite(x) : isString ? typeof x !== 'string' : typeof x !== 'string' && typeof x !== 'boolean') {
          out.push({ severity: 'error', ruleId: 'non-finite-value', pointer: `${ptr}/values/${r}`, message: `column '${String(c.name)}' holds ${JSON.stringify(x) ?? String(x)} at row ${r}`, record: r });
          break;
        }
      }
    }
    if (c.quantity === 'test_time_second') {
      let prev = -Infinity;
      for (let r = 0; r < v.length; r++) {
        const x = v[r];
        if (typeof x !== 'number' || Number.isNaN(x)) continue;
        if (x < prev) {
          out.push({ severity: 'warning', ruleId: 'test-time-decreases', pointer: `${ptr}/values/${r}`, message: `test time decreases at row ${r} (${prev} → ${x})`, record: r });
          break;
        }
        prev = x;
      }
    }
  });
}

/** Runs the code checks over a document (in memory or parsed JSON). */
export function checkDocument(doc: unknown): Problem[] {
  const out: Problem[] = [];
  const measurements = (doc as { measurements?: unknown })?.measurements;
  if (!Array.isArray(measurements)) return out;
  measurements.forEach((m: { columns?: unknown; tables?: unknown }, i) => {
    if (Array.isArray(m?.columns)) checkColumns(m.columns as LooseColumn[], `/measurements/${i}/columns`, out);
    if (Array.isArray(m?.tables)) {
      (m.tables as { columns?: unknown }[]).forEach((t, j) => {
        if (Array.isArray(t?.columns)) checkColumns(t.columns as LooseColumn[], `/measurements/${i}/tables/${j}/columns`, out);
      });
    }
  });
  return out;
}
