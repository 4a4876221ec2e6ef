/** Bounded field readers for the small modules (Set, LOG, ExtDev): out of range → null. */
import { decodeWindows1252 } from '@echemkit/core';

/** Pascal string (1 length byte + Windows-1252 text) at `o`, or null when it runs past the end. */
export function pascal(d: Uint8Array, o: number): string | null {
  if (o >= d.length) return null;
  const n = d[o]!;
  if (o + 1 + n > d.length) return null;
  return decodeWindows1252(d.subarray(o + 1, o + 1 + n));
}

function view(d: Uint8Array): DataView {
  return new DataView(d.buffer, d.byteOffset, d.byteLength);
}

export function f32(d: Uint8Array, o: number): number | null {
  return o + 4 <= d.length ? view(d).getFloat32(o, true) : null;
}
export function f64(d: Uint8Array, o: number): number | null {
  return o + 8 <= d.length ? view(d).getFloat64(o, true) : null;
}
export function u16(d: Uint8Array, o: number): number | null {
  return o + 2 <= d.length ? view(d).getUint16(o, true) : null;
}
export function u8(d: Uint8Array, o: number): number | null {
  return o < d.length ? d[o]! : null;
}

/** Hex text of bytes (for undecoded blocks kept verbatim). */
export function hex(d: Uint8Array): string {
  let s = '';
  for (let i = 0; i < d.length; i++) s += (d[i]! < 16 ? '0' : '') + d[i]!.toString(16);
  return s;
}

/** A float32 as the shortest decimal that reads back to it (1e-3 rather than 0.0010000000474974513). */
export function shortF32(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return x;
  for (let p = 1; p <= 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return y;
  }
  return x;
}
