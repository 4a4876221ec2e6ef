/** Output of result tables (column arrays with a `length`) as CSV and as plain JSON. */

/** Any result table: named columns of equal length. */
export type ColumnTable = { length: number } & { [name: string]: ArrayLike<unknown> | number };

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Column names of a table (everything but `length`).
 * @example
 * tableColumns({ length: 0, cycle: new Int32Array(0) }); // ['cycle']
 */
export function tableColumns(t: ColumnTable): string[] {
  return Object.keys(t).filter((k) => k !== 'length');
}

/**
 * CSV text of a table; headers `name / unit` when a unit is known; NaN and null are empty cells.
 * @example
 * tableToCsv({ length: 1, cycle: Int32Array.of(1) }); // 'cycle\n1\n'
 */
export function tableToCsv(t: ColumnTable, units: Record<string, string | null> = {}): string {
  const names = tableColumns(t);
  const lines = [names.map((n) => cell(units[n] ? `${n} / ${units[n]}` : n)).join(',')];
  for (let r = 0; r < t.length; r++) lines.push(names.map((n) => cell((t[n] as ArrayLike<unknown>)[r])).join(','));
  return lines.join('\n') + '\n';
}

/**
 * A table as plain JSON-ready arrays (NaN → null).
 * @example
 * tableToJson({ length: 1, x: Float64Array.of(NaN) }); // { x: [null] }
 */
export function tableToJson(t: ColumnTable): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const n of tableColumns(t)) {
    out[n] = Array.from(t[n] as ArrayLike<unknown>, (v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
  }
  return out;
}

/**
 * JSON.stringify replacer that writes typed arrays as arrays and NaN/±Infinity as null.
 * @example
 * JSON.stringify({ a: Float64Array.of(1, NaN) }, jsonReplacer); // '{"a":[1,null]}'
 */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : null));
  return value;
}
