/**
 * BDF CSV writer (Battery Data Format file rules): one table per file, a header row of
 * preferred labels, fixed units, every row with the same number of fields; the metadata
 * goes to a `<stem>.bdf.metadata.json` sidecar. Vendor columns without a BDF quantity are
 * kept (nothing lost) under their own labels.
 */
import { findQuantityColumn } from '../columns.js';
import type { Column, EchemkitDocument, Measurement } from '../types.js';
import { ChunkBuffer, concatChunks, type ChunkedOutput } from './chunks.js';
import { valueFormatter } from './values.js';

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

/** Streams one measurement as BDF CSV bytes. */
export function* bdfCsvChunks(doc: EchemkitDocument, options: CsvWriterOptions = {}): Generator<Uint8Array> {
  const m = doc.measurements[options.measurement ?? 0];
  if (!m) return;
  const d = options.delimiter ?? ',';
  const { columns, labels } = csvColumns(m, options.voltageFrom ?? 'auto');
  const buf = new ChunkBuffer();
  let o = buf.push(labels.map((l) => quoteCsv(l, d)).join(d) + '\n');
  if (o) yield o;
  const fmts = columns.map((c) => valueFormatter(c, '', (s) => quoteCsv(s, d)));
  const n = columns.length ? columns[0]!.values.length : 0;
  const k = fmts.length;
  const row = new Array<string>(k);
  const BATCH = 1024;
  const lines = new Array<string>(BATCH);
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    for (let i = start; i < end; i++) {
      for (let j = 0; j < k; j++) row[j] = fmts[j]!(i);
      lines[i - start] = row.join(d);
    }
    lines.length = end - start;
    o = buf.push(lines.join('\n') + '\n');
    if (o) yield o;
  }
  const last = buf.flush();
  if (last) yield last;
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
  return { mediaType: 'text/csv', extension: '.bdf.csv', chunks: () => bdfCsvChunks(doc, options) };
}

/** The whole CSV as bytes (small documents and tests). */
export function toBdfCsvBytes(doc: EchemkitDocument, options: CsvWriterOptions = {}): Uint8Array {
  return concatChunks(bdfCsvChunks(doc, options));
}
