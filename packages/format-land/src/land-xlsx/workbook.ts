/**
 * The one place that talks to SheetJS (`xlsx`): reads a workbook into plain sheets of cells.
 * Only the parser imports this module (the sniffer reads sheet names in `sheet-names.ts`),
 * so SheetJS is loaded when a workbook is read, not when formats are detected.
 */
import * as XLSX from 'xlsx';
import { FormatError, LimitError, TruncatedError, verifyZip } from '@echemkit/core';
import type { Cell } from '../export/column-sink.js';

export interface SheetCells {
  name: string;
  /** Rows of cells (trailing empty cells trimmed). */
  rows: Cell[][];
  /** Per row, per cell: the cell is a number formatted as a date or time (a day fraction / date serial). */
  dayFormatted: boolean[][];
}

interface XCell {
  t?: string;
  v?: unknown;
  z?: string | number;
  w?: string;
}

/** Cells beyond this are refused (protects against corrupt dimension records). */
const MAX_CELLS = 50_000_000;

/**
 * Reads every sheet of an .xlsx/.xls workbook.
 * @example
 * const sheets = readWorkbookCells(bytes, 'land.xlsx');
 * sheets.map((s) => s.name); // ['Record-Tab', 'Step-Tab', 'Cycle-Tab']
 */
export function readWorkbookCells(bytes: Uint8Array, format: string): SheetCells[] {
  // SheetJS can hang on cut or damaged containers: check them ourselves first.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) verifyZip(bytes, format);
  else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && (bytes.length < 1024 || bytes.length % 512 !== 0)) {
    throw new TruncatedError('the .xls compound file is not a whole number of 512-byte sectors', { format, offset: bytes.length, hint: 'The file is cut; export it again from LANDdt' });
  }
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellText: false, cellFormula: false, cellHTML: false });
  } catch (e) {
    throw new FormatError(`not a readable Excel workbook (${e instanceof Error ? e.message : String(e)})`, {
      format,
      offset: 0,
      hint: 'Export the data from LANDdt again as .xlsx, or as text (.txt)',
      cause: e,
    });
  }
  const out: SheetCells[] = [];
  let total = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { '!data'?: (XCell | undefined)[][] }) | undefined;
    const data = ws?.['!data'] ?? [];
    const rows: Cell[][] = [];
    const days: boolean[][] = [];
    for (const row of data) {
      const cells: Cell[] = [];
      const flags: boolean[] = [];
      if (row) {
        total += row.length;
        if (total > MAX_CELLS) throw new LimitError(`the workbook holds more than ${MAX_CELLS} cells`, { format, hint: 'Split the export into several files' });
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          let v: Cell = null;
          let d = false;
          if (cell && cell.v !== undefined && cell.v !== null) {
            if (cell.t === 'n' && typeof cell.v === 'number') {
              v = cell.v;
              d = typeof cell.z === 'string' && cell.z !== 'General' && Boolean(XLSX.SSF.is_date(cell.z));
            } else if (cell.t === 'e') v = null;
            else if (typeof cell.v === 'boolean') v = cell.v ? 'TRUE' : 'FALSE';
            else v = String(cell.v);
          }
          cells[c] = v;
          flags[c] = d;
        }
      }
      let end = cells.length;
      while (end > 0 && (cells[end - 1] === null || cells[end - 1] === undefined)) end--;
      cells.length = end;
      flags.length = end;
      for (let c = 0; c < end; c++) if (cells[c] === undefined) cells[c] = null;
      rows.push(cells);
      days.push(flags);
    }
    out.push({ name, rows, dayFormatted: days });
  }
  return out;
}
