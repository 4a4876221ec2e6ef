/**
 * The one module that touches SheetJS (`xlsx`): bounded reading of a workbook into plain
 * cell grids. The zip's declared sizes are checked with our own bounded zip reader first,
 * so SheetJS never inflates a zip bomb.
 */
import { read, utils } from 'xlsx';
import { FormatError, LimitError } from '@echemkit/core';
import { verifyZip } from '@echemkit/core';
import type { Cell } from './table.js';

/** A worksheet as rows of cells. */
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** Largest total of uncompressed workbook members we accept. */
const MAX_WORKBOOK_BYTES = 1 << 30;

/**
 * Reads every worksheet of an `.xlsx` workbook.
 * @example
 * readWorkbook(bytes, 'neware.xlsx').map((s) => s.name); // ['test', 'cycle', 'step', 'record']
 */
export function readWorkbook(bytes: Uint8Array, format: string): Sheet[] {
  const zip = verifyZip(bytes, format, { maxEntries: 10000, maxEntryBytes: MAX_WORKBOOK_BYTES, maxTotalBytes: MAX_WORKBOOK_BYTES, maxRatio: 1100 });
  const total = zip.entries.reduce((s, e) => s + e.size, 0);
  if (total > MAX_WORKBOOK_BYTES) throw new LimitError('the workbook inflates beyond the size limit', { format, expected: `≤ ${MAX_WORKBOOK_BYTES}`, actual: String(total) });
  if (!zip.find('xl/workbook.xml')) throw new FormatError('not an Excel workbook (no xl/workbook.xml)', { format, expected: 'an .xlsx workbook' });
  let wb;
  try {
    wb = read(bytes, { type: 'array', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (e) {
    throw new FormatError(`the workbook cannot be read (${e instanceof Error ? e.message : String(e)})`, { format, hint: 'The file may be corrupt' });
  }
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const rows = ws ? (utils.sheet_to_json(ws, { header: 1, raw: true, defval: null, blankrows: false }) as Cell[][]) : [];
    return { name, rows };
  });
}
