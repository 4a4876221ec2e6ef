/**
 * IviumSoft `.idf`: a small binary preamble, `key=value` lines (method, settings), a `>` marker
 * line, then data objects: `primary_data` (column count, row count, rows of Z′, Z″, f for
 * impedance methods) and further objects such as `osc_data` (blocks of column count, row count,
 * rows). Layout from the corpus file and pyimpspec's IDF reader; values are whitespace separated.
 */
import { decodeText, Float64Builder, FormatError, type Column, type FormatPlugin, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { parseNumber, splitLines } from '../shared/fields.js';
import { iviumIdfFormat } from './sniff.js';

export { sniffIdf } from './sniff.js';

/** Impedance `primary_data` columns in file order (Z″ signed, negative = capacitive). */
const IMPEDANCE: { name: string; rule: ColumnRule }[] = [
  { name: "Z'", rule: { quantity: 'real_impedance_ohm', unit: 'ohm' } },
  { name: "Z''", rule: { quantity: 'imaginary_impedance_ohm', unit: 'ohm' } },
  { name: 'f', rule: { quantity: 'frequency_hertz', unit: 'Hz' } },
];

/** A block of rows read from `lines[at]`; bounded by the lines present. */
function readBlock(lines: string[], at: number, cols: number, rows: number, ctx: ParseContext, what: string): { builders: Float64Builder[]; next: number } {
  const avail = Math.max(0, lines.length - at);
  const n = Math.min(rows, avail);
  const builders = Array.from({ length: cols }, () => new Float64Builder(Math.min(n, 4096)));
  let r = 0;
  for (; r < n; r++) {
    const f = lines[at + r]!.trim().split(/\s+/);
    if (f.length < cols || f.some((x, k) => k < cols && Number.isNaN(parseNumber(x)))) break;
    for (let k = 0; k < cols; k++) builders[k]!.push(parseNumber(f[k]!));
  }
  if (r < rows) ctx.warn(`${what} declares ${rows} rows but ${r} complete rows follow; every complete row is kept`, { ruleId: 'fewer-rows-than-declared', line: at + 1, expected: String(rows), actual: String(r) });
  return { builders, next: at + r };
}

const intLine = (s: string | undefined) => (s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s.trim()) : NaN);

/**
 * Parses an Ivium `.idf` file.
 * @example
 * const result = parseIdf(bytes, ctx); // as iviumIdfPlugin.parse; result.measurements holds the data
 */
export function parseIdf(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const text = decodeText(bytes, 'windows-1252').text.replace(/\u0000/g, '');
  const lines = splitLines(text);
  const settings: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('>')) break;
    const at = l.indexOf('=');
    if (at > 0) settings[l.slice(0, at)] = l.slice(at + 1);
  }
  if (!('Method' in settings)) throw new FormatError('not an IviumSoft .idf file', { format: ctx.format, expected: "'key=value' lines with 'Method='" });
  const tables: Table[] = [];
  let primary: Column[] | undefined;
  const objects: string[] = [];
  for (; i < lines.length; i++) {
    const name = lines[i]!.trim();
    if (name === 'primary_data') {
      objects.push(name);
      const cols = intLine(lines[i + 1]);
      const rows = intLine(lines[i + 2]);
      if (!(cols > 0 && cols < 64) || !(rows >= 0)) throw new FormatError('primary_data has no valid column/row counts', { format: ctx.format, line: i + 2 });
      const { builders, next } = readBlock(lines, i + 3, cols, rows, ctx, 'primary_data');
      const impedance = settings['Method'] === 'Impedance' && cols === 3;
      primary = builders.map((b, k) => (impedance ? toColumn(IMPEDANCE[k]!.name, null, b.finish(), IMPEDANCE[k]!.rule) : toColumn(`column ${k + 1}`, null, b.finish())));
      for (const c of primary) c.sourceName = null; // the file names no columns
      i = next - 1;
    } else if (/^[a-z_]+_data$/.test(name)) {
      objects.push(name);
      // Further objects: a block count, then blocks of (columns, rows, values).
      const blocks = intLine(lines[i + 1]);
      let at = i + 2;
      for (let b = 0; b < blocks && at < lines.length; b++) {
        const cols = intLine(lines[at]);
        const rows = intLine(lines[at + 1]);
        if (!(cols > 0 && cols < 64) || !(rows >= 0)) break;
        const r = readBlock(lines, at + 2, cols, rows, ctx, `${name} block ${b + 1}`);
        tables.push({ name: `${name} ${b + 1}`, columns: r.builders.map((x, k) => ({ ...toColumn(`column ${k + 1}`, null, x.finish()), sourceName: null })) });
        at = r.next;
      }
      i = at - 1;
    }
  }
  if (!primary) ctx.warn('no primary_data object found', { ruleId: 'no-data' });
  const impedance = settings['Method'] === 'Impedance';
  return {
    formatVersion: null,
    software: { name: 'IviumSoft', version: settings['software'] || null },
    instrument: { vendor: 'Ivium', model: null, serialNumber: settings['serialnumber'] || null },
    measurements: primary
      ? [
          {
            name: 'primary_data',
            kind: impedance ? 'impedance' : 'timeseries',
            technique: { name: impedance ? (/Constant I/i.test(settings['Technique'] ?? '') ? 'GEIS' : 'PEIS') : 'unknown', vendorName: `${settings['Method']}${settings['Technique'] ? ` / ${settings['Technique']}` : ''}` },
            startTime: null,
            settings: { ...settings, dataObjects: objects },
            columns: primary,
            ...(tables.length ? { tables } : {}),
          },
        ]
      : [],
  };
}

/**
 * IviumSoft `.idf` data files (impedance and DC methods; primary data plus oscillogram blocks).
 * @example
 * import { iviumIdfPlugin } from '@echemkit/format-potentiostat';
 * iviumIdfPlugin.id; // 'ivium.idf'
 */
export const iviumIdfPlugin: FormatPlugin = {
  ...iviumIdfFormat,
  parse: parseIdf,
};
