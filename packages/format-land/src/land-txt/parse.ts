/** LANDdt text export (.txt tab-separated, .csv comma-separated) → one cycling measurement. */
import { FormatError, LineReader, type ParseContext, type ParseResult } from '@echemkit/core';
import { ColumnSink } from '../export/column-sink.js';
import { buildExportMeasurement } from '../export/measurement.js';
import { decodeLandText } from './decode.js';
import { findLandHeader, splitFields } from './header-line.js';

const HEADER_SEARCH_LINES = 60;

/**
 * Parses a LANDdt text export.
 * @example
 * const r = parseLandText(new TextEncoder().encode('Index\tTestTime/Sec.\tVoltage/V\tCurrent/mA\n1\t0\t3.1\t0.5\n'), ctx);
 * r.measurements[0].columns.map((c) => c.name); // ['record_index', 'test_time_second', 'voltage_volt', 'current_ampere']
 */
export function parseLandText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text, encoding } = decodeLandText(bytes);
  const reader = new LineReader(text);
  const preamble: string[] = [];
  let header: ReturnType<typeof findLandHeader>;
  for (let i = 0; i < HEADER_SEARCH_LINES; i++) {
    const line = reader.next();
    if (line === null) break;
    header = findLandHeader([line]);
    if (header) break;
    if (line.trim()) preamble.push(line.trim());
  }
  if (!header) {
    throw new FormatError('no LANDdt record header (e.g. `Index, TestTime/Sec., Voltage/V, Current/mA …`) found', {
      format: ctx.format,
      line: reader.line,
      expected: 'a header with Voltage/V and Current/mA (or 电压/V, 电流/mA) columns',
      hint: 'Export the record data from LANDdt as text, or choose another format',
    });
  }
  const headerLine = reader.line;
  const { delimiter, fields } = header;
  const sinks = fields.map((f) => new ColumnSink(f));
  const n = fields.length;
  let rows = 0;
  let bad: { line: number; text: string } | undefined;
  for (;;) {
    const line = reader.next();
    if (line === null) break;
    if (line.trim() === '') continue;
    if (bad) {
      throw new FormatError('data row with a wrong number of fields', { format: ctx.format, line: bad.line, expected: `${n} fields separated by ${JSON.stringify(delimiter)}`, actual: JSON.stringify(bad.text.slice(0, 80)) });
    }
    // Long tests exported as several blocks repeat the header: skip the repeats.
    if (rows > 0 && line.startsWith(fields[0]!) && findLandHeader([line])) continue;
    // Count fields first so a short (cut) row never leaves partial values in the columns.
    let count = 1;
    let nth = -1;
    for (let p = line.indexOf(delimiter); p >= 0; p = line.indexOf(delimiter, p + 1)) {
      count++;
      if (count === n + 1) nth = p;
    }
    if (count < n || (nth >= 0 && line.slice(nth + 1).split(delimiter).some((f) => f.trim() !== ''))) {
      bad = { line: reader.line, text: line };
      continue;
    }
    let start = 0;
    for (let c = 0; c < n; c++) {
      let end = line.indexOf(delimiter, start);
      if (end < 0) end = line.length;
      sinks[c]!.pushRange(line, start, end);
      start = end + 1;
    }
    rows++;
  }
  if (bad) {
    ctx.warn('the last data line is incomplete (file cut off?); every complete row is kept', { ruleId: 'truncated-record', line: bad.line, record: rows });
  } else if (rows > 0 && reader.atEndWithoutNewline) {
    rows--;
    for (const s of sinks) s.truncate(rows);
    ctx.warn('the file ends without a line break: the last data row may be cut and was dropped', { ruleId: 'truncated-record', line: reader.line, record: rows });
  }
  if (rows === 0) ctx.warn('the export holds no data rows', { ruleId: 'no-data', line: headerLine });
  const metadata: Record<string, unknown> = { encoding };
  if (preamble.length) metadata['preamble'] = preamble;
  const measurement = buildExportMeasurement({ sinks, metadata }, ctx);
  return { formatVersion: null, software: { name: 'LANDdt', version: null }, instrument: { vendor: 'LAND', model: null, serialNumber: null }, measurements: [measurement] };
}
