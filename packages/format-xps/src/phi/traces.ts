/** The binary part of PHI MultiPak files: data header, 96-byte trace headers, float32/float64 trace data. */
import { ByteView, FormatError, LimitError, type ParseContext } from '@echemkit/core';

/** One trace header (slot numbers as in docs/formats/xps-spe.md). */
export interface PhiTrace {
  index: number;
  number: number;
  points: number;
  /** Second dimension: scans/cycles for spectra, regions for profile traces. */
  count2: number;
  /** 4-character tags at bytes 32 and 40 (`pnt`, `sar`, `cyc`, `reg`). */
  axisTag: string;
  secondTag: string;
  /** Unit text at byte 56 (`c/s`, `s`, `c/s * eV`). */
  unit: string;
  dtype: 'float32' | 'float64';
  byteCount: number;
  dataOffset: number;
  /** Values decoded (may be fewer than declared when the file is cut). */
  values: Float32Array | Float64Array;
  complete: boolean;
}

function tag(v: ByteView, o: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) {
    const c = v.bytes[o + i]!;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s.trim();
}

/** Decodes every trace; data offsets are relative to `dataStart` (the byte after the EOFH line). */
export function readTraces(bytes: Uint8Array, dataStart: number, ctx: ParseContext): PhiTrace[] {
  const data = bytes.subarray(dataStart);
  const v = new ByteView(data, ctx.format);
  const count = v.u32(4, 'the number of traces');
  const traceHeaderBytes = v.u32(8, 'the size of the trace headers');
  const dataHeaderSize = v.u32(12, 'the size of the data header');
  if (count === 0) return [];
  if (count > data.length / 96) {
    throw new LimitError('the number of traces exceeds what the file can hold', { format: ctx.format, offset: dataStart + 4, expected: `at most ${Math.floor(data.length / 96)}`, actual: String(count) });
  }
  const headerSize = Math.floor(traceHeaderBytes / count);
  if (headerSize < 96 || dataHeaderSize < 16 || dataHeaderSize > data.length) {
    throw new FormatError('unexpected data-header or trace-header size', { format: ctx.format, offset: dataStart + 8, expected: 'trace headers of ≥ 96 bytes, data header ≥ 16 bytes', actual: `${headerSize}, ${dataHeaderSize}` });
  }
  const traces: PhiTrace[] = [];
  for (let i = 0; i < count; i++) {
    const o = dataHeaderSize + i * headerSize;
    v.need(o, 96, `trace header ${i + 1}`);
    const typeTag = tag(v, o + 72, 4);
    if (typeTag !== 'f4' && typeTag !== 'f8') {
      throw new FormatError(`trace ${i + 1} has an unknown data type tag`, { format: ctx.format, offset: dataStart + o + 72, expected: 'f4 or f8', actual: JSON.stringify(typeTag) });
    }
    const dtype = typeTag === 'f4' ? 'float32' : 'float64';
    const size = dtype === 'float32' ? 4 : 8;
    const byteCount = v.u32(o + 76, 'the trace byte count');
    const dataOffset = v.u32(o + 80, 'the trace data offset');
    // Bounded by the bytes present: a cut file keeps every complete value.
    const available = Math.max(0, Math.min(byteCount, data.length - dataOffset));
    const n = Math.floor(available / size);
    const values = dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
    const dv = v.view;
    if (dtype === 'float32') for (let k = 0; k < n; k++) values[k] = dv.getFloat32(dataOffset + 4 * k, true);
    else for (let k = 0; k < n; k++) values[k] = dv.getFloat64(dataOffset + 8 * k, true);
    const complete = n * size === byteCount;
    if (!complete) {
      ctx.warn(`trace ${i + 1} declares ${byteCount} bytes but the file holds ${available}; kept ${n} values`, {
        ruleId: 'truncated-record',
        offset: dataStart + dataOffset,
        record: i,
        expected: `${byteCount} bytes`,
        actual: String(available),
      });
    }
    traces.push({
      index: i,
      number: v.u32(o, 'the trace number'),
      points: v.u32(o + 20, 'the number of points'),
      count2: v.u32(o + 24, 'the number of scans'),
      axisTag: tag(v, o + 32, 4),
      secondTag: tag(v, o + 40, 4),
      unit: tag(v, o + 56, 16),
      dtype,
      byteCount,
      dataOffset,
      values,
      complete,
    });
  }
  return traces;
}
