/**
 * Eco Chemie / Autolab FRA `.dfr`: one value per line. `VERSION8.0`, the point count, one
 * unknown integer, then per point f, Z′, −Z″, E dc, I dc, time and three unknown values
 * (layout facts from pyimpspec's parse_dfr and the corpus file), then trailer lines (dates).
 */
import { Float64Builder, FormatError, type FormatPlugin, type ParseContext, type ParseResult } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { parseNumber, splitLines } from '../shared/fields.js';
import { decodeTextInput } from '../shared/text-input.js';
import { autolabDfrFormat } from './sniff.js';

export { sniffDfr } from './sniff.js';

const FIELDS: { name: string; rule?: ColumnRule }[] = [
  { name: 'f', rule: { quantity: 'frequency_hertz', unit: 'Hz' } },
  { name: "Z'", rule: { quantity: 'real_impedance_ohm', unit: 'ohm' } },
  { name: "-Z''", rule: { quantity: 'imaginary_impedance_ohm', unit: 'ohm', negate: true } },
  { name: 'Edc', rule: { quantity: 'dc_potential_volt', unit: 'V' } },
  { name: 'Idc', rule: { quantity: 'dc_current_ampere', unit: 'A' } },
  { name: 'time', rule: { quantity: 'test_time_second', unit: 's' } },
  { name: 'value 7' },
  { name: 'value 8' },
  { name: 'value 9' },
];

/**
 * Parses an Autolab `.dfr` file.
 * @example
 * const result = parseDfr(bytes, ctx); // as autolabDfrPlugin.parse; result.measurements holds the data
 */
export function parseDfr(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const lines = splitLines(decodeTextInput(bytes, ctx.format));
  const version = (lines[0] ?? '').trim();
  if (!/^VERSION\d+\.\d+$/.test(version)) throw new FormatError('not an Autolab .dfr file', { format: ctx.format, line: 1, expected: "'VERSION8.0'", actual: JSON.stringify(version.slice(0, 20)) });
  if (version !== 'VERSION8.0') ctx.warn(`version ${version} is not the known VERSION8.0; read with its layout`, { ruleId: 'unknown-version', line: 1 });
  const declared = Number.parseInt(lines[1] ?? '', 10);
  if (!(declared >= 0)) throw new FormatError('the point count is not a number', { format: ctx.format, line: 2, actual: JSON.stringify((lines[1] ?? '').slice(0, 20)) });
  const per = FIELDS.length;
  // Never trust the count: bound it by the lines present.
  const available = Math.floor(Math.max(0, lines.length - 3) / per);
  const n = Math.min(declared, available);
  if (n < declared) ctx.warn(`the file declares ${declared} points but holds ${n} complete ones; every complete point is kept`, { ruleId: 'fewer-rows-than-declared', line: 2, expected: String(declared), actual: String(n) });
  const builders = FIELDS.map(() => new Float64Builder(n));
  let bad = 0;
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < per; k++) {
      const v = parseNumber(lines[3 + p * per + k]!);
      if (Number.isNaN(v)) bad++;
      builders[k]!.push(v);
    }
  }
  if (bad) ctx.warn(`${bad} values do not parse and are null`, { ruleId: 'invalid-number' });
  const trailer = lines.slice(3 + n * per).map((s) => s.trim()).filter((s) => s !== '');
  const columns = FIELDS.map((f, k) => toColumn(f.name, null, builders[k]!.finish(), f.rule));
  for (const c of columns) c.sourceName = null; // the file has no column names; these are ours
  return {
    formatVersion: version,
    software: { name: 'Autolab FRA', version: null },
    instrument: { vendor: 'Metrohm Autolab', model: null, serialNumber: null },
    measurements: [
      {
        name: 'impedance',
        kind: 'impedance',
        technique: { name: 'EIS', vendorName: null },
        startTime: null,
        settings: { 'line 3': (lines[2] ?? '').trim(), trailer },
        metadata: { columnNames: 'assigned by position (pyimpspec parse_dfr); the last three are not identified' },
        columns,
      },
    ],
  };
}

/**
 * Eco Chemie / Autolab FRA `.dfr` impedance files.
 * @example
 * import { autolabDfrPlugin } from '@echemkit/format-potentiostat';
 * autolabDfrPlugin.sniff(new TextEncoder().encode('VERSION8.0\r\n 29\r\n 1\r\n')); // 1
 */
export const autolabDfrPlugin: FormatPlugin = {
  ...autolabDfrFormat,
  parse: parseDfr,
};
