/** CRC-32 (IEEE, as in ZIP) over bytes, slice-by-8 (eight table lookups per 8 bytes). */
let tables: Int32Array[] | undefined;

// Signed tables: every value stays a 32-bit integer (unsigned ones above 2^31 would be doubles).
function makeTables(): Int32Array[] {
  const t0 = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  const out = [t0];
  for (let k = 1; k < 8; k++) {
    const prev = out[k - 1]!;
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n]! >>> 8) ^ t0[prev[n]! & 0xff]!;
    out.push(t);
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * CRC-32 of `bytes`.
 * @example
 * crc32(new TextEncoder().encode('123456789')).toString(16); // 'cbf43926'
 */
export function crc32(bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = (tables ??= makeTables()) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  let c = -1;
  let i = 0;
  const n = bytes.length;
  const n8 = n - (n & 7);
  if (LITTLE_ENDIAN && (bytes.byteOffset & 3) === 0) {
    // Aligned words read in one load each (inflated members always are aligned).
    const w = new Int32Array(bytes.buffer, bytes.byteOffset, n8 >> 2);
    for (let k = 0; k < w.length; k += 2) {
      const a = c ^ w[k]!;
      const b = w[k + 1]!;
      c = t7[a & 0xff]! ^ t6[(a >>> 8) & 0xff]! ^ t5[(a >>> 16) & 0xff]! ^ t4[a >>> 24]! ^ t3[b & 0xff]! ^ t2[(b >>> 8) & 0xff]! ^ t1[(b >>> 16) & 0xff]! ^ t0[b >>> 24]!;
    }
    i = n8;
  } else {
    for (; i < n8; i += 8) {
      const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
      c = t7[a & 0xff]! ^ t6[(a >>> 8) & 0xff]! ^ t5[(a >>> 16) & 0xff]! ^ t4[a >>> 24]! ^ t3[bytes[i + 4]!]! ^ t2[bytes[i + 5]!]! ^ t1[bytes[i + 6]!]! ^ t0[bytes[i + 7]!]!;
    }
  }
  for (; i < n; i++) c = t0[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
