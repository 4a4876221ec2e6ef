/**
 * `.P00` impedance text (as in pyimpspec's test data; the writing program is not named in the
 * file): `Procedure :` title, a date/current line, free lines, a tab-separated column line
 * (`f/Hz`, `Z'/Ohm`, `-Z''/Ohm`, `time/s`, `Edc/V`, `Idc/A`), the point count, then rows.
 */
import { FormatError, type FormatPlugin, type ParseContext, type ParseResult } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { nameAndUnit, splitLines } from '../shared/fields.js';
import { decodeTextInput } from '../shared/text-input.js';
import { TextTable } from '../shared/text-table.js';
import { isHeader, p00Format } from './sniff.js';

export { sniffP00 } from './sniff.js';

const rules: Record<string, ColumnRule> = {
  f: { quantity: 'frequency_hertz' },
  "Z'": { quantity: 'real_impedance_ohm' },
  "-Z''": { quantity: 'imaginary_impedance_ohm', negate: true },
  time: { quantity: 'test_time_second' },
  Edc: { quantity: 'dc_potential_volt' },
  Idc: { quantity: 'dc_current_ampere' },
};

/**
 * Parses a `.P00` file.
 * @example
 * const result = parseP00(bytes, ctx); // as p00Plugin.parse; result.measurements holds the data
 */
export function parseP00(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const lines = splitLines(decodeTextInput(bytes, ctx.format));
  const h = lines.findIndex(isHeader);
  if (h < 0) throw new FormatError("no 'f/Hz' column line", { format: ctx.format, line: 1, expected: "a tab-separated line starting 'f/Hz'" });
  const headers = lines[h]!.split('\t').map((s) => s.trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const parts = headers.map(nameAndUnit);
  const declared = Number.parseInt(lines[h + 1] ?? '', 10);
  const table = new TextTable(headers, parts.map((p) => p.unit));
  table.typeFrom(headers.map(() => '0'));
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  const rows = new RowWarnings(ctx);
  for (let i = h + 2; i <= last; i++) {
    if (lines[i]!.trim() === '') continue;
    const n = table.addLine(lines[i]!.replace(/\t\s*$/, ''), '\t', '.');
    if (n < headers.length) {
      if (i === last) {
        table.dropLastRow();
        ctx.warn('the last row is incomplete and was dropped', { ruleId: 'truncated-record', line: i + 1, record: table.rows });
      } else rows.warn(`row has ${n} of ${headers.length} fields; missing values are null`, { ruleId: 'short-row', line: i + 1 });
    }
  }
  rows.flush();
  if (table.badNumbers) ctx.warn(`${table.badNumbers} numeric fields do not parse and are null`, { ruleId: 'invalid-number', record: table.firstBad!.row, actual: table.firstBad!.text });
  if (Number.isInteger(declared) && table.rows < declared) ctx.warn(`the file declares ${declared} points but holds ${table.rows}; every complete row is kept`, { ruleId: 'fewer-rows-than-declared', line: h + 2, expected: String(declared), actual: String(table.rows) });
  const columns = table.columns.map((c, i) => toColumn(c.header, parts[i]!.unit, table.values(i), rules[parts[i]!.name], parts[i]!.name));
  return {
    formatVersion: null,
    measurements: [
      {
        name: 'impedance',
        kind: 'impedance',
        technique: { name: 'EIS', vendorName: null },
        startTime: null,
        settings: { headerLines: lines.slice(0, h).map((s) => s.trim()), declaredPoints: Number.isInteger(declared) ? declared : null },
        columns,
      },
    ],
  };
}

/**
 * `.P00` impedance text files.
 * @example
 * import { p00Plugin } from '@echemkit/format-potentiostat';
 * p00Plugin.sniff(new TextEncoder().encode('Procedure : x\r\n f/Hz\t Z\'/Ohm\t\r\n')); // 0.9
 */
export const p00Plugin: FormatPlugin = {
  ...p00Format,
  parse: parseP00,
};
