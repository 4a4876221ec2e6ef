/**
 * Per-column value → text as strings: the reference the byte writers (`byte-values.ts`) must
 * equal, and the text the golden summaries record.
 */
import { formatFloat32, formatScaledFloat32 } from '../number-format.js';
import type { Column } from '../types.js';

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
    return (i) => String(t[i]!);
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
