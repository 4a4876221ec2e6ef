/** LANDdt Excel export (.xlsx/.xls) → one cycling measurement: `Record…` sheets concatenated, other sheets as vendor tables. */
import { FormatError, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { type Cell, ColumnSink } from '../export/column-sink.js';
import { landHeaderScore } from '../export/header-names.js';
import { buildExportMeasurement, vendorTable } from '../export/measurement.js';
import { RECORD_SHEET } from './sniff.js';
import { readWorkbookCells, type SheetCells } from './workbook.js';

export { RECORD_SHEET };

function headerRow(sheet: SheetCells): number {
  for (let r = 0; r < sheet.rows.length; r++) if (sheet.rows[r]!.some((c) => c !== null && String(c).trim() !== '')) return r;
  return -1;
}

const headerText = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

function sheetTable(sheet: SheetCells): Table | undefined {
  const h = headerRow(sheet);
  if (h < 0) return undefined;
  const headers = sheet.rows[h]!.map(headerText);
  const sinks = headers.map((x, c) => new ColumnSink(x || `column ${c + 1}`, true));
  for (let r = h + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.length === 0) continue;
    for (let c = 0; c < sinks.length; c++) sinks[c]!.push(row[c] ?? null, sheet.dayFormatted[r]![c] ?? false);
  }
  return vendorTable(sheet.name, sinks.map((s) => s.finish().column));
}

/**
 * Parses a LANDdt Excel export.
 * @example
 * const r = parseLandWorkbook(bytes, ctx);
 * r.measurements[0].tables?.map((t) => t.name); // ['Step-Tab', 'Cycle-Tab']
 */
export function parseLandWorkbook(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const sheets = readWorkbookCells(bytes, ctx.format);
  const records = sheets.filter((s) => RECORD_SHEET.test(s.name));
  if (!records.length) {
    throw new FormatError('no `Record…` worksheet in the workbook', {
      format: ctx.format,
      expected: 'LANDdt record sheets (Record, Record-Tab, Record1 …)',
      actual: sheets.map((s) => s.name).join(', ') || 'no sheets',
      hint: 'Export the raw (record) data from LANDdt, or choose another format',
    });
  }
  let sinks: ColumnSink[] | undefined;
  let headers: string[] = [];
  let rows = 0;
  const sheetRows: Record<string, number> = {};
  for (const sheet of records) {
    const h = headerRow(sheet);
    if (h < 0) {
      ctx.warn(`worksheet '${sheet.name}' is empty`, { ruleId: 'empty-sheet' });
      continue;
    }
    const hs = sheet.rows[h]!.map(headerText);
    let index: number[];
    if (!sinks) {
      const score = landHeaderScore(hs);
      if (!score.hasVoltage || !score.hasCurrent) {
        throw new FormatError(`worksheet '${sheet.name}' has no LANDdt voltage and current columns`, {
          format: ctx.format,
          expected: 'Voltage/V and Current/mA (or 电压/V, 电流/mA) columns',
          actual: hs.slice(0, 8).join(', '),
          hint: 'This workbook is probably not a LANDdt export',
        });
      }
      headers = hs.map((x, c) => x || `column ${c + 1}`);
      sinks = headers.map((x) => new ColumnSink(x));
      index = headers.map((_, c) => c);
    } else {
      // Later sheets of a split test normally repeat the header; align by name when they do not.
      index = headers.map((x) => hs.indexOf(x));
      const missing = headers.filter((_, k) => index[k]! < 0);
      if (missing.length || hs.length !== headers.length) {
        ctx.warn(`worksheet '${sheet.name}' has other columns than '${records[0]!.name}'; columns are matched by name${missing.length ? `, missing ones (${missing.join(', ')}) are empty` : ''}`, { ruleId: 'sheet-columns-differ' });
      }
    }
    let count = 0;
    for (let r = h + 1; r < sheet.rows.length; r++) {
      const row = sheet.rows[r]!;
      if (row.length === 0) continue;
      const flags = sheet.dayFormatted[r]!;
      for (let k = 0; k < sinks.length; k++) {
        const c = index[k]!;
        sinks[k]!.push(c < 0 ? null : (row[c] ?? null), c < 0 ? false : (flags[c] ?? false));
      }
      count++;
    }
    sheetRows[sheet.name] = count;
    rows += count;
  }
  if (!sinks) throw new FormatError('the record worksheets are empty', { format: ctx.format, hint: 'Export the record data from LANDdt again' });
  if (rows === 0) ctx.warn('the export holds no data rows', { ruleId: 'no-data' });
  if (records.length > 1) ctx.info(`${records.length} record worksheets concatenated: ${records.map((s) => s.name).join(', ')}`, { ruleId: 'sheets-concatenated' });
  const tables = sheets
    .filter((s) => !RECORD_SHEET.test(s.name))
    .map(sheetTable)
    .filter((t): t is Table => t !== undefined);
  const measurement = buildExportMeasurement({ sinks, tables, metadata: { recordSheets: sheetRows } }, ctx);
  return { formatVersion: null, software: { name: 'LANDdt', version: null }, instrument: { vendor: 'LAND', model: null, serialNumber: null }, measurements: [measurement] };
}
