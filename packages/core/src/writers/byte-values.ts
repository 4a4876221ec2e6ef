/**
 * Column values written as bytes, shared by the CSV and JSON writers. Each column gets a plan
 * (its kind decided once), and values go straight into a byte buffer: no string per value,
 * no closure per column. The text is that of `formatFloat32` / `formatScaledFloat32` for
 * float32 data and `String(x)` for doubles and integers.
 */
import { writeFloat32At, writeFloat64, writeFloat64At, writeInt, writeScaledFloat32, writeScaledFloat32At } from '../number-bytes.js';
import type { Column } from '../types.js';
import type { BufferPool } from './chunks.js';

/** How a column's values are written. */
export const ValueKind = {
  /** Float32Array. */
  F32: 0,
  /** Float64Array of float32 data scaled by 10^exponent at conversion. */
  ScaledF32: 1,
  /** Float64Array of doubles. */
  F64: 2,
  /** Integer typed arrays (Int8 … Uint32). */
  Int: 3,
  /** Anything else: plain arrays (strings, numbers, null), BigInt arrays. */
  Other: 4,
} as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

/** A column prepared for writing. */
export interface ValuePlan {
  kind: ValueKind;
  f32: Float32Array;
  f64: Float64Array;
  ints: ArrayLike<number>;
  other: ArrayLike<unknown>;
  exponent: number;
  /** float32 data in a plain array (numbers then follow `formatScaledFloat32`). */
  float32: boolean;
}

const NO_F32 = new Float32Array(0);
const NO_F64 = new Float64Array(0);

/** Decides once how a column is written. */
export function planColumn(c: Pick<Column, 'values' | 'dtype' | 'scaleExponent'>): ValuePlan {
  const v = c.values as unknown;
  const plan: ValuePlan = { kind: ValueKind.Other as ValueKind, f32: NO_F32, f64: NO_F64, ints: [], other: [], exponent: c.scaleExponent ?? 0, float32: c.dtype === 'float32' };
  if (v instanceof Float32Array) {
    plan.kind = ValueKind.F32;
    plan.f32 = v;
  } else if (v instanceof Float64Array) {
    plan.kind = c.dtype === 'float32' ? ValueKind.ScaledF32 : ValueKind.F64;
    plan.f64 = v;
  } else if (ArrayBuffer.isView(v) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array) && !(v instanceof DataView)) {
    plan.kind = ValueKind.Int;
    plan.ints = v as unknown as ArrayLike<number>;
  } else plan.other = v as ArrayLike<unknown>;
  return plan;
}

const encoder = new TextEncoder();

/**
 * A growing list of byte chunks. Writers reserve room before each value (`room`), write at
 * `pos` in `buf`, and take the full chunks with `take()`.
 */
export class ByteSink {
  buf: Uint8Array;
  pos = 0;
  private ready: Uint8Array[] = [];
  /** @param pool where buffers come from (reused after the consumer gives them back) */
  constructor(
    private readonly size = 1 << 20,
    private readonly pool?: BufferPool,
  ) {
    this.buf = pool ? pool.get(size) : new Uint8Array(size);
  }
  /** Makes room for n more bytes (a new buffer when the current one is full). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos) this.ready.push(this.buf.subarray(0, this.pos));
    const size = Math.max(this.size, n);
    this.buf = this.pool ? this.pool.get(size) : new Uint8Array(size);
    this.pos = 0;
  }
  /** True when full chunks are waiting. */
  get hasReady(): boolean {
    return this.ready.length > 0;
  }
  /** The full chunks so far (the caller owns them). */
  take(): Uint8Array[] {
    const r = this.ready;
    this.ready = [];
    return r;
  }
  /** Everything written, the current buffer included. */
  finish(): Uint8Array[] {
    if (this.pos) this.ready.push(this.buf.subarray(0, this.pos));
    else this.pool?.put(this.buf);
    this.buf = new Uint8Array(0);
    this.pos = 0;
    return this.take();
  }
  /** Writes text (UTF-8). */
  text(s: string): void {
    this.room(s.length * 3);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 128) {
        pos += encoder.encodeInto(s.slice(i), buf.subarray(pos)).written;
        break;
      }
      buf[pos++] = ch;
    }
    this.pos = pos;
  }
}

/** Room a number needs at most (`-1.2345678901234567e-300` and the like). */
export const NUMBER_ROOM = 32;

/** How strings are written: CSV quoting with a delimiter, or JSON string literals. */
export type StringStyle = { csvDelimiter: string } | 'json';

function csvNeedsQuotes(s: string, delimiter: string): boolean {
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r');
}

function jsonPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 32 || ch === 34 || ch === 92 || ch >= 0xd800) return false;
  }
  return true;
}

/** Writes a string value in the given style. */
export function writeString(sink: ByteSink, s: string, style: StringStyle): void {
  if (style === 'json') {
    if (jsonPlain(s)) {
      sink.room(1);
      sink.buf[sink.pos++] = 34;
      sink.text(s);
      sink.room(1);
      sink.buf[sink.pos++] = 34;
    } else sink.text(JSON.stringify(s));
    return;
  }
  sink.text(csvNeedsQuotes(s, style.csvDelimiter) ? `"${s.replace(/"/g, '""')}"` : s);
}

/**
 * Writes value i of a planned column (room for {@link NUMBER_ROOM} bytes must have been made).
 * Missing values (NaN, null, undefined, non-finite numbers in plain arrays) write `missing`.
 */
export function writeValue(sink: ByteSink, p: ValuePlan, i: number, missing: string, style: StringStyle): void {
  switch (p.kind) {
    case ValueKind.F32: {
      const x = p.f32[i]!;
      if (x !== x) writeMissing(sink, missing);
      else sink.pos = writeFloat32At(sink.buf, sink.pos, p.f32, i);
      return;
    }
    case ValueKind.ScaledF32: {
      const x = p.f64[i]!;
      if (x !== x) writeMissing(sink, missing);
      else sink.pos = writeScaledFloat32At(sink.buf, sink.pos, p.f64, i, p.exponent);
      return;
    }
    case ValueKind.F64: {
      const x = p.f64[i]!;
      if (x !== x) writeMissing(sink, missing);
      else sink.pos = writeFloat64At(sink.buf, sink.pos, p.f64, i);
      return;
    }
    case ValueKind.Int:
      sink.pos = writeInt(sink.buf, sink.pos, p.ints[i]!);
      return;
    default:
      writeOther(sink, p, p.other[i], missing, style);
  }
}

function writeMissing(sink: ByteSink, missing: string): void {
  const buf = sink.buf;
  let pos = sink.pos;
  for (let k = 0; k < missing.length; k++) buf[pos++] = missing.charCodeAt(k);
  sink.pos = pos;
}

function writeOther(sink: ByteSink, p: ValuePlan, x: unknown, missing: string, style: StringStyle): void {
  if (x === null || x === undefined) writeMissing(sink, missing);
  else if (typeof x === 'string') writeString(sink, x, style);
  else if (typeof x === 'number') {
    if (!Number.isFinite(x)) writeMissing(sink, missing);
    else sink.pos = p.float32 ? writeScaledFloat32(sink.buf, sink.pos, x, p.exponent) : writeFloat64(sink.buf, sink.pos, x);
  } else sink.text(String(x));
}
