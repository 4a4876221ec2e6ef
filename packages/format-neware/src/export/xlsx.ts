/**
 * BTSDA Excel exports (`.xlsx`): the record sheet(s) — recognised by their header row
 * (DataPoint / 数据序号 …), not by the zip magic, since other vendors export `.xlsx` too —
 * become the measurement; other sheets with a header row become tables, the rest is kept
 * in metadata.
 */
import { FormatError, localStartTime, type FormatPlugin, type Measurement, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { inflateSync } from 'fflate';
import { looksLikeRecordHeader } from './headers.js';
import { exportColumns, type Cell } from './table.js';
import { readWorkbook, type Sheet } from './workbook.js';

/** Members of the zip that lie completely inside `head`, inflated (bounded). */
function headMembers(head: Uint8Array, wanted: RegExp): string[] {
  const out: string[] = [];
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let p = 0;
  while (p + 30 <= head.length && dv.getUint32(p, true) === 0x04034b50) {
    const method = dv.getUint16(p + 8, true);
    const csize = dv.getUint32(p + 18, true);
    const size = dv.getUint32(p + 22, true);
    const nlen = dv.getUint16(p + 26, true);
    const xlen = dv.getUint16(p + 28, true);
    const start = p + 30 + nlen + xlen;
    if (start > head.length || csize === 0xffffffff) break;
    const name = new TextDecoder().decode(head.subarray(p + 30, p + 30 + nlen));
    if (start + csize > head.length) break;
    if (wanted.test(name) && size <= 4 << 20 && size <= csize * 1100 + 1024) {
      try {
        const data = head.subarray(start, start + csize);
        const raw = method === 8 ? inflateSync(data, { out: new Uint8Array(size) }) : data;
        out.push(new TextDecoder().decode(raw));
      } catch {
        // a corrupt member says nothing about the format
      }
    }
    p = start + csize;
  }
  return out;
}

/**
 * Sniff: an xlsx whose shared strings or sheets (within the first bytes) hold a BTSDA record
 * header; other vendors' workbooks score 0.
 * @example
 * sniffBtsdaXlsx(firstBytesOfABtsdaWorkbook); // 0.9
 */
export function sniffBtsdaXlsx(head: Uint8Array): number {
  if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return 0;
  const texts = headMembers(head, /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/);
  for (const t of texts) {
    const strings = [...t.matchAll(/<([tv])(?:\s[^>]*)?>([^<]*)<\/\1>/g)].map((m) => m[2]!);
    if (looksLikeRecordHeader(strings)) return 0.9;
  }
  return 0;
}

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
  id: 'neware.xlsx',
  name: 'NEWARE BTSDA Excel export (.xlsx)',
  extensions: ['.xlsx'],
  binary: true,
  sniff: sniffBtsdaXlsx,
  parse: parseBtsdaXlsx,
};
