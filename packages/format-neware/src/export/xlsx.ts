/**
 * BTSDA Excel exports (`.xlsx`): the record sheet(s) — recognised by their header row
 * (DataPoint / 数据序号 …), not by the zip magic, since other vendors export `.xlsx` too —
 * become the measurement; other sheets with a header row become tables, the rest is kept
 * in metadata.
 */
import { FormatError, localStartTime, type FormatPlugin, type Measurement, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { looksLikeRecordHeader } from './headers.js';
import { btsdaXlsxFormat } from './sniff.js';
import { exportColumns, type Cell } from './table.js';
import { readWorkbook, type Sheet } from './workbook.js';

export { sniffBtsdaXlsx } from './sniff.js';

function headerRow(rows: Cell[][]): number {
  for (let r = 0; r < Math.min(rows.length, 5); r++) {
    const cells = (rows[r] ?? []).map((c) => (c === null ? '' : String(c)));
    if (looksLikeRecordHeader(cells)) return r;
  }
  return -1;
}

function columnsOf(rows: Cell[][], from: number, width: number): Cell[][] {
  const cols: Cell[][] = Array.from({ length: width }, () => []);
  for (let r = from; r < rows.length; r++) {
    const row = rows[r]!;
    for (let k = 0; k < width; k++) cols[k]!.push(row[k] ?? null);
  }
  return cols;
}

/**
 * Parses a BTSDA `.xlsx` export.
 * @example
 * const r = parseBtsdaXlsx(bytes, ctx);
 * r.measurements[0].columns.find((c) => c.name === 'voltage_volt');
 */
export function parseBtsdaXlsx(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const sheets = readWorkbook(bytes, ctx.format);
  const recordSheets: { sheet: Sheet; at: number }[] = [];
  for (const s of sheets) {
    const at = headerRow(s.rows);
    if (at >= 0) recordSheets.push({ sheet: s, at });
  }
  if (!recordSheets.length) {
    throw new FormatError('no BTSDA record sheet in the workbook', { format: ctx.format, expected: 'a sheet with a DataPoint / 数据序号 header', actual: sheets.map((s) => s.name).join(', '), hint: 'This workbook was probably not exported by NEWARE BTSDA' });
  }
  // Long tests are split over several record sheets with the same header: join them in order.
  const first = recordSheets[0]!;
  const headers = (first.sheet.rows[first.at] ?? []).map((c) => (c === null ? '' : String(c).trim()));
  const data: Cell[][] = headers.map(() => []);
  const used: string[] = [];
  for (const { sheet, at } of recordSheets) {
    const h = (sheet.rows[at] ?? []).map((c) => (c === null ? '' : String(c).trim()));
    if (h.join('\u0001') !== headers.join('\u0001')) continue;
    used.push(sheet.name);
    const cols = columnsOf(sheet.rows, at + 1, headers.length);
    for (let k = 0; k < headers.length; k++) for (const v of cols[k]!) data[k]!.push(v);
  }
  const columns = exportColumns(headers, data, ctx, `sheet ${used.join(', ')}`);
  const tables: Table[] = [];
  const metadata: Record<string, unknown> = { recordSheets: used };
  for (const s of sheets) {
    if (used.includes(s.name) || !s.rows.length) continue;
    const hdr = (s.rows[0] ?? []).map((c) => (c === null ? '' : String(c).trim()));
    const tabular = s.rows.length > 1 && hdr.filter(Boolean).length >= 3 && hdr.every((h, i) => h !== '' || i > 0);
    if (tabular) tables.push({ name: s.name, columns: exportColumns(hdr, columnsOf(s.rows, 1, hdr.length), ctx, `sheet ${s.name}`) });
    else metadata[s.name] = s.rows.slice(0, 500);
  }
  const date = columns.find((c) => c.quantity === null && c.description?.startsWith('Local wall-clock'));
  let startTime: Measurement['startTime'] = null;
  const d0 = date ? (date.values as (string | null)[])[0] : null;
  const m = d0 ? /^(\d{4})[-/](\d\d?)[-/](\d\d?)[ T](\d\d?):(\d\d):(\d\d)(\.\d+)?$/.exec(d0) : null;
  if (m) startTime = localStartTime(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? Math.round(Number(m[7]) * 1000) : 0), d0);
  const measurement: Measurement = { kind: 'timeseries', technique: { name: 'cycling', vendorName: null }, startTime, settings: {}, metadata, columns };
  if (tables.length) measurement.tables = tables;
  return { formatVersion: null, software: { name: 'NEWARE BTSDA', version: null }, instrument: { vendor: 'NEWARE', model: null, serialNumber: null }, measurements: [measurement] };
}

/** Plugin of BTSDA Excel exports. */
export const btsdaXlsxPlugin: FormatPlugin = {
  ...btsdaXlsxFormat,
  parse: parseBtsdaXlsx,
};
