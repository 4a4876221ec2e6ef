/** Row subsets of columns (a file mixing DC and impedance rows becomes two measurements). */
import { takeRows, type Column } from '@echemkit/core';

/** Indexes of the rows where `keep(i)` holds, as an Int32Array. */
export function rowsWhere(n: number, keep: (i: number) => boolean): Int32Array {
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (keep(i)) out[k++] = i;
  return out.slice(0, k);
}

/** The columns restricted to `rows` (typed arrays keep their type). */
export function subset(columns: Column[], rows: Int32Array): Column[] {
  return takeRows(columns, rows);
}
