/**
 * A column store for delimited text tables: numeric columns fill Float64Builders, text
 * columns (flag strings, range labels) fill string arrays. Rows are appended field by field
 * so no per-row object is created.
 */
import { Float64Builder } from '@echemkit/core';
import { forEachField, isNumeric, parseNumber } from './fields.js';

export interface RawColumn {
  /** Header text exactly as written. */
  header: string;
  /** Unit as written (null when none). */
  unit: string | null;
  kind: 'number' | 'string';
  numbers: Float64Builder;
  strings: (string | null)[];
}

/** Growable table of text fields with per-column type decided by the first data row. */
export class TextTable {
  readonly columns: RawColumn[];
  rows = 0;
  /** Number of numeric fields that did not parse (stored as NaN). */
  badNumbers = 0;
  firstBad: { row: number; column: string; text: string } | undefined;
  private typed = false;

  constructor(headers: readonly string[], units: readonly (string | null)[] = []) {
    this.columns = headers.map((h, i) => ({ header: h, unit: units[i] ?? null, kind: 'number', numbers: new Float64Builder(16), strings: [] }));
  }

  /** Decides numeric vs text columns from a sample row (called automatically on the first row). */
  typeFrom(fields: readonly string[]): void {
    this.typed = true;
    this.columns.forEach((c, i) => {
      const f = fields[i] ?? '';
      c.kind = f.trim() === '' || isNumeric(f) ? 'number' : 'string';
    });
  }

  /**
   * Appends one row from `line` split on `sep` starting at character `start`. Returns the
   * number of fields the line had (the caller decides what a short row means).
   */
  addLine(line: string, sep: string, decimal: '.' | ',', start = 0): number {
    if (!this.typed) {
      const sample: string[] = [];
      forEachField(line, sep, (_i, t) => sample.push(t), start);
      this.typeFrom(sample);
    }
    const cols = this.columns;
    const row = this.rows;
    // Hand-written field loop (no closure or array per row): this is the hot path of every text reader.
    let pos = start;
    let count = 0;
    const n = line.length;
    const w = sep.length;
    for (;;) {
      let at = line.indexOf(sep, pos);
      if (at === -1) at = n;
      const c = cols[count];
      if (c) {
        const t = line.slice(pos, at);
        if (c.kind === 'number') {
          const v = parseNumber(t, decimal);
          if (v !== v && t.trim() !== '') {
            this.badNumbers++;
            this.firstBad ??= { row, column: c.header, text: t };
          }
          c.numbers.push(v);
        } else {
          const x = t.trim();
          c.strings.push(x === '' ? null : x);
        }
      }
      count++;
      if (at === n) break;
      pos = at + w;
    }
    // Short rows: fill the missing fields as missing (the caller warns).
    for (let i = count; i < cols.length; i++) {
      const c = cols[i]!;
      if (c.kind === 'number') c.numbers.push(NaN);
      else c.strings.push(null);
    }
    this.rows++;
    return count;
  }

  /** Removes the last row (used when a truncated final row is dropped). */
  dropLastRow(): void {
    if (this.rows === 0) return;
    for (const c of this.columns) {
      if (c.kind === 'number') c.numbers.length--;
      else c.strings.pop();
    }
    this.rows--;
  }

  /** Final values of column `i`. */
  values(i: number): Float64Array | (string | null)[] {
    const c = this.columns[i]!;
    return c.kind === 'number' ? c.numbers.finish() : c.strings;
  }
}
