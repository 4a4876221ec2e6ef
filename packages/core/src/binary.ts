/**
 * Bounds-checked little/big-endian reads for headers and small structures. Every read past
 * the end throws TruncatedError with the format id and offset; bulk records are decoded by
 * the plugins' own loops, not through this class.
 */
import { TruncatedError } from './errors.js';

export class ByteView {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    readonly format: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  /** Throws TruncatedError when [offset, offset + size) is not inside the bytes. */
  need(offset: number, size: number, what: string): void {
    if (offset < 0 || offset + size > this.bytes.length) {
      throw new TruncatedError(`${what} needs ${size} bytes but the file ends`, { format: this.format, offset, expected: `${size} bytes`, actual: `${Math.max(0, this.bytes.length - offset)}` });
    }
  }
  u8(o: number, what = 'u8'): number {
    this.need(o, 1, what);
    return this.bytes[o]!;
  }
  u16(o: number, what = 'u16', le = true): number {
    this.need(o, 2, what);
    return this.view.getUint16(o, le);
  }
  i16(o: number, what = 'i16', le = true): number {
    this.need(o, 2, what);
    return this.view.getInt16(o, le);
  }
  u32(o: number, what = 'u32', le = true): number {
    this.need(o, 4, what);
    return this.view.getUint32(o, le);
  }
  i32(o: number, what = 'i32', le = true): number {
    this.need(o, 4, what);
    return this.view.getInt32(o, le);
  }
  f32(o: number, what = 'f32', le = true): number {
    this.need(o, 4, what);
    return this.view.getFloat32(o, le);
  }
  f64(o: number, what = 'f64', le = true): number {
    this.need(o, 8, what);
    return this.view.getFloat64(o, le);
  }
  /** Latin-1/ASCII text of fixed length (trailing NULs and spaces kept; trim yourself). */
  latin1(o: number, len: number, what = 'text'): string {
    this.need(o, len, what);
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(this.bytes[o + i]!);
    return s;
  }
  /** Bytes [o, o + len) (a view, not a copy). */
  slice(o: number, len: number, what = 'bytes'): Uint8Array {
    this.need(o, len, what);
    return this.bytes.subarray(o, o + len);
  }
}

const cp1252 = new TextDecoder('windows-1252');

/** Decodes Windows-1252 bytes (Bio-Logic, many Windows instrument programs). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return cp1252.decode(bytes);
}

/** True when `bytes` at `offset` equal the ASCII text `magic`. */
export function hasMagic(bytes: Uint8Array, magic: string, offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic.charCodeAt(i)) return false;
  return true;
}
