/**
 * Gamry Framework `.DTA` ("EXPLAIN") reader: header keys, then one measurement per data
 * table (CURVE, CURVEn, ZCURVE, OCVCURVE, VFPCURVE …). Layout facts: docs/formats/gamry-dta.md.
 */
import { detectDecimalSeparator, FormatError, type Column, type Measurement, type ParseContext, type ParseResult, type StartTime } from '@echemkit/core';
import { dedupeQuantities, toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { localDateTime } from '../shared/dates.js';
import { splitLines } from '../shared/fields.js';
import { decodeTextInput } from '../shared/text-input.js';
import { TextTable } from '../shared/text-table.js';
import { gamryColumnRules, gamryTechnique, gamryUnit } from './columns.js';

/** One header line: `KEY<TAB>TYPE<TAB>values…<TAB>label`. */
interface HeaderEntry {
  type: string;
  values: string[];
  label: string | null;
}

interface RawTable {
  name: string;
  declaredRows: number | null;
  line: number;
  table: TextTable;
}

const VALUE_COUNT: Record<string, number> = { LABEL: 1, QUANT: 1, IQUANT: 1, SELECTOR: 1, TOGGLE: 1, PSTAT: 1, POTEN: 2, TWOPARAM: 3, NOTES: 1 };

/**
 * Parses a Gamry DTA file.
 * @example
 * const result = parseGamryDta(bytes, ctx); // as gamryDtaPlugin.parse; result.measurements holds the data
 */
export function parseGamryDta(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const text = decodeTextInput(bytes, ctx.format);
  const lines = splitLines(text);
  const first = (lines[0] ?? '').trim();
  if (!/^[A-Z0-9_]+$/.test(first) || !(lines[1] ?? '').startsWith('TAG\t')) {
    throw new FormatError('not a Gamry DTA file', { format: ctx.format, line: 1, expected: "'EXPLAIN' then 'TAG<TAB>…'", actual: JSON.stringify(first.slice(0, 40)) });
  }
  const tag = (lines[1] ?? '').split('\t')[1]?.trim() ?? '';
  const header = new Map<string, HeaderEntry>();
  const extraLines: string[] = [];
  const tables: RawTable[] = [];
  const endsWithNewline = /[\r\n]$/.test(text);

  // Decimal separator: header numbers first (gamry-parser does the same), data rows as fallback.
  const sample: string[] = [];
  for (let i = 2; i < lines.length && sample.length < 200; i++) {
    const f = lines[i]!.split('\t');
    const type = f[1]?.trim();
    if (type === 'QUANT' || type === 'POTEN') sample.push(f[2] ?? '');
    else if (type === 'TWOPARAM') sample.push(f[3] ?? '', f[4] ?? '');
    else if (f[0] === '' && f.length > 2 && i > 4) sample.push(...f.slice(1, 6));
  }
  const decimal = detectDecimalSeparator(sample);

  let i = 2;
  while (i < lines.length) {
    const line = lines[i]!;
    const f = line.split('\t');
    const key = f[0]!.trim();
    const type = (f[1] ?? '').trim();
    if (type === 'TABLE' && key) {
      i = readTable(lines, i, key, f[2], decimal, tables, ctx, endsWithNewline);
      continue;
    }
    if (type === 'NOTES') {
      const n = Math.max(0, Math.min(Number.parseInt(f[2] ?? '0', 10) || 0, lines.length - i - 1));
      const note: string[] = [];
      for (let k = 1; k <= n; k++) note.push(lines[i + k]!.replace(/^\t/, ''));
      addHeader(header, key, { type, values: [note.join('\n')], label: f[3] ?? null });
      i += n + 1;
      continue;
    }
    if (key && type) {
      const count = VALUE_COUNT[type] ?? Math.max(1, f.length - 3);
      const values = f.slice(2, 2 + count);
      const label = f.length > 2 + count ? f.slice(2 + count).join('\t') : null;
      addHeader(header, key, { type, values, label });
    } else if (line.trim() !== '') extraLines.push(line);
    i++;
  }

  const settings: Record<string, unknown> = {};
  for (const [k, e] of header) settings[k] = { type: e.type, value: e.values.length === 1 ? e.values[0] : e.values, label: e.label };

  const start = startTime(header, ctx);
  const technique = { name: gamryTechnique(tag), vendorName: tag };
  const aborted = header.get('EXPERIMENTABORTED');
  if (aborted && /^T/i.test(aborted.values[0] ?? '')) ctx.warn('the experiment was aborted; the tables hold the points measured before the abort', { ruleId: 'experiment-aborted' });
  if (tables.length === 0) ctx.warn('the file holds no data table (incomplete header or cut file)', { ruleId: 'no-data', line: lines.length, expected: 'a TABLE line such as CURVE or ZCURVE' });

  const measurements: Measurement[] = tables.map((t) => toMeasurement(t, technique, tag, start, settings, { decimalSeparator: decimal, ...(extraLines.length ? { otherHeaderLines: extraLines } : {}) }));
  const pstat = header.get('PSTAT')?.values[0] ?? null;
  const serial = header.get('PSTATSERIALNO')?.values[0] ?? null;
  const area = header.get('AREA');
  const areaValue = area ? Number((area.values[0] ?? '').replace(',', '.')) : NaN;
  // TITLE is the test identifier, not a sample name; some lab templates add SAMPLEID.
  const sampleId = header.get('SAMPLEID')?.values[0]?.trim() || null;
  const notes = [...header.entries()].filter(([, e]) => e.type === 'NOTES').map(([, e]) => e.values[0]).join('\n').trim();
  return {
    formatVersion: first,
    software: { name: 'Gamry Framework', version: header.get('FRAMEWORKVERSION')?.values[0] ?? null },
    instrument: { vendor: 'Gamry', model: header.get('PSTATSECTION')?.values[0] ?? null, serialNumber: serial ?? pstat },
    sample: {
      name: sampleId,
      electrodeAreaSquareCentimetre: Number.isFinite(areaValue) ? areaValue : null,
      comments: notes || null,
    },
    measurements,
  };
}

function addHeader(header: Map<string, HeaderEntry>, key: string, e: HeaderEntry): void {
  let k = key;
  for (let n = 2; header.has(k); n++) k = `${key} ${n}`;
  header.set(k, e);
}

/** Reads a TABLE starting at line `at`; returns the index of the first line after it. */
function readTable(lines: string[], at: number, name: string, declared: string | undefined, decimal: '.' | ',', out: RawTable[], ctx: ParseContext, endsWithNewline: boolean): number {
  const headLine = lines[at + 1];
  const unitLine = lines[at + 2];
  if (headLine === undefined || unitLine === undefined || !headLine.startsWith('\t')) {
    ctx.warn(`table ${name} ends before its column header`, { ruleId: 'truncated-table', line: at + 1 });
    return at + 1;
  }
  const headers = headLine.split('\t').slice(1);
  const units = unitLine.startsWith('\t') ? unitLine.split('\t').slice(1) : [];
  const table = new TextTable(headers.map((h) => h.trim()), units.map((u) => u.trim() || null));
  let i = at + (unitLine.startsWith('\t') ? 3 : 2);
  let spaced = 0;
  const rows = new RowWarnings(ctx);
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      // A blank line inside a table (seen in VFP600 files): the table goes on when tab rows follow.
      let k = i + 1;
      while (k < lines.length && lines[k]!.trim() === '') k++;
      if (k < lines.length && lines[k]!.startsWith('\t')) {
        i = k;
        continue;
      }
      break;
    }
    if (line.startsWith('\t')) {
      const n = table.addLine(line, '\t', decimal, 1);
      if (n < headers.length) {
        const last = i === lines.length - 1 || (i === lines.length - 2 && lines[i + 1] === '');
        if (last && !endsWithNewline) {
          table.dropLastRow();
          ctx.warn(`table ${name}: the last row is cut off and was dropped`, { ruleId: 'truncated-record', line: i + 1, record: table.rows, expected: `${headers.length} fields`, actual: `${n}` });
        } else rows.warn(`table ${name}: row has ${n} of ${headers.length} fields; missing values are null`, { ruleId: 'short-row', line: i + 1, record: table.rows - 1 });
      }
    } else if (/^ +\S/.test(line)) {
      // Whitespace-separated rows (seen in hand-edited files): split on any run of blanks.
      spaced++;
      const fields = line.trim().split(/[\t ]+/);
      table.addLine(fields.join('\t'), '\t', decimal, 0);
    } else break;
    i++;
  }
  rows.flush();
  if (spaced) ctx.info(`table ${name}: ${spaced} rows are separated by spaces instead of tabs`, { ruleId: 'space-separated-rows', line: at + 1 });
  if (table.badNumbers) {
    const b = table.firstBad!;
    ctx.warn(`table ${name}: ${table.badNumbers} numeric fields do not parse and are null`, { ruleId: 'invalid-number', record: b.row, actual: b.text, note: `column ${b.column}` });
  }
  const declaredRows = declared !== undefined && /^\s*\d+\s*$/.test(declared) ? Number(declared) : null;
  if (declaredRows !== null && table.rows < declaredRows) {
    ctx.warn(`table ${name} declares ${declaredRows} rows but holds ${table.rows} (aborted or running experiment); every complete row is kept`, { ruleId: 'fewer-rows-than-declared', line: at + 1, expected: String(declaredRows), actual: String(table.rows) });
  }
  out.push({ name, declaredRows, line: at + 1, table });
  return i;
}

/** The rule of a Gamry column with the unit its unit text stands for (`V vs. Ref.` → V); Gamry's usual unit when the units row is missing. */
function ruleFor(header: string, unitText: string | null): ColumnRule | undefined {
  const rule = gamryColumnRules[header];
  const unit = unitText === null ? null : gamryUnit(unitText);
  return rule && unit !== null ? { ...rule, unit } : rule;
}

function toMeasurement(t: RawTable, technique: { name: string; vendorName: string }, tag: string, start: StartTime | null, settings: Record<string, unknown>, facts: Record<string, unknown>): Measurement {
  const columns: Column[] = t.table.columns.map((c, idx) => toColumn(c.header, c.unit, t.table.values(idx), ruleFor(c.header, c.unit)));
  const impedance = t.name === 'ZCURVE' || t.table.columns.some((c) => c.header === 'Zreal');
  const isOcv = t.name === 'OCVCURVE';
  return {
    name: t.name,
    kind: impedance ? 'impedance' : 'timeseries',
    technique: isOcv ? { name: 'OCV', vendorName: `${tag} ${t.name}` } : technique,
    startTime: start,
    settings,
    metadata: { table: t.name, declaredRows: t.declaredRows, line: t.line, ...facts },
    columns: dedupeQuantities(columns),
  };
}

function startTime(header: Map<string, HeaderEntry>, ctx: ParseContext): StartTime | null {
  const date = header.get('DATE')?.values[0];
  const time = header.get('TIME')?.values[0];
  if (!date || !time) return null;
  const r = localDateTime(date, time, 'mdy');
  if (!r) {
    ctx.warn('DATE/TIME do not parse; no start time', { ruleId: 'invalid-date', actual: `${date} ${time}` });
    return null;
  }
  if (r.ambiguous) ctx.info(`DATE ${date} is read month/day/year (Gamry's US default); the file does not say`, { ruleId: 'ambiguous-date' });
  return r.start;
}
