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
        const r = v instanceof Float64Array ? infiniteAt64(v) : infiniteAt32(v);
        if (r >= 0) {
          const x = v[r]!;
          out.push({ severity: 'error', ruleId: 'non-finite-value', pointer: `${ptr}/values/${r}`, message: `column '${String(c.name)}' holds ${x} at row ${r}`, record: r });
        }
      }
    } else if (Array.isArray(v)) {
      const r = badValueAt(v, c.dtype === 'string');
      if (r >= 0) {
        const x = v[r];
        out.push({ severity: 'error', ruleId: 'non-finite-value', pointer: `${ptr}/values/${r}`, message: `column '${String(c.name)}' holds ${JSON.stringify(x) ?? String(x)} at row ${r}`, record: r });
      }
    }
    if (c.quantity === 'test_time_second') {
      const r = v instanceof Float64Array ? decreaseAt64(v) : decreaseAt(v);
      if (r >= 0) {
        const x = v[r] as number;
        const prev = lastNumberBefore(v, r);
        out.push({ severity: 'warning', ruleId: 'test-time-decreases', pointer: `${ptr}/values/${r}`, message: `test time decreases at row ${r} (${prev} → ${x})`, record: r });
      }
    }
  });
}

// The scans below are separate small functions, one per array type: a single loop shared by
// every column type would see many element kinds, deoptimise and run slowly on large columns.

/** Row of the first ±Infinity, or -1. */
function infiniteAt64(v: Float64Array): number {
  for (let r = 0; r < v.length; r++) {
    const x = v[r]!;
    if (x === Infinity || x === -Infinity) return r;
  }
  return -1;
}

/** Row of the first ±Infinity, or -1. */
function infiniteAt32(v: Float32Array): number {
  for (let r = 0; r < v.length; r++) {
    const x = v[r]!;
    if (x === Infinity || x === -Infinity) return r;
  }
  return -1;
}

/** Row of the first value that is not null, a finite number, a string (or boolean when not a string column), or -1. */
function badValueAt(v: unknown[], isString: boolean): number {
  for (let r = 0; r < v.length; r++) {
    const x = v[r];
    if (x === null) continue;
    if (typeof x === 'number' ? !Number.isFinite(x) : isString ? typeof x !== 'string' : typeof x !== 'string' && typeof x !== 'boolean') return r;
  }
  return -1;
}

/** Row where a number is below the previous number (missing values skipped), or -1. */
function decreaseAt64(v: Float64Array): number {
  let prev = -Infinity;
  for (let r = 0; r < v.length; r++) {
    const x = v[r]!;
    if (Number.isNaN(x)) continue;
    if (x < prev) return r;
    prev = x;
  }
  return -1;
}

/** Same for any array of values. */
function decreaseAt(v: ArrayLike<unknown>): number {
  let prev = -Infinity;
  for (let r = 0; r < v.length; r++) {
    const x = v[r];
    if (typeof x !== 'number' || Number.isNaN(x)) continue;
    if (x < prev) return r;
    prev = x;
  }
  return -1;
}

/** The last number (not NaN) before row `r` (the previous value `decreaseAt` compared with). */
function lastNumberBefore(v: ArrayLike<unknown>, r: number): number {
  for (let i = r - 1; i >= 0; i--) {
    const x = v[i];
    if (typeof x === 'number' && !Number.isNaN(x)) return x;
  }
  return -Infinity;
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
