/** Recognises Zahner Thales `.ism` and `.isc` files (no magic number: structural checks). */
import type { FormatDescriptor } from '@echemkit/core';

/**
 * 0.7 when the head is a plausible .isc: finite settings with Tstart/Tend/Periods sane, the
 * point count fitting, and (when in the head) a 6-digit date string after the arrays.
 */
export function sniffIsc(head: Uint8Array): number {
  if (head.length < 160) return 0;
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  for (let k = 0; k < 17; k++) {
    const v = dv.getFloat64(k * 8, false);
    if (!Number.isFinite(v) || Math.abs(v) > 1e9) return 0;
    if (v !== 0 && Math.abs(v) < 1e-12) return 0;
  }
  const n = dv.getInt16(136, false) * 4294967296 + dv.getUint32(138, false) + 1;
  if (dv.getInt16(136, false) !== 0 || n < 2 || n > 1e7) return 0;
  const strAt = 142 + n * 10;
  if (strAt + 8 > head.length) return 0.3;
  const len = dv.getInt16(strAt, false);
  if (len < 6 || len > 64) return 0;
  for (let i = 0; i < 6; i++) {
    const c = head[strAt + 2 + i]!;
    if (c < 48 || c > 57) return 0;
  }
  return 0.7;
}

/** What a registry needs of `zahner.isc` without its parser. */
export const zahnerIscFormat: FormatDescriptor = {
  id: 'zahner.isc',
  name: 'Zahner Thales cyclic voltammogram (.isc)',
  extensions: ['.isc'],
  binary: true,
  sniff: sniffIsc,
};

/**
 * 0.8 when the head is a plausible .ism: point count fits, frequencies positive and finite, phases
 * within ±2π. There is no magic number, so the check is structural.
 */
export function sniffIsm(head: Uint8Array): number {
  if (head.length < 64) return 0;
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const n = dv.getInt16(6, false) * 4294967296 + dv.getUint32(8, false) + 1;
  if (dv.getInt16(0, false) !== 0 || n < 2 || n > 1e6) return 0;
  const inHead = Math.min(n, Math.floor((head.length - 12) / 8));
  for (let p = 0; p < inHead; p++) {
    const f = dv.getFloat64(12 + p * 8, false);
    if (!(f > 1e-7 && f < 1e8)) return 0;
  }
  if (12 + 3 * n * 8 <= head.length) {
    for (let p = 0; p < n; p++) {
      const z = dv.getFloat64(12 + (n + p) * 8, false);
      const ph = dv.getFloat64(12 + (2 * n + p) * 8, false);
      if (!(z >= 0 && z < 1e15) || !(Math.abs(ph) <= 7)) return 0;
    }
    return 0.8;
  }
  return 0.5;
}

/** What a registry needs of `zahner.ism` without its parser. */
export const zahnerIsmFormat: FormatDescriptor = {
  id: 'zahner.ism',
  name: 'Zahner Thales impedance spectrum (.ism)',
  extensions: ['.ism'],
  binary: true,
  sniff: sniffIsm,
};
