/**
 * Metrohm Autolab NOVA ASCII exports: one header line of `Name (unit)` cells, then rows.
 * NOVA writes the Windows list separator (`;` with decimal comma, tab or `,` with decimal point).
 */
import { FormatError, type Column, type ParseContext, type ParseResult } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { nameAndUnit, splitLines } from '../shared/fields.js';
import { TextTable } from '../shared/text-table.js';

/** NOVA column names (without unit) → vocabulary. */
const rules: Record<string, ColumnRule> = {
  'Potential applied': { quantity: 'control_voltage_volt' },
  Time: { quantity: 'test_time_second' },
  'WE(1).Current': { quantity: 'current_ampere' },
  'WE(1).Potential': { quantity: 'working_electrode_potential_volt' },
  Scan: { quantity: 'cycle_count' },
  'Current range': { quantity: 'current_range' },
  Frequency: { quantity: 'frequency_hertz' },
  "Z'": { quantity: 'real_impedance_ohm' },
  "-Z''": { quantity: 'imaginary_impedance_ohm', negate: true },
  "Z''": { quantity: 'imaginary_impedance_ohm' },
  Z: { quantity: 'absolute_impedance_ohm' },
  '-Phase': { quantity: 'phase_degree', negate: true },
  Phase: { quantity: 'phase_degree' },
};

const NOVA_NAMES = /WE\(\d\)\.(Current|Potential)|Potential applied \(V\)|-Z'' \(Ω\)/;

/** Separator of a NOVA header line; undefined when the line is not a NOVA header. */
export function novaSeparator(line: string): string | undefined {
  if (!NOVA_NAMES.test(line)) return undefined;
  for (const sep of [';', '\t', ',']) {
    const cells = line.split(sep);
    if (cells.length >= 2 && cells.every((c) => c.trim() === '' || /^[^;\t,]+$/.test(c)) && cells.some((c) => NOVA_NAMES.test(c))) return sep;
  }
  return undefined;
}

/**
 * Parses a NOVA ASCII export.
 * @example
 * const result = parseNovaAscii(text, ctx); // text: the decoded file, ctx: the host's ParseContext
 */
export function parseNovaAscii(text: string, ctx: ParseContext): ParseResult {
  const lines = splitLines(text);
  const sep = novaSeparator(lines[0] ?? '');
  if (!sep) throw new FormatError('not a NOVA ASCII export', { format: ctx.format, line: 1, expected: "a header naming 'WE(1).Current (A)' or 'Potential applied (V)'" });
  const headers = lines[0]!.split(sep).map((s) => s.trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  // `;` is the list separator of decimal-comma locales; check the first row to be sure.
  const decimal: '.' | ',' = sep === ';' || (sep === '\t' && /\d,\d/.test(lines[1] ?? '') && !/\d\.\d/.test(lines[1] ?? '')) ? ',' : '.';
  const parts = headers.map(nameAndUnit);
  const table = new TextTable(headers, parts.map((p) => p.unit));
  const endsWithNewline = /[\r\n]$/.test(text);
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  const rows = new RowWarnings(ctx);
  for (let i = 1; i <= last; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const n = table.addLine(line, sep, decimal);
    if (n < headers.length) {
      if (i === last && !endsWithNewline) {
        table.dropLastRow();
        ctx.warn('the last row is cut off and was dropped', { ruleId: 'truncated-record', line: i + 1, record: table.rows, expected: `${headers.length} fields`, actual: String(n) });
      } else rows.warn(`row has ${n} of ${headers.length} fields; missing values are null`, { ruleId: 'short-row', line: i + 1, record: table.rows - 1 });
    }
  }
  rows.flush();
  if (table.badNumbers) {
    const b = table.firstBad!;
    ctx.warn(`${table.badNumbers} numeric fields do not parse and are null`, { ruleId: 'invalid-number', record: b.row, actual: b.text, note: `column ${b.column}` });
  }
  const columns: Column[] = table.columns.map((c, i) => toColumn(c.header, parts[i]!.unit, table.values(i), rules[parts[i]!.name], parts[i]!.name));
  const impedance = columns.some((c) => c.quantity === 'frequency_hertz');
  const hasScan = columns.some((c) => c.quantity === 'cycle_count');
  return {
    formatVersion: 'NOVA ASCII',
    software: { name: 'Metrohm Autolab NOVA', version: null },
    instrument: { vendor: 'Metrohm Autolab', model: null, serialNumber: null },
    measurements: [
      {
        name: impedance ? 'impedance' : 'data',
        kind: impedance ? 'impedance' : 'timeseries',
        technique: { name: impedance ? 'PEIS' : hasScan ? 'CV' : 'unknown', vendorName: null },
        startTime: null,
        settings: { separator: sep, decimalSeparator: decimal },
        columns,
      },
    ],
  };
}
