/** Content sniffing for LANDdt Excel exports: a `Record…` worksheet name in the workbook directory. */
import type { FormatDescriptor } from '@echemkit/core';
import { sheetNamesFromHead } from './sheet-names.js';

/** Record sheets: `Record`, `Record-Tab`, `Record1`, `Record-Tab2`, Chinese `记录…`. */
export const RECORD_SHEET = /^(record|记录)/i;

/**
 * Confidence that `head` is a LANDdt workbook (.xlsx zip or .xls compound file).
 * @example
 * sniffLandWorkbook(xlsxBytes.subarray(0, 65536)); // 0.9 with a `Record-Tab` sheet
 */
export function sniffLandWorkbook(head: Uint8Array): number {
  const names = sheetNamesFromHead(head);
  if (!names.some((n) => RECORD_SHEET.test(n))) return 0;
  // `Record-Tab`/`Step-Tab` and Chinese names are LANDdt's; a bare `Record` sheet is also used by NEWARE exports.
  if (names.some((n) => /^(record|step|cycle)-tab/i.test(n) || /^记录/.test(n))) return 0.9;
  if (names.some((n) => /^(statis|info|test|detail|unit)/i.test(n))) return 0;
  return 0.5;
}

/** What a registry needs of `land.xlsx` without its parser (SheetJS is imported by the parser only). */
export const landXlsxFormat: FormatDescriptor = {
  id: 'land.xlsx',
  name: 'LAND LANDdt Excel export (.xlsx, .xls)',
  extensions: ['.xlsx', '.xls'],
  binary: true,
  sniff: sniffLandWorkbook,
};
