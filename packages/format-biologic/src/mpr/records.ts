/**
 * The hot path: decodes the packed records column by column, one tight DataView loop per
 * column into a preallocated typed array. No per-record objects.
 */
import type { ByteSource } from '@echemkit/core';
import type { MprDtype } from './column-ids.js';
import type { RecordLayout } from './layout.js';

/** A decoded column, keyed by its `.mpt` name. */
export interface RawMprColumn {
  /** Column ID (flags: the flag's own ID). */
  id: number;
  /** `.mpt` column name (`mode`, `I/mA`, `vendor_column_<id>` …). */
  name: string;
  /** Storage type in the file (`flag` for bits of the flags byte). */
  dtype: MprDtype | 'u4' | 'flag';
  values: Float64Array | Float32Array | Uint8Array | Uint16Array | Uint32Array;
  /** How the ID was resolved (see LayoutColumn). */
  resolvedBy: string;
}

type Values = RawMprColumn['values'];

function allocate(dtype: MprDtype, n: number): Values {
  switch (dtype) {
    case 'f8':
      return new Float64Array(n);
    case 'f4':
      return new Float32Array(n);
    case 'u4':
      return new Uint32Array(n);
    case 'u2':
      return new Uint16Array(n);
    case 'u1':
      return new Uint8Array(n);
  }
}

/** Records [from, to) of one column; one tight loop per storage type. */
function decodeBlock(view: DataView, bytes: Uint8Array, base: number, stride: number, from: number, to: number, offset: number, dtype: MprDtype, out: Values): void {
  let p = base + from * stride + offset;
  switch (dtype) {
    case 'f8': {
      const o = out as Float64Array;
      for (let i = from; i < to; i++, p += stride) o[i] = view.getFloat64(p, true);
      return;
    }
    case 'f4': {
      const o = out as Float32Array;
      for (let i = from; i < to; i++, p += stride) o[i] = view.getFloat32(p, true);
      return;
    }
    case 'u4': {
      const o = out as Uint32Array;
      for (let i = from; i < to; i++, p += stride) o[i] = view.getUint32(p, true);
      return;
    }
    case 'u2': {
      const o = out as Uint16Array;
      for (let i = from; i < to; i++, p += stride) o[i] = view.getUint16(p, true);
      return;
    }
    case 'u1': {
      const o = out as Uint8Array;
      for (let i = from; i < to; i++, p += stride) o[i] = bytes[p]!;
      return;
    }
  }
}

/**
 * Records per block: column loops run over a block that stays in the CPU cache, so a big
 * file is read from memory once rather than once per column.
 */
const BLOCK_BYTES = 1 << 18;

/**
 * Decodes `n` records starting at offset `base` of the source, block by block (a file
 * source fills one scratch buffer per block; bytes in memory are read in place). The caller
 * guarantees that `base + n * layout.recordSize <= source.size`.
 * @example
 * const cols = decodeRecords(bytesSource(bytes), 0x1234, 100, layout);
 * cols.find((c) => c.name === 'time/s')!.values; // Float64Array(100)
 */
export function decodeRecords(source: ByteSource, base: number, n: number, layout: RecordLayout): RawMprColumn[] {
  const stride = layout.recordSize;
  const out: RawMprColumn[] = [];
  const flagBytes: Uint8Array | null = layout.flagsOffset >= 0 ? new Uint8Array(n) : null;
  const cols = layout.columns;
  const arrays = cols.map((c) => allocate(c.dtype, n));
  const block = Math.max(1, Math.floor(BLOCK_BYTES / stride));
  const decode = (view: DataView, bytes: Uint8Array, at: number, from: number, to: number) => {
    if (flagBytes) decodeBlock(view, bytes, at, stride, from, to, layout.flagsOffset, 'u1', flagBytes);
    for (let k = 0; k < cols.length; k++) decodeBlock(view, bytes, at, stride, from, to, cols[k]!.offset, cols[k]!.dtype, arrays[k]!);
  };
  const whole = source.bytes;
  if (whole) {
    // In memory: one view on all of it (a view per block made the loops a third slower).
    const view = new DataView(whole.buffer, whole.byteOffset, whole.byteLength);
    for (let from = 0; from < n; from += block) decode(view, whole, base, from, Math.min(n, from + block));
  } else {
    // A file: each block is read into one scratch buffer, under one view.
    const scratch = new Uint8Array(block * stride);
    const scratchView = new DataView(scratch.buffer);
    for (let from = 0; from < n; from += block) {
      const to = Math.min(n, from + block);
      const bytes = source.read(base + from * stride, (to - from) * stride, scratch);
      const view = bytes.buffer === scratch.buffer && bytes.byteOffset === 0 ? scratchView : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      // Offsets in the block: record i starts at (i − from)·stride.
      decode(view, bytes, -from * stride, from, to);
    }
  }
  let flagsDone = false;
  for (let k = 0; k < cols.length; k++) {
    const c = cols[k]!;
    // Flags come out where the flag byte sits in the record, in the order of their IDs.
    if (!flagsDone && flagBytes && layout.flagsOffset < c.offset) {
      pushFlags(out, flagBytes, layout);
      flagsDone = true;
    }
    let values = arrays[k]!;
    let dtype: RawMprColumn['dtype'] = c.dtype;
    if (c.resolvedBy === 'record-size' && c.dtype === 'f4') {
      // An unknown 4-byte column: small integers read as float32 are denormals; keep them as u32.
      const asU32 = new Uint32Array(values.buffer, values.byteOffset, values.length);
      let small = asU32.length > 0;
      for (let i = 0; i < asU32.length && small; i++) if (asU32[i]! >= 1 << 24) small = false;
      if (small) {
        values = Uint32Array.from(asU32);
        dtype = 'u4';
      }
    }
    out.push({ id: c.id, name: c.name, dtype, values, resolvedBy: c.resolvedBy });
  }
  if (!flagsDone && flagBytes) pushFlags(out, flagBytes, layout);
  return out;
}

function pushFlags(out: RawMprColumn[], flagBytes: Uint8Array, layout: RecordLayout): void {
  const n = flagBytes.length;
  // Four records per operation: (bytes & mask) >>> shift on a 32-bit word keeps every byte's
  // bits in that byte once the mask has no bit below `shift` (those bits are shifted out of a
  // byte anyway), whatever the endianness.
  const words = flagBytes.byteOffset % 4 === 0 ? n >>> 2 : 0;
  const src = new Uint32Array(flagBytes.buffer, flagBytes.byteOffset, words);
  for (const f of layout.flags) {
    const v = new Uint8Array(n);
    const { mask, shift } = f;
    const dst = new Uint32Array(v.buffer, 0, words);
    const wordMask = Math.imul(mask & (0xff << shift) & 0xff, 0x01010101) >>> 0;
    for (let i = 0; i < words; i++) dst[i] = (src[i]! & wordMask) >>> shift;
    for (let i = words * 4; i < n; i++) v[i] = (flagBytes[i]! & mask) >> shift;
    out.push({ id: f.id, name: f.name, dtype: 'flag', values: v, resolvedBy: 'table' });
  }
}
