/** JSON writer: the whole document, streamed column by column. */
import type { Column, EchemkitDocument, Measurement, Table } from '../types.js';
import { ChunkBuffer, concatChunks, type ChunkedOutput } from './chunks.js';
import { valueFormatter } from './values.js';

export interface JsonWriterOptions {
  /** Indent metadata with this many spaces (values stay on one line per column). Default 0. */
  indent?: number;
}

function columnMeta(c: Column): Record<string, unknown> {
  const { values: _v, scaleExponent: _s, ...meta } = c;
  return meta;
}

function* columnChunks(c: Column, buf: ChunkBuffer, pad: string, nl: string): Generator<Uint8Array> {
  const meta = JSON.stringify(columnMeta(c));
  let out = buf.push(`${pad}${meta.slice(0, -1)},"values":[`);
  if (out) yield out;
  const fmt = valueFormatter(c, 'null', (s) => JSON.stringify(s));
  const n = c.values.length;
  // Batch rows into one string per few thousand values to keep the push overhead low.
  const BATCH = 4096;
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    const parts = new Array<string>(end - start);
    for (let i = start; i < end; i++) parts[i - start] = fmt(i);
    out = buf.push((start ? ',' : '') + parts.join(','));
    if (out) yield out;
  }
  out = buf.push(`]}`);
  if (out) yield out;
  void nl;
}

function* columnsChunks(columns: Column[], buf: ChunkBuffer, indent: number, depth: number): Generator<Uint8Array> {
  const nl = indent ? '\n' : '';
  const pad = ' '.repeat(indent * depth);
  for (let i = 0; i < columns.length; i++) {
    if (i) {
      const o = buf.push(`,${nl}`);
      if (o) yield o;
    }
    yield* columnChunks(columns[i]!, buf, pad, nl);
  }
}

function stringifyPart(value: unknown, indent: number, depth: number): string {
  const s = JSON.stringify(value, null, indent || undefined);
  return indent ? s.replace(/\n/g, `\n${' '.repeat(indent * depth)}`) : s;
}

/** Streams a document as JSON bytes. */
export function* jsonChunks(doc: EchemkitDocument, options: JsonWriterOptions = {}): Generator<Uint8Array> {
  const indent = options.indent ?? 0;
  const nl = indent ? '\n' : '';
  const sp = indent ? ' ' : '';
  const ind = (d: number) => ' '.repeat(indent * d);
  const buf = new ChunkBuffer();
  const push = function* (s: string) {
    const o = buf.push(s);
    if (o) yield o;
  };
  yield* push(`{${nl}${ind(1)}"echemkit":${sp}${JSON.stringify(doc.echemkit)},${nl}${ind(1)}"source":${sp}${stringifyPart(doc.source, indent, 1)},`);
  if (doc.sample) yield* push(`${nl}${ind(1)}"sample":${sp}${stringifyPart(doc.sample, indent, 1)},`);
  yield* push(`${nl}${ind(1)}"measurements":${sp}[`);
  for (let mi = 0; mi < doc.measurements.length; mi++) {
    const m: Measurement = doc.measurements[mi]!;
    const { columns, tables, ...meta } = m;
    const head = stringifyPart(meta, indent, 2);
    yield* push(`${mi ? ',' : ''}${nl}${ind(2)}${head.slice(0, -1 - (indent ? 1 + indent * 2 : 0))},${nl}${ind(3)}"columns":${sp}[${nl}`);
    yield* columnsChunks(columns, buf, indent, 4);
    yield* push(`${nl}${ind(3)}]`);
    if (tables?.length) {
      yield* push(`,${nl}${ind(3)}"tables":${sp}[`);
      for (let ti = 0; ti < tables.length; ti++) {
        const t: Table = tables[ti]!;
        const { columns: tc, ...tmeta } = t;
        const th = JSON.stringify(tmeta);
        yield* push(`${ti ? ',' : ''}${nl}${ind(4)}${th.slice(0, -1)}${Object.keys(tmeta).length ? ',' : ''}"columns":[${nl}`);
        yield* columnsChunks(tc, buf, indent, 5);
        yield* push(`${nl}${ind(4)}]}`);
      }
      yield* push(`${nl}${ind(3)}]`);
    }
    yield* push(`${nl}${ind(2)}}`);
  }
  yield* push(`${doc.measurements.length ? nl + ind(1) : ''}],${nl}${ind(1)}"diagnostics":${sp}${stringifyPart(doc.diagnostics, indent, 1)}${nl}}${nl}`);
  const last = buf.flush();
  if (last) yield last;
}

/** The JSON writer as a ChunkedOutput. */
export function jsonOutput(doc: EchemkitDocument, options: JsonWriterOptions = {}): ChunkedOutput {
  return { mediaType: 'application/json', extension: '.json', chunks: () => jsonChunks(doc, options) };
}

/** The whole JSON as bytes (small documents and tests). */
export function toJsonBytes(doc: EchemkitDocument, options: JsonWriterOptions = {}): Uint8Array {
  return concatChunks(jsonChunks(doc, options));
}
