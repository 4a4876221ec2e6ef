/** Per-column value → text, shared by the JSON and CSV writers. */
import { formatFloat32, formatScaledFloat32 } from '../number-format.js';
import type { Column } from '../types.js';

const SMALL_INTS: string[] = Array.from({ length: 4096 }, (_, i) => String(i));

/**
 * Returns a function giving the text of row i, or `missing` for a missing value.
 * Strings are passed to `quote`.
 */
export function valueFormatter(c: Column, missing: string, quote: (s: string) => string): (i: number) => string {
  const v = c.values;
  if (v instanceof Float32Array) {
    return (i) => {
      const x = v[i]!;
      return Number.isNaN(x) ? missing : formatFloat32(x);
    };
  }
  if (v instanceof Float64Array) {
    if (c.dtype === 'float32') {
      const e = c.scaleExponent ?? 0;
      return (i) => {
        const x = v[i]!;
        return Number.isNaN(x) ? missing : formatScaledFloat32(x, e);
      };
    }
    return (i) => {
      const x = v[i]!;
      return Number.isNaN(x) ? missing : String(x);
    };
  }
  if (ArrayBuffer.isView(v)) {
    const t = v as unknown as ArrayLike<number>;
    // Flags, codes and counters are mostly small: their text comes from a table.
    return (i) => {
      const x = t[i]!;
      return x >= 0 && x < SMALL_INTS.length && Number.isInteger(x) ? SMALL_INTS[x]! : String(x);
    };
  }
  const a = v as unknown[];
  return (i) => {
    const x = a[i];
    if (x === null || x === undefined) return missing;
    if (typeof x === 'string') return quote(x);
    if (typeof x === 'number') return Number.isFinite(x) ? (c.dtype === 'float32' ? formatScaledFloat32(x, c.scaleExponent ?? 0) : String(x)) : missing;
    return String(x);
  };
}
