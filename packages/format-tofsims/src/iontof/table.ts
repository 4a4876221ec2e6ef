/**
 * Tolerant detection of a delimited numeric table inside text: delimiter (tab, semicolon,
 * comma, runs of spaces), decimal separator, the header row(s) and where the data start.
 */
import { detectDecimalSeparator } from '@echemkit/core';

export type Delimiter = '\t' | ';' | ',' | ' ';

/** Splits a line by the delimiter (runs of spaces count as one for ' '); cells trimmed, quotes removed. */
export function splitCells(line: string, d: Delimiter): string[] {
  const parts = d === ' ' ? line.trim().split(/\s+/) : line.split(d);
  return parts.map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/** True when a cell is a number written with the given decimal separator. */
export function isNumberCell(cell: string, decimal: '.' | ','): boolean {
  const t = decimal === ',' ? cell.replace(',', '.') : cell;
  return t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t);
}

export interface TableLayout {
  delimiter: Delimiter;
  decimal: '.' | ',';
  /** 0-based index of the first data line. */
  dataStart: number;
  /** 0-based indexes of the header rows (the name row last). */
  headerRows: number[];
  columns: number;
}

const CANDIDATES: Delimiter[] = ['\t', ';', ',', ' '];

/**
 * Finds the table: the delimiter and decimal separator for which the longest run of
 * numeric rows with an equal cell count (≥ 2 cells) exists; header rows are the non-numeric
 * rows with the same cell count directly above it.
 */
export function detectTable(lines: readonly string[]): TableLayout | null {
  let best: (TableLayout & { run: number }) | null = null;
  const limit = Math.min(lines.length, 400);
  for (const d of CANDIDATES) {
    for (const decimal of d === ',' ? (['.'] as const) : (['.', ','] as const)) {
      for (let i = 0; i < limit; i++) {
        const cells = splitCells(lines[i]!, d);
        if (cells.length < 2 || !cells.every((c) => isNumberCell(c, decimal))) continue;
        let run = 1;
        while (i + run < lines.length && run < 50) {
          const c = splitCells(lines[i + run]!, d);
          if (c.length !== cells.length || !c.every((x) => isNumberCell(x, decimal))) break;
          run++;
        }
        // A comma decimal must actually appear, otherwise prefer '.'.
        if (decimal === ',' && !lines.slice(i, i + run).some((l) => /\d,\d/.test(l))) break;
        const headerRows: number[] = [];
        for (let h = i - 1; h >= 0 && headerRows.length < 3; h--) {
          const hc = splitCells(lines[h]!, d);
          if (hc.length !== cells.length || lines[h]!.trim() === '' || hc.every((x) => isNumberCell(x, decimal))) break;
          headerRows.unshift(h);
        }
        const score = run * 10 + cells.length + (headerRows.length ? 5 : 0);
        const bestScore = best ? best.run * 10 + best.columns + (best.headerRows.length ? 5 : 0) : -1;
        if (score > bestScore) best = { delimiter: d, decimal, dataStart: i, headerRows, columns: cells.length, run };
        break;
      }
    }
  }
  if (!best) return null;
  // Confirm the decimal separator on the sample (a file with only integers stays '.').
  const sample = lines.slice(best.dataStart, best.dataStart + 50).flatMap((l) => splitCells(l, best!.delimiter));
  const decimal = best.delimiter === ',' ? '.' : detectDecimalSeparator(sample);
  return { delimiter: best.delimiter, decimal, dataStart: best.dataStart, headerRows: best.headerRows, columns: best.columns };
}
