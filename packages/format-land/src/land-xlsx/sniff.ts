/** Content sniffing for LANDdt Excel exports: a `Record…` worksheet name in the workbook directory. */
import { RECORD_SHEET } from './parse.js';
import { sheetNamesFromHead } from './workbook.js';

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
