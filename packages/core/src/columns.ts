/** Building columns: from a quantity of the vocabulary, from a vendor column, growable buffers. */
import { getQuantity } from './quantities.js';
import type { Column, ColumnValues, Dtype, Measurement, NumericArray } from './types.js';

export interface ColumnOptions {
  /** Column name exactly as the vendor wrote it (null for derived columns). */
  sourceName?: string | null;
  /** Unit exactly as the vendor wrote it. */
  sourceUnit?: string | null;
  /** True when echemkit computed the values. */
  derived?: boolean;
  /** Storage type in the file; inferred from the typed array when omitted. */
  dtype?: Dtype;
  /** Overrides the name (default: the quantity name); used for a second column of one quantity. */
  name?: string;
  /** Overrides the label. */
  label?: string;
  description?: string;
  codes?: Record<string, string>;
  /** See Column.scaleExponent. */
  scaleExponent?: number;
}

/** Storage type of a typed array, or undefined for plain arrays. */
export function dtypeOf(values: ColumnValues): Dtype | undefined {
  if (values instanceof Float64Array) return 'float64';
  if (values instanceof Float32Array) return 'float32';
  if (values instanceof Int32Array) return 'int32';
  if (values instanceof Int16Array) return 'int16';
  if (values instanceof Int8Array) return 'int8';
  if (values instanceof Uint32Array) return 'uint32';
  if (values instanceof Uint16Array) return 'uint16';
  if (values instanceof Uint8Array) return 'uint8';
  return undefined;
}

function finish(col: Column, opts: ColumnOptions): Column {
  const dtype = opts.dtype ?? dtypeOf(col.values);
  if (dtype) col.dtype = dtype;
  if (opts.description) col.description = opts.description;
  if (opts.codes) col.codes = opts.codes;
  if (opts.scaleExponent !== undefined && opts.scaleExponent !== 0) col.scaleExponent = opts.scaleExponent;
  return col;
}

/**
 * A column of a vocabulary quantity; values must already be in the quantity's unit.
 * @example
 * const c = quantityColumn('current_ampere', new Float64Array([0.001]), { sourceName: 'I/mA', sourceUnit: 'mA' });
 * c.label; // 'Current / A'
 */
export function quantityColumn(quantity: string, values: ColumnValues, opts: ColumnOptions = {}): Column {
  const q = getQuantity(quantity);
  return finish(
    {
      name: opts.name ?? q.name,
      label: opts.label ?? q.label,
      unit: q.unit === '1' ? null : q.unit,
      quantity: q.name,
      sourceName: opts.sourceName ?? null,
      sourceUnit: opts.sourceUnit ?? null,
      derived: opts.derived ?? false,
      values,
    },
    opts,
  );
}

/**
 * A vendor column kept as the vendor wrote it: name = the vendor's name, unit = the vendor's unit,
 * no quantity. `displayName` (the quantity part of the header) builds the label.
 */
export function vendorColumn(
  sourceName: string,
  sourceUnit: string | null,
  values: ColumnValues,
  opts: ColumnOptions & { displayName?: string } = {},
): Column {
  const base = opts.displayName ?? sourceName;
  return finish(
    {
      name: opts.name ?? sourceName,
      label: opts.label ?? (sourceUnit ? `${base} / ${sourceUnit}` : base),
      unit: sourceUnit,
      quantity: null,
      sourceName,
      sourceUnit,
      derived: opts.derived ?? false,
      values,
    },
    opts,
  );
}

/** Makes column names unique within a list by appending ` 2`, ` 3` … (or `_2` for quantity names). */
export function uniquifyNames(columns: Column[]): void {
  const seen = new Map<string, number>();
  for (const c of columns) {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    if (n > 1) {
      let k = n;
      let candidate = c.quantity ? `${c.name}_${k}` : `${c.name} ${k}`;
      while (seen.has(candidate)) candidate = c.quantity ? `${c.name}_${++k}` : `${c.name} ${++k}`;
      seen.set(candidate, 1);
      c.name = candidate;
    }
  }
}

/** Row count of a measurement (length of its first column; validation checks they are equal). */
export function rowCount(m: Measurement): number {
  return m.columns.length ? m.columns[0]!.values.length : 0;
}

/** Finds a column by name. */
export function findColumn(m: { columns: Column[] }, name: string): Column | undefined {
  return m.columns.find((c) => c.name === name);
}

/** Finds the first column of a quantity. */
export function findQuantityColumn(m: { columns: Column[] }, quantity: string): Column | undefined {
  return m.columns.find((c) => c.quantity === quantity);
}

/**
 * The values as float64 numbers (missing and non-numeric → NaN). Returns the array itself
 * when it already is a Float64Array; copies otherwise.
 */
export function numericValues(c: Column): Float64Array {
  const v = c.values;
  if (v instanceof Float64Array) return v;
  const out = new Float64Array(v.length);
  if (ArrayBuffer.isView(v)) {
    for (let i = 0; i < v.length; i++) out[i] = (v as NumericArray)[i]!;
    return out;
  }
  for (let i = 0; i < v.length; i++) {
    const x = (v as unknown[])[i];
    out[i] = typeof x === 'number' ? x : typeof x === 'boolean' ? Number(x) : NaN;
  }
  return out;
}

/** Selects the rows whose indexes are given, for every column. */
export function takeRows(columns: Column[], rows: ArrayLike<number>): Column[] {
  return columns.map((c) => {
    const v = c.values;
    let out: ColumnValues;
    if (ArrayBuffer.isView(v)) {
      const Ctor = (v as NumericArray).constructor as { new (n: number): NumericArray };
      const t = new Ctor(rows.length);
      for (let i = 0; i < rows.length; i++) t[i] = (v as NumericArray)[rows[i]!]!;
      out = t;
    } else {
      const a: unknown[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) a[i] = (v as unknown[])[rows[i]!];
      out = a as ColumnValues;
    }
    return { ...c, values: out };
  });
}

/** A growable float64 buffer for text parsers: push numbers, then take a right-sized Float64Array. */
export class Float64Builder {
  private buf: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Float64Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  /** The values pushed so far, as a right-sized copy. */
  finish(): Float64Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * The column to use as cell voltage: `voltage_volt` when present; otherwise the
 * working-electrode potential when no counter-electrode potential was recorded (a
 * two-electrode cell, where WE vs reference is the cell voltage). `assumed` says whether
 * the second rule was used.
 */
export function resolveVoltage(m: { columns: Column[] }): { column: Column; assumed: boolean } | undefined {
  const v = findQuantityColumn(m, 'voltage_volt');
  if (v) return { column: v, assumed: false };
  if (findQuantityColumn(m, 'counter_electrode_potential_volt')) return undefined;
  const we = findQuantityColumn(m, 'working_electrode_potential_volt');
  return we ? { column: we, assumed: true } : undefined;
}
