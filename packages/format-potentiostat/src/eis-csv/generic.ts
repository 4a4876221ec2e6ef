/**
 * Generic impedance tables: frequency, Z′, Z″ (and optional further columns), with or without
 * a header line, separated by comma, semicolon or tab, decimal point or comma. Recognised by
 * content only, with low confidence, so vendor readers win.
 */
import { FormatError, type Column, type ParseContext, type ParseResult } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { isNumeric, splitLines } from '../shared/fields.js';
import { TextTable } from '../shared/text-table.js';

/** Header cells that name the three impedance columns (lower-cased, spaces removed). */
const FREQ = /^(f|freq|frequency)(\/hz|\(hz\)|\[hz\]|_hz)?$/;
const REAL = /^(z'|zre|zreal|re\(z\)|z_real|zr|real)(\/ohm|\(ohm\)|\(ω\)|\/ω|\[ohm\])?$/;
const IMAG = /^(-)?(z''|z"|zim|zimag|zimg|im\(z\)|z_imag|zi|imag)(\/ohm|\(ohm\)|\(ω\)|\/ω|\[ohm\])?$/;

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '').replace(/^"(.*)"$/, '$1');

interface Layout {
  sep: string;
  decimal: '.' | ',';
  header: string[] | null;
  negateImag: boolean;
}

/** Works out separator, decimal mark and header from the first lines; undefined when not an EIS table. */
export function eisTableLayout(lines: readonly string[]): Layout | undefined {
  const nonEmpty = lines.filter((l) => l.trim() !== '').slice(0, 12);
  if (nonEmpty.length < 2) return undefined;
  for (const sep of ['\t', ';', ',']) {
    const first = nonEmpty[0]!.split(sep);
    if (first.length < 3) continue;
    const headerCells = first.map(norm);
    const hasHeader = !first.every((c) => isNumeric(c));
    if (hasHeader && !(FREQ.test(headerCells[0]!) && REAL.test(headerCells[1]!) && IMAG.test(headerCells[2]!))) continue;
    const rows = nonEmpty.slice(hasHeader ? 1 : 0);
    if (rows.length === 0) continue;
    const width = first.length;
    let comma = 0;
    let ok = true;
    for (const r of rows) {
      if (r === rows[rows.length - 1] && rows.length > 1 && r.split(sep).length < width) break; // may be cut
      const f = r.split(sep);
      if (f.length !== width || !f.every((x) => isNumeric(x))) {
        ok = false;
        break;
      }
      if (f.some((x) => /\d,\d/.test(x))) comma++;
    }
    if (!ok) continue;
    // A comma decimal mark needs another separator; with ',' as separator it is a point.
    const decimal: '.' | ',' = sep !== ',' && comma > 0 ? ',' : '.';
    const f0 = Number(rows[0]!.split(sep)[0]!.trim().replace(',', '.'));
    if (!(f0 > 0)) continue;
    return { sep, decimal, header: hasHeader ? first.map((c) => c.trim()) : null, negateImag: hasHeader && headerCells[2]!.startsWith('-') };
  }
  return undefined;
}

/**
 * Parses a generic EIS table.
 * @example
 * const result = parseEisTable(text, ctx); // text: the decoded file, ctx: the host's ParseContext
 */
export function parseEisTable(text: string, ctx: ParseContext): ParseResult {
  const lines = splitLines(text);
  const layout = eisTableLayout(lines);
  if (!layout) throw new FormatError('not a frequency, Z′, Z″ table', { format: ctx.format, line: 1, expected: 'rows of at least three numbers (frequency, Z′, Z″) with an optional header such as f, Z\', Z\'\'' });
  const firstRow = lines.findIndex((l) => l.trim() !== '') + (layout.header ? 1 : 0);
  const width = (lines[firstRow] ?? '').split(layout.sep).length;
  const headers = layout.header ?? Array.from({ length: width }, (_v, i) => ['frequency', "Z'", "Z''"][i] ?? `column ${i + 1}`);
  const table = new TextTable(headers);
  table.typeFrom(headers.map(() => '0'));
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  const rows = new RowWarnings(ctx);
  for (let i = firstRow; i <= last; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const n = table.addLine(line, layout.sep, layout.decimal);
    if (n < headers.length) {
      if (i === last) {
        table.dropLastRow();
        ctx.warn('the last row is incomplete and was dropped', { ruleId: 'truncated-record', line: i + 1, record: table.rows });
      } else rows.warn(`row has ${n} of ${headers.length} fields; missing values are null`, { ruleId: 'short-row', line: i + 1, record: table.rows - 1 });
    }
  }
  rows.flush();
  if (table.badNumbers) {
    const b = table.firstBad!;
    ctx.warn(`${table.badNumbers} numeric fields do not parse and are null`, { ruleId: 'invalid-number', record: b.row, actual: b.text, note: `column ${b.column}` });
  }
  const rules: ColumnRule[] = [
    { quantity: 'frequency_hertz', unit: 'Hz' },
    { quantity: 'real_impedance_ohm', unit: 'ohm' },
    // Without a '-' in the header the third column is taken as the signed Z″ (impedance.py does the same).
    { quantity: 'imaginary_impedance_ohm', unit: 'ohm', negate: layout.negateImag },
  ];
  const columns: Column[] = table.columns.map((c, i) => toColumn(c.header, null, table.values(i), rules[i]));
  // Without a header the names are ours, not the file's.
  if (!layout.header) for (const c of columns) c.sourceName = null;
  if (!layout.header) ctx.info("no header line: the columns are taken as frequency / Hz, Z' / ohm, Z'' / ohm (signed)", { ruleId: 'assumed-columns', line: 1 });
  return {
    formatVersion: null,
    measurements: [
      {
        name: 'impedance',
        kind: 'impedance',
        technique: { name: 'EIS', vendorName: null },
        startTime: null,
        settings: { separator: layout.sep, decimalSeparator: layout.decimal, header: layout.header },
        columns,
      },
    ],
  };
}
