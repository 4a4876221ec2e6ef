/** JSON writer: the whole document, streamed column by column. */
import type { Column, EchemkitDocument, Measurement, Table } from '../types.js';
import { ByteSink, NUMBER_ROOM, planColumn, writeValue } from './byte-values.js';
import { concatChunks, type BufferPool, type ChunkedOutput } from './chunks.js';

export interface JsonWriterOptions {
  /** Indent metadata with this many spaces (values stay on one line per column). Default 0. */
  indent?: number;
}

function columnMeta(c: Column): Record<string, unknown> {
  const { values: _v, scaleExponent: _s, ...meta } = c;
  return meta;
}

function* columnChunks(c: Column, sink: ByteSink, pad: string): Generator<Uint8Array> {
  const meta = JSON.stringify(columnMeta(c));
  sink.text(`${pad}${meta.slice(0, -1)},"values":[`);
  const plan = planColumn(c);
  const n = c.values.length;
  for (let i = 0; i < n; i++) {
    sink.room(NUMBER_ROOM + 1);
    if (i) sink.buf[sink.pos++] = 44;
    writeValue(sink, plan, i, 'null', 'json');
    if (sink.hasReady) yield* sink.take();
  }
  sink.text(`]}`);
}

function* columnsChunks(columns: Column[], sink: ByteSink, indent: number, depth: number): Generator<Uint8Array> {
  const nl = indent ? '\n' : '';
  const pad = ' '.repeat(indent * depth);
  for (let i = 0; i < columns.length; i++) {
    if (i) sink.text(`,${nl}`);
    yield* columnChunks(columns[i]!, sink, pad);
  }
}

function stringifyPart(value: unknown, indent: number, depth: number): string {
  const s = JSON.stringify(value, null, indent || undefined);
  return indent ? s.replace(/\n/g, `\n${' '.repeat(indent * depth)}`) : s;
}

/** Streams a document as JSON bytes. */
export function* jsonChunks(doc: EchemkitDocument, options: JsonWriterOptions = {}, pool?: BufferPool): Generator<Uint8Array> {
  const indent = options.indent ?? 0;
  const nl = indent ? '\n' : '';
  const sp = indent ? ' ' : '';
  const ind = (d: number) => ' '.repeat(indent * d);
  const sink = new ByteSink(undefined, pool);
  const push = function* (s: string) {
    sink.text(s);
    if (sink.hasReady) yield* sink.take();
  };
  yield* push(`{${nl}${ind(1)}"echemkit":${sp}${JSON.stringify(doc.echemkit)},${nl}${ind(1)}"source":${sp}${stringifyPart(doc.source, indent, 1)},`);
  if (doc.sample) yield* push(`${nl}${ind(1)}"sample":${sp}${stringifyPart(doc.sample, indent, 1)},`);
  yield* push(`${nl}${ind(1)}"measurements":${sp}[`);
  for (let mi = 0; mi < doc.measurements.length; mi++) {
    const m: Measurement = doc.measurements[mi]!;
    const { columns, tables, ...meta } = m;
    const head = stringifyPart(meta, indent, 2);
    yield* push(`${mi ? ',' : ''}${nl}${ind(2)}${head.slice(0, -1 - (indent ? 1 + indent * 2 : 0))},${nl}${ind(3)}"columns":${sp}[${nl}`);
    yield* columnsChunks(columns, sink, indent, 4);
    yield* push(`${nl}${ind(3)}]`);
    if (tables?.length) {
      yield* push(`,${nl}${ind(3)}"tables":${sp}[`);
      for (let ti = 0; ti < tables.length; ti++) {
        const t: Table = tables[ti]!;
        const { columns: tc, ...tmeta } = t;
        const th = JSON.stringify(tmeta);
        yield* push(`${ti ? ',' : ''}${nl}${ind(4)}${th.slice(0, -1)}${Object.keys(tmeta).length ? ',' : ''}"columns":[${nl}`);
        yield* columnsChunks(tc, sink, indent, 5);
        yield* push(`${nl}${ind(4)}]}`);
      }
      yield* push(`${nl}${ind(3)}]`);
    }
    yield* push(`${nl}${ind(2)}}`);
  }
  yield* push(`${doc.measurements.length ? nl + ind(1) : ''}],${nl}${ind(1)}"diagnostics":${sp}${stringifyPart(doc.diagnostics, indent, 1)}${nl}}${nl}`);
  yield* sink.finish();
}

/** The JSON writer as a ChunkedOutput. */
export function jsonOutput(doc: EchemkitDocument, options: JsonWriterOptions = {}): ChunkedOutput {
  return { mediaType: 'application/json', extension: '.json', chunks: (pool) => jsonChunks(doc, options, pool) };
}

/** The whole JSON as bytes (small documents and tests). */
export function toJsonBytes(doc: EchemkitDocument, options: JsonWriterOptions = {}): Uint8Array {
  return concatChunks(jsonChunks(doc, options));
}
