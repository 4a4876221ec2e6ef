/**
 * Princeton Applied Research PARSTAT text export: one tab-separated header of `Name (unit)`
 * cells, then rows. DC rows have Frequency 0; impedance rows a frequency. The two kinds become
 * a timeseries and an impedance measurement (each keeps every column).
 */
import { FormatError, type Column, type FormatPlugin, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { nameAndUnit, splitLines } from '../shared/fields.js';
import { rowsWhere, subset } from '../shared/subset.js';
import { decodeTextInput } from '../shared/text-input.js';
import { TextTable } from '../shared/text-table.js';
import { PARSTAT_HEADER as HEADER, parstatTextFormat } from './sniff.js';

export { sniffParstatText } from './sniff.js';

const rules: Record<string, ColumnRule> = {
  Potential: { quantity: 'working_electrode_potential_volt' },
  Current: { quantity: 'current_ampere' },
  'Elapsed Time': { quantity: 'test_time_second' },
  Frequency: { quantity: 'frequency_hertz' },
  Zre: { quantity: 'real_impedance_ohm' },
  // Zim is written with its true sign (negative for capacitive points).
  Zim: { quantity: 'imaginary_impedance_ohm' },
  '|Vac|': { quantity: 'potential_amplitude_volt' },
  '|Iac|': { quantity: 'current_amplitude_ampere' },
};

/**
 * Parses a PARSTAT text export.
 * @example
 * const result = parseParstatText(bytes, ctx); // as parstatTextPlugin.parse; result.measurements holds the data
 */
export function parseParstatText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const lines = splitLines(decodeTextInput(bytes, ctx.format));
  if (!HEADER.test(lines[0] ?? '')) throw new FormatError('not a PARSTAT text export', { format: ctx.format, line: 1, expected: "'Potential (V)<TAB>Current (A)<TAB>Elapsed Time (s)<TAB>Frequency (Hz)…'" });
  const headers = lines[0]!.split('\t').map((s) => s.trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const parts = headers.map(nameAndUnit);
  const table = new TextTable(headers, parts.map((p) => p.unit));
  table.typeFrom(headers.map(() => '0'));
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  const rows = new RowWarnings(ctx);
  for (let i = 1; i <= last; i++) {
    if (lines[i]!.trim() === '') continue;
    const n = table.addLine(lines[i]!, '\t', '.');
    if (n < headers.length) {
      if (i === last) {
        table.dropLastRow();
        ctx.warn('the last row is incomplete and was dropped', { ruleId: 'truncated-record', line: i + 1, record: table.rows });
      } else rows.warn(`row has ${n} of ${headers.length} fields; missing values are null`, { ruleId: 'short-row', line: i + 1 });
    }
  }
  rows.flush();
  if (table.badNumbers) ctx.warn(`${table.badNumbers} numeric fields do not parse and are null`, { ruleId: 'invalid-number', record: table.firstBad!.row, actual: table.firstBad!.text });
  const columns: Column[] = table.columns.map((c, i) => toColumn(c.header, parts[i]!.unit, table.values(i), rules[parts[i]!.name], parts[i]!.name));
  const freq = table.columns.findIndex((c) => c.header.startsWith('Frequency'));
  const f = columns[freq]!.values as Float64Array;
  const dc = rowsWhere(f.length, (i) => !(f[i]! > 0));
  const ac = rowsWhere(f.length, (i) => f[i]! > 0);
  const measurements: Measurement[] = [];
  const settings = { rows: table.rows };
  if (dc.length) measurements.push({ name: 'dc', kind: 'timeseries', technique: { name: 'unknown', vendorName: null }, startTime: null, settings, metadata: { rows: 'Frequency (Hz) = 0', count: dc.length }, columns: subset(columns, dc) });
  if (ac.length) measurements.push({ name: 'impedance', kind: 'impedance', technique: { name: 'EIS', vendorName: null }, startTime: null, settings, metadata: { rows: 'Frequency (Hz) > 0', count: ac.length }, columns: subset(columns, ac) });
  return { formatVersion: null, software: { name: 'PARSTAT', version: null }, instrument: { vendor: 'Princeton Applied Research', model: null, serialNumber: null }, measurements };
}

/**
 * PARSTAT text exports (DC rows plus impedance rows in one table).
 * @example
 * import { parstatTextPlugin } from '@echemkit/format-potentiostat';
 * parstatTextPlugin.sniff(new TextEncoder().encode('Potential (V)\tCurrent (A)\tElapsed Time (s)\tFrequency (Hz)\tZre (ohms)\tZim (ohms)\t\n')); // 1
 */
export const parstatTextPlugin: FormatPlugin = {
  ...parstatTextFormat,
  parse: parseParstatText,
};
