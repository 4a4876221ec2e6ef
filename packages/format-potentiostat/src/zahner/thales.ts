/**
 * Zahner Thales binary primitives (big-endian), facts from Zahner's own zahner_analysis
 * (file_import/thales_file_utils.py, MIT): 6-byte signed integers, float64 arrays, int16
 * arrays, strings as int16 length + ASCII with swapped letter case, time stamps in seconds
 * since 1980-01-01 (local wall clock). Every read is bounded by the bytes present.
 */
import { TruncatedError } from '@echemkit/core';

export class ThalesReader {
  pos = 0;
  private readonly dv: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly format: string,
  ) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get remaining(): number {
    return this.bytes.length - this.pos;
  }
  need(size: number, what: string): void {
    if (size < 0 || this.pos + size > this.bytes.length) {
      throw new TruncatedError(`${what} needs ${size} bytes but the file ends`, { format: this.format, offset: this.pos, expected: `${size} bytes`, actual: `${this.remaining}` });
    }
  }
  i6(what: string): number {
    this.need(6, what);
    const hi = this.dv.getInt16(this.pos, false);
    const lo = this.dv.getUint32(this.pos + 2, false);
    this.pos += 6;
    return hi * 4294967296 + lo;
  }
  i2(what: string): number {
    this.need(2, what);
    const v = this.dv.getInt16(this.pos, false);
    this.pos += 2;
    return v;
  }
  f8(what: string): number {
    this.need(8, what);
    const v = this.dv.getFloat64(this.pos, false);
    this.pos += 8;
    return v;
  }
  f8Array(n: number, what: string): Float64Array {
    this.need(n * 8, what);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.dv.getFloat64(this.pos + i * 8, false);
    this.pos += n * 8;
    return out;
  }
  i2Array(n: number, what: string): Int16Array {
    this.need(n * 2, what);
    const out = new Int16Array(n);
    for (let i = 0; i < n; i++) out[i] = this.dv.getInt16(this.pos + i * 2, false);
    this.pos += n * 2;
    return out;
  }
  /** int16 length + ASCII with swapped case (Thales stores them so). */
  string(what: string): string {
    const n = this.i2(`${what} length`);
    this.need(Math.max(0, n), what);
    let s = '';
    for (let i = 0; i < n; i++) {
      const c = this.bytes[this.pos + i]!;
      s += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c >= 97 && c <= 122 ? c - 32 : c);
    }
    this.pos += Math.max(0, n);
    return s;
  }
}

/** Milliseconds (as if UTC) of 1980-01-01, the Thales time origin. */
export const THALES_EPOCH_MS = Date.UTC(1980, 0, 1);
