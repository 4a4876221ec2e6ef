/**
 * BDF CSV writer (Battery Data Format file rules): one table per file, a header row of
 * preferred labels, fixed units, every row with the same number of fields; the metadata
 * goes to a `<stem>.bdf.metadata.json` sidecar. Vendor columns without a BDF quantity are
 * kept (nothing lost) under their own labels.
 */
import { findQuantityColumn } from '../columns.js';
import type { Column, EchemkitDocument, Measurement } from '../types.js';
import { writeFloat32At, writeFloat64At, writeInt, writeScaledFloat32At } from '../number-bytes.js';
import { ByteSink, NUMBER_ROOM, planColumn, ValueKind, writeValue, type StringStyle, type ValuePlan } from './byte-values.js';
import { concatChunks, type BufferPool, type ChunkedOutput } from './chunks.js';
import { mulberry32 } from '../random.js';

export interface CsvWriterOptions {
  /** Which measurement to write (index). Default 0. */
  measurement?: number;
  /**
   * Where `Voltage / V` comes from when the measurement has no voltage_volt column:
   * 'auto' uses the working-electrode potential when no counter-electrode potential was
   * recorded (a two-electrode cell, where Ewe is the cell voltage); 'none' never substitutes.
   */
  voltageFrom?: 'auto' | 'none';
  /** Field delimiter (default ','). */
  delimiter?: string;
}

function quoteCsv(s: string, delimiter: string): string {
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The columns and their header labels as the CSV writes them, with the voltage substitution applied. */
export function csvColumns(m: Measurement, voltageFrom: 'auto' | 'none' = 'auto'): { columns: Column[]; labels: string[]; voltageSource: string | null } {
  const columns = m.columns;
  let voltageSource: string | null = findQuantityColumn(m, 'voltage_volt') ? 'voltage_volt' : null;
  let substitute: Column | undefined;
  if (!voltageSource && voltageFrom === 'auto' && !findQuantityColumn(m, 'counter_electrode_potential_volt')) {
    substitute = findQuantityColumn(m, 'working_electrode_potential_volt');
    if (substitute) voltageSource = substitute.name;
  }
  const used = new Set<string>();
  const labels = columns.map((c) => {
    let label = c === substitute ? 'Voltage / V' : c.label;
    if (used.has(label)) label = `${label} [${c.name}]`;
    used.add(label);
    return label;
  });
  return { columns, labels, voltageSource };
}

/** The values of one column as the row writer needs them: a Column, or a slice of one in a worker. */
export type CsvColumnValues = Pick<Column, 'values' | 'dtype' | 'scaleExponent'>;

/**
 * A CSV as its header bytes and its rows, for writers that format row ranges apart (the Node
 * CLI spreads them over worker threads): `head` followed by `csvRowChunks(columns, 0, rows,
 * delimiter)` is exactly what `bdfCsvChunks` writes.
 */
export interface CsvRows {
  head: Uint8Array;
  rows: number;
  columns: CsvColumnValues[];
  delimiter: string;
}

function csvHeader(labels: string[], d: string): string {
  return labels.map((l) => quoteCsv(l, d)).join(d) + '\n';
}

/** The CSV of one measurement as header and rows (null when the document has no such measurement). */
export function bdfCsvRows(doc: EchemkitDocument, options: CsvWriterOptions = {}): CsvRows | null {
  const m = doc.measurements[options.measurement ?? 0];
  if (!m) return null;
  const d = options.delimiter ?? ',';
  const { columns, labels } = csvColumns(m, options.voltageFrom ?? 'auto');
  return { head: new TextEncoder().encode(csvHeader(labels, d)), rows: columns.length ? columns[0]!.values.length : 0, columns, delimiter: d };
}

/** Streams one measurement as BDF CSV bytes. */
export function* bdfCsvChunks(doc: EchemkitDocument, options: CsvWriterOptions = {}, pool?: BufferPool): Generator<Uint8Array> {
  const m = doc.measurements[options.measurement ?? 0];
  if (!m) return;
  const d = options.delimiter ?? ',';
  const { columns, labels } = csvColumns(m, options.voltageFrom ?? 'auto');
  const sink = new ByteSink(undefined, pool);
  sink.text(csvHeader(labels, d));
  yield* rowsInto(sink, columns, 0, columns.length ? columns[0]!.values.length : 0, d);
  yield* sink.finish();
}

/**
 * Rows [from, to) of the columns as CSV lines (no header), in chunks of about `chunkBytes`.
 * @example
 * const cols = [{ values: new Float64Array([1.5, 2]) }, { values: ['a', 'b'] }];
 * new TextDecoder().decode(concatChunks(csvRowChunks(cols, 0, 2, ','))); // '1.5,a\n2,b\n'
 */
export function* csvRowChunks(columns: CsvColumnValues[], from: number, to: number, delimiter: string, pool?: BufferPool, chunkBytes = 1 << 20): Generator<Uint8Array> {
  const sink = new ByteSink(chunkBytes, pool);
  yield* rowsInto(sink, columns, from, to, delimiter);
  yield* sink.finish();
}

function* rowsInto(sink: ByteSink, columns: CsvColumnValues[], from: number, to: number, d: string): Generator<Uint8Array> {
  if (!warmedUp && (to - from) * columns.length >= WARM_UP_FROM_VALUES) warmUpCsvWriter();
  const plans = columns.map(planColumn);
  const style: StringStyle = { csvDelimiter: d };
  // A one-byte ASCII delimiter is written directly; anything else goes through the encoder.
  const delimiterByte = d.length === 1 && d.charCodeAt(0) < 128 ? d.charCodeAt(0) : -1;
  const rows = rowPlan(plans, d, delimiterByte, style);
  for (let i = from; i < to; ) {
    i = writeRows(rows, sink, i, to);
    if (sink.hasReady) yield* sink.take();
  }
}

/*
 * JIT warm-up of the row writer. V8 optimises the row loop and the number writers only
 * after they have run a while, and every branch they had not yet taken when optimised (a
 * 17-digit double, a value in exponent form, an empty field) throws the optimised code away
 * again: a fresh process spends ~100 ms of a 5-million-value CSV in that cycle. A worker
 * thread that runs this while the main thread parses meets its first real block with
 * optimised code that has seen every kind of value.
 */

/** Values (rows × columns) from which a CSV is worth the warm-up: it costs ~10 ms and saves ~50 ms on 5 million values. */
const WARM_UP_FROM_VALUES = 1_000_000;
let warmedUp = false;

/** Synthetic columns that take every branch of the row writer: each column kind, digit counts 1–17, both number layouts, gaps, repeats. */
function warmUpColumns(rows: number): CsvColumnValues[] {
  const r = mulberry32(0x5eed);
  const f64 = new Float64Array(rows);
  const f32 = new Float32Array(rows);
  const scaled = new Float64Array(rows);
  const counts = new Float64Array(rows);
  const i32 = new Int32Array(rows);
  const u8 = new Uint8Array(rows);
  const text = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    // Magnitudes 1e-12 … 1e17: plain and exponent layouts, 17-, 16- and short-digit values.
    const x = (r() - 0.3) * 10 ** Math.floor(r() * 30 - 12);
    // Also missing values, zeros, integers, short decimals, repeats and powers of two (asymmetric gaps).
    const v = i % 16 === 0 ? NaN : i % 16 === 1 ? 0 : i % 16 === 2 ? Math.round(x) : i % 16 === 3 ? Math.round(x * 1000) / 1000 : i % 16 === 4 ? f64[i - 1]! : i % 16 === 5 ? 2 ** ((i % 40) - 20) : x;
    f64[i] = v;
    // Float32 data mostly where the fast float32 search works (1e-4 … 1e6), with 6 to 9 digits.
    const w = i % 4 === 0 || i % 16 === 5 ? v : (r() - 0.2) * 10 ** Math.floor(r() * 10 - 4);
    f32[i] = w;
    scaled[i] = Math.fround(w) / 1000;
    counts[i] = i % 9 === 0 ? NaN : i;
    i32[i] = (r() * 4e6 - 2e6) | 0;
    u8[i] = i % 3 === 0 ? i & 255 : i % 10;
    text[i] = i % 7 === 0 ? 'a,"b"' : i % 2 ? 'CC_Chg' : String(i % 10);
  }
  return [
    { values: f64 },
    { values: f32, dtype: 'float32' },
    { values: scaled, dtype: 'float32', scaleExponent: -3 },
    { values: counts },
    { values: i32 },
    { values: u8 },
    { values: text },
  ];
}

/**
 * Formats a few hundred synthetic rows four times and drops them, so that the CSV row writer of this
 * thread is optimised for every kind of value before real data arrives. Returns the bytes
 * written (a result nobody can optimise away). About 10 ms; the row writer does it by
 * itself before its first large CSV (WARM_UP_FROM_VALUES), a CSV worker thread as it starts.
 * @example
 * warmUpCsvWriter() > 0; // true
 */
export function warmUpCsvWriter(rows = 500, passes = 4): number {
  warmedUp = true;
  const columns = warmUpColumns(rows);
  let bytes = 0;
  // Small chunks: the buffer changes (and what follows from it) must be seen too.
  for (let p = 0; p < passes; p++) for (const c of csvRowChunks(columns, 0, rows, ',', undefined, 16384)) bytes += c.length;
  return bytes;
}

/**
 * What the row loop needs, one array per column kind: every element read in the loop is then
 * monomorphic (a call per value through a plan object cost a third of the time).
 */
interface RowPlan {
  plans: ValuePlan[];
  kinds: number[];
  f32s: Float32Array[];
  f64s: Float64Array[];
  exps: number[];
  ints: ArrayLike<number>[];
  others: ArrayLike<unknown>[];
  delimiter: string;
  /** The delimiter's byte, or −1 when it is not one ASCII byte. */
  delimiterByte: number;
  /** Room a row of numbers needs at most. */
  rowRoom: number;
  style: StringStyle;
  /** Per column: the previous float value, where its text starts and its length (in `lastBuf`). */
  last: Float64Array;
  lastAt: Int32Array;
  lastLen: Int32Array;
  lastBuf: Uint8Array | null;
}

function rowPlan(plans: ValuePlan[], delimiter: string, delimiterByte: number, style: StringStyle): RowPlan {
  return {
    plans,
    kinds: plans.map((p) => p.kind),
    f32s: plans.map((p) => p.f32),
    f64s: plans.map((p) => p.f64),
    exps: plans.map((p) => p.exponent),
    ints: plans.map((p) => p.ints),
    others: plans.map((p) => p.other),
    delimiter,
    delimiterByte,
    rowRoom: plans.length * (NUMBER_ROOM + (delimiterByte < 0 ? delimiter.length * 3 : 1)) + 1,
    style,
    last: new Float64Array(plans.length).fill(NaN),
    lastAt: new Int32Array(plans.length),
    lastLen: new Int32Array(plans.length),
    lastBuf: null,
  };
}

/**
 * Writes rows from `from` until the sink has a full chunk ready (or the end); returns the next
 * row. A plain function, not the generator, so V8 optimises the loop early. Buffer and
 * position live in locals; room for a row of numbers is made per row; strings and other values
 * go through the sink, which may start a new buffer.
 */
function writeRows(r: RowPlan, sink: ByteSink, from: number, n: number): number {
  const { kinds, f32s, f64s, exps, ints, others, delimiterByte, rowRoom, last, lastAt, lastLen } = r;
  const k = kinds.length;
  let buf = sink.buf;
  // The previous texts are only reachable in the current buffer.
  if (buf !== r.lastBuf) last.fill(NaN);
  let pos = sink.pos;
  let i = from;
  while (i < n) {
    if (pos + rowRoom > buf.length) {
      sink.pos = pos;
      sink.room(rowRoom);
      if (sink.buf !== buf) last.fill(NaN);
      buf = sink.buf;
      pos = sink.pos;
    }
    for (let j = 0; j < k; j++) {
      if (j) {
        if (delimiterByte >= 0) buf[pos++] = delimiterByte;
        else {
          sink.pos = pos;
          sink.text(r.delimiter);
          sink.room(rowRoom);
          if (sink.buf !== buf) last.fill(NaN);
          buf = sink.buf;
          pos = sink.pos;
        }
      }
      const kind = kinds[j]!;
      if (kind <= ValueKind.F64) {
        // Floats: a value equal to the same column's previous one (a set point, a range, a
        // plateau) copies that text, which is still in this buffer, instead of formatting it
        // again. Zeros (0 and −0 print differently) and NaN (missing) never match.
        const x = kind === ValueKind.F32 ? f32s[j]![i]! : f64s[j]![i]!;
        if (x === last[j] && x !== 0) {
          let from = lastAt[j]!;
          const end = from + lastLen[j]!;
          lastAt[j] = pos;
          while (from < end) buf[pos++] = buf[from++]!;
          continue;
        }
        const start = pos;
        // The writers take the array and index: a number passed to a call would be boxed.
        if (kind === ValueKind.F64) {
          // Counters and flags stored as doubles are mostly one digit (−0 prints as 0, as String does).
          if (x >= 0 && x < 10 && (x | 0) === x) buf[pos++] = 48 + x;
          else if (x === x) pos = writeFloat64At(buf, pos, f64s[j]!, i);
        } else if (kind === ValueKind.F32) {
          if (x === x) pos = writeFloat32At(buf, pos, f32s[j]!, i);
        } else if (x === x) pos = writeScaledFloat32At(buf, pos, f64s[j]!, i, exps[j]!);
        last[j] = x;
        lastAt[j] = start;
        lastLen[j] = pos - start;
      } else if (kind === ValueKind.Int) {
        const x = ints[j]![i]!;
        // Flags, codes and counters are mostly one digit.
        if (x >= 0 && x < 10) buf[pos++] = 48 + x;
        else pos = writeInt(buf, pos, x);
      } else {
        // Short ASCII strings that need no quotes (step types, dates, ids) are copied here, in
        // the room made for the row; anything else goes through the sink.
        const x = others[j]![i];
        if (typeof x === 'string' && x.length <= NUMBER_ROOM && delimiterByte >= 0) {
          let p = pos;
          let c = 0;
          for (; c < x.length; c++) {
            const ch = x.charCodeAt(c);
            if (ch === 34 || ch === delimiterByte || ch === 10 || ch === 13 || ch >= 128) break;
            buf[p++] = ch;
          }
          if (c === x.length) {
            pos = p;
            continue;
          }
        }
        sink.pos = pos;
        sink.room(NUMBER_ROOM);
        writeValue(sink, r.plans[j]!, i, '', r.style);
        // A string may have used the room the rest of the row needs.
        sink.room(rowRoom);
        if (sink.buf !== buf) last.fill(NaN);
        buf = sink.buf;
        pos = sink.pos;
      }
    }
    buf[pos++] = 10;
    i++;
    if (sink.hasReady) break;
  }
  sink.pos = pos;
  r.lastBuf = buf;
  return i;
}

/** The sidecar metadata for one measurement's CSV (`<stem>.bdf.metadata.json`). */
export function bdfMetadata(doc: EchemkitDocument, options: CsvWriterOptions = {}): Record<string, unknown> {
  const index = options.measurement ?? 0;
  const m = doc.measurements[index];
  if (!m) return {};
  const { columns, labels, voltageSource } = csvColumns(m, options.voltageFrom ?? 'auto');
  const { columns: _c, tables, ...meta } = m;
  return {
    echemkit: doc.echemkit,
    source: doc.source,
    ...(doc.sample ? { sample: doc.sample } : {}),
    measurement: { index, ...meta, ...(tables?.length ? { tables: tables.map((t) => t.name) } : {}) },
    columns: columns.map((c, i) => ({
      title: labels[i],
      name: c.name,
      quantity: c.quantity,
      unit: c.unit,
      sourceName: c.sourceName,
      sourceUnit: c.sourceUnit,
      derived: c.derived,
      ...(c.dtype ? { dtype: c.dtype } : {}),
      ...(c.codes ? { codes: c.codes } : {}),
      ...(c.quantity ? {} : { note: 'vendor column without a BDF quantity' }),
    })),
    voltageSource,
    diagnostics: doc.diagnostics,
  };
}

/** The CSV writer as a ChunkedOutput. */
export function bdfCsvOutput(doc: EchemkitDocument, options: CsvWriterOptions = {}): ChunkedOutput {
  return { mediaType: 'text/csv', extension: '.bdf.csv', chunks: (pool) => bdfCsvChunks(doc, options, pool), csvRows: () => bdfCsvRows(doc, options) };
}

/** The whole CSV as bytes (small documents and tests). */
export function toBdfCsvBytes(doc: EchemkitDocument, options: CsvWriterOptions = {}): Uint8Array {
  return concatChunks(bdfCsvChunks(doc, options));
}
