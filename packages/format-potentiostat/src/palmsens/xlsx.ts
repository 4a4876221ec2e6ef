/**
 * PalmSens PSTrace Excel export: one sheet, a `Curve` title cell over each column pair, a unit
 * row (`V`, `µA`), then values. Each pair becomes a timeseries (potential, current).
 */
import { FormatError, verifyZip, type Column, type FormatPlugin, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import * as XLSX from 'xlsx';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { CURRENT_UNITS, palmsensXlsxFormat } from './sniff.js';

export { sniffPalmsensXlsx } from './sniff.js';

const rules: Record<string, ColumnRule> = {
  V: { quantity: 'working_electrode_potential_volt', unit: 'V' },
  s: { quantity: 'test_time_second', unit: 's' },
};

/**
 * Parses a PSTrace xlsx export.
 * @example
 * const result = parsePalmsensXlsx(bytes, ctx); // as palmsensXlsxPlugin.parse; result.measurements holds the data
 */
export function parsePalmsensXlsx(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  // SheetJS can hang on a cut or damaged zip: check the archive ourselves first.
  verifyZip(bytes, ctx.format);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellFormula: false, cellHTML: false, cellText: false });
  } catch (e) {
    throw new FormatError('the workbook cannot be read', { format: ctx.format, actual: e instanceof Error ? e.message.slice(0, 120) : undefined, hint: 'The xlsx file may be cut or damaged' });
  }
  const sheetName = wb.SheetNames[0];
  const sheet = sheetName === undefined ? undefined : wb.Sheets[sheetName];
  if (!sheet) throw new FormatError('the workbook has no sheet', { format: ctx.format });
  // The declared range (!ref) may be damaged; use the extent of the cells actually present.
  let maxR = -1;
  let maxC = -1;
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const a = XLSX.utils.decode_cell(key);
    if (a.r > maxR) maxR = a.r;
    if (a.c > maxC) maxC = a.c;
  }
  if (maxR < 0) throw new FormatError('the first sheet is empty', { format: ctx.format });
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, blankrows: true });
  const titles = rows[0] ?? [];
  const units = rows[1] ?? [];
  const measurements: Measurement[] = [];
  for (let c = 0; c < Math.max(titles.length, units.length); c++) {
    const title = titles[c];
    if (typeof title !== 'string' || !/^Curve/.test(title)) continue;
    const width = c + 1 < units.length && (titles[c + 1] === undefined || titles[c + 1] === null) ? 2 : 1;
    const columns: Column[] = [];
    // Rows end where every cell of the pair is empty (curves have different lengths).
    let n = 0;
    for (let r = 2; r < rows.length; r++) {
      const row = rows[r] ?? [];
      if ([...Array(width).keys()].some((k) => typeof row[c + k] === 'number')) n = r - 1;
    }
    for (let k = 0; k < width; k++) {
      const unit = typeof units[c + k] === 'string' ? (units[c + k] as string) : null;
      const v = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const x = rows[r + 2]?.[c + k];
        v[r] = typeof x === 'number' ? x : NaN;
      }
      const rule = unit === null ? undefined : CURRENT_UNITS.test(unit) ? { quantity: 'current_ampere', unit: unit.replace('μ', 'µ') } : rules[unit];
      columns.push(toColumn(unit ?? `column ${c + k + 1}`, unit, v, rule, title));
    }
    measurements.push({
      name: `${measurements.length + 1}: ${title}`,
      kind: 'timeseries',
      technique: { name: 'unknown', vendorName: null },
      startTime: null,
      settings: { sheet: sheetName, column: XLSX.utils.encode_col(c), title },
      columns,
    });
    c += width - 1;
  }
  if (measurements.length === 0) throw new FormatError("no 'Curve' columns in the first sheet", { format: ctx.format, expected: "row 1 'Curve' titles, row 2 units" });
  return { formatVersion: null, software: { name: 'PSTrace', version: null }, instrument: { vendor: 'PalmSens', model: null, serialNumber: null }, measurements };
}

/**
 * PalmSens PSTrace Excel exports (`Curve` column pairs of potential and current).
 * @example
 * import { palmsensXlsxPlugin } from '@echemkit/format-potentiostat';
 * palmsensXlsxPlugin.id; // 'palmsens.xlsx'
 */
export const palmsensXlsxPlugin: FormatPlugin = {
  ...palmsensXlsxFormat,
  parse: parsePalmsensXlsx,
};
