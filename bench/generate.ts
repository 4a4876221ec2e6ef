import type { ParseContext } from '@echemkit/core';
import { decodeMpr } from '../packages/format-biologic/src/mpr/index.js';

/**
 * Large benchmark inputs made by repeating the records of real corpus files. Generators are
 * per layout: text files with a header and a data table; binary formats add their own.
 */

/** Text with `headerLines` header lines: repeats the data lines until about `targetBytes`. */
export function repeatTextRecords(bytes: Uint8Array, headerLines: number, targetBytes: number): Uint8Array {
  let pos = 0;
  for (let l = 0; l < headerLines && pos < bytes.length; l++) {
    const nl = bytes.indexOf(0x0a, pos);
    pos = nl < 0 ? bytes.length : nl + 1;
  }
  const header = bytes.subarray(0, pos);
  let body = bytes.subarray(pos);
  if (body.length && body[body.length - 1] !== 0x0a) body = body.subarray(0, body.lastIndexOf(0x0a) + 1);
  if (!body.length) throw new Error('no data lines to repeat');
  const copies = Math.max(1, Math.ceil((targetBytes - header.length) / body.length));
  const out = new Uint8Array(header.length + copies * body.length);
  out.set(header, 0);
  for (let k = 0; k < copies; k++) out.set(body, header.length + k * body.length);
  return out;
}

/** Number of header lines of a Bio-Logic .mpt (`Nb header lines : N`; the column-name line is the last of them). */
export function mptHeaderLines(bytes: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /Nb header lines\s*:\s*(\d+)/.exec(head);
  if (!m) throw new Error('not an .mpt with a header count');
  return Number(m[1]);
}

/** A ParseContext that discards diagnostics (benchmarks). */
export function quietCtx(): ParseContext {
  return { fileName: 'bench.mpr', format: 'biologic.mpr', options: {}, siblings: new Map(), warn: () => {}, info: () => {} };
}

/** A large .mpr from the records of `src`, repeated to about `targetBytes`. */
export function repeatMprRecords(src: Uint8Array, targetBytes: number): Uint8Array {
  const d = decodeMpr(src, quietCtx());
  const dm = d.modules.find((m) => m.shortName === 'VMP data')!;
  const start = dm.dataOffset + d.data.encoding.recordStart;
  const size = d.data.layout.recordSize;
  const n = d.data.points;
  const body = src.subarray(start, start + n * size);
  const tail = src.subarray(dm.dataOffset + dm.declaredLength);
  const copies = Math.max(1, Math.ceil((targetBytes - start - tail.length) / body.length));
  const out = new Uint8Array(start + copies * body.length + tail.length);
  out.set(src.subarray(0, start), 0);
  const timeCol = d.data.layout.columns.find((c) => c.name === 'time/s');
  const lastTime = d.data.columns.find((c) => c.name === 'time/s')!.values[n - 1]!;
  const view = new DataView(out.buffer);
  for (let k = 0; k < copies; k++) {
    const at = start + k * body.length;
    out.set(body, at);
    if (timeCol && k > 0) {
      const shift = k * (lastTime + 1);
      for (let i = 0, p = at + timeCol.offset; i < n; i++, p += size) view.setFloat64(p, view.getFloat64(p, true) + shift, true);
    }
  }
  out.set(tail, start + copies * body.length);
  const points = copies * n;
  view.setUint32(dm.dataOffset, points, true);
  const lengthField = dm.offset + 6 + (dm.headerGeneration === 2 ? 39 : 35);
  view.setUint32(lengthField, d.data.encoding.recordStart + points * size, true);
  return out;
}

