/**
 * Scribner ZPlot / ZView `.z` reader, both header styles (docs/formats/zplot-z.md):
 * A — `ZPLOT2 ASCII` with `Key: value` header lines up to `End Comments`, tab-separated data;
 * B — quoted `"ZPlotW Data File…"` / `"ZView…"` / Autolab FRA `"Z60W Data File…"` with a point
 * count line, a quoted column line and comma(-space) separated data.
 */
import { FormatError, type Column, type Measurement, type ParseContext, type ParseResult, type StartTime } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { localDateTime } from '../shared/dates.js';
import { splitLines } from '../shared/fields.js';
import { TextTable } from '../shared/text-table.js';

interface Header {
  settings: Record<string, unknown>;
  columns: string[];
  declared: number | null;
  dataStart: number;
  date: string | null;
  time: string | null;
  software: string | null;
  title: string;
}

const unq = (s: string) => s.trim().replace(/^"(.*)"$/, '$1').trim();

/** Column rules of ZPlot-style tables; `control` says whether Ampl/Bias are volts or amperes. */
function rulesFor(control: 'voltage' | 'current' | null): Record<string, ColumnRule> {
  const r: Record<string, ColumnRule> = {
    'Freq(Hz)': { quantity: 'frequency_hertz', unit: 'Hz' },
    'Freq (Hz)': { quantity: 'frequency_hertz', unit: 'Hz' },
    'Time(Sec)': { quantity: 'test_time_second', unit: 's' },
    "Z'(a)": { quantity: 'real_impedance_ohm', unit: 'ohm' },
    // Z'' is written with its true sign (negative = capacitive).
    "Z''(b)": { quantity: 'imaginary_impedance_ohm', unit: 'ohm' },
  };
  if (control === 'voltage') {
    r['Ampl'] = { quantity: 'potential_amplitude_volt', unit: 'V' };
    r['Bias'] = { quantity: 'dc_potential_volt', unit: 'V' };
  } else if (control === 'current') {
    r['Ampl'] = { quantity: 'current_amplitude_ampere', unit: 'A' };
    r['Bias'] = { quantity: 'dc_current_ampere', unit: 'A' };
  }
  return r;
}

function headerA(lines: string[]): Header {
  const settings: Record<string, unknown> = {};
  const path: string[] = [];
  let columns: string[] = [];
  let dataStart = -1;
  let headLine = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === 'End Comments') {
      dataStart = i + 1;
      break;
    }
    if (line.includes('Freq(Hz)')) {
      headLine = i;
      columns = line.split('\t').map((s) => s.trim());
      continue;
    }
    const m = /^\s*([^:]+?):\s*(.*?)\s*$/.exec(line);
    if (!m) {
      if (line.trim()) settings[[...path, line.trim()].join('/')] = null;
      continue;
    }
    const key = m[1]!;
    const value = m[2]!;
    const begin = /^Begin (.+)$/.exec(key);
    const end = /^End (.+)$/.exec(key);
    if (begin) {
      settings[[...path, begin[1]!].join('/')] = value;
      path.push(begin[1]!);
    } else if (end) {
      if (path[path.length - 1] === end[1]) path.pop();
    } else settings[[...path, key].join('/')] = value;
  }
  // Files without `End Comments` start after the column line (as impedance.py does).
  if (dataStart === -1) dataStart = headLine === -1 ? lines.length : headLine + 1;
  const declared = settings['Data Points'] !== undefined ? Number(settings['Data Points']) : null;
  const softwareKey = Object.keys(settings).find((k) => k.startsWith('Measured Data'));
  return {
    settings,
    columns,
    declared: declared !== null && Number.isInteger(declared) ? declared : null,
    dataStart,
    date: (settings['Date'] as string | undefined) ?? null,
    time: (settings['Time'] as string | undefined) ?? null,
    software: softwareKey ? `${softwareKey.replace('Measured Data, ', '')} ${String(settings[softwareKey])}` : null,
    title: 'ZPLOT2 ASCII',
  };
}

function headerB(lines: string[]): Header {
  const settings: Record<string, unknown> = {};
  const title = unq(lines[0]!);
  let headLine = -1;
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    const l = unq(lines[i]!);
    if (/Freq\s*\(Hz\)/.test(l)) {
      headLine = i;
      break;
    }
  }
  if (headLine === -1) return { settings, columns: [], declared: null, dataStart: lines.length, date: null, time: null, software: null, title };
  let date: string | null = null;
  let time: string | null = null;
  const comments: string[] = [];
  for (let i = 1; i < headLine; i++) {
    const l = unq(lines[i]!);
    const dt = /Date:\s*(\S+)\s+Time:\s*(\S+)/.exec(l);
    if (dt) {
      date = dt[1]!;
      time = dt[2]!;
      continue;
    }
    if (l) comments.push(l);
  }
  settings['header lines'] = comments;
  const countLine = unq(lines[headLine - 1] ?? '');
  const declared = /^\d+$/.test(countLine) ? Number(countLine) : null;
  const columns = unq(lines[headLine]!).split(/\t|\s{2,}/).map((s) => s.trim()).filter(Boolean);
  const version = /Version\s+(\S+)/.exec(title);
  return { settings, columns, declared, dataStart: headLine + 1, date, time, software: version ? version[1]! : null, title };
}

/**
 * Parses ZPlot-style text; `vendor` names the writing program for the document.
 * @example
 * const result = parseZplotText(text, ctx, { software: 'ZPlot', instrument: null });
 */
export function parseZplotText(text: string, ctx: ParseContext, vendor: { software: string; instrument: string | null }): ParseResult {
  const lines = splitLines(text);
  const first = (lines[0] ?? '').trim();
  const variantA = first === 'ZPLOT2 ASCII';
  if (!variantA && !/^"(ZPlot|ZView|Z60W)/.test(first)) {
    throw new FormatError('not a ZPlot-style impedance file', { format: ctx.format, line: 1, expected: "'ZPLOT2 ASCII' or a quoted 'ZPlotW/ZView/Z60W Data File' title", actual: JSON.stringify(first.slice(0, 40)) });
  }
  const h = variantA ? headerA(lines) : headerB(lines);
  if (h.columns.length === 0) throw new FormatError('no column header line (Freq(Hz) …) found', { format: ctx.format, line: 1, expected: "a line naming 'Freq(Hz)'" });

  // Data separator: tab (variant A), ', ' or ',' (variant B).
  let firstData = h.dataStart;
  while (firstData < lines.length && lines[firstData]!.trim() === '') firstData++;
  const sample = lines[firstData] ?? '';
  const sep = sample.includes('\t') ? '\t' : sample.includes(', ') ? ', ' : ',';
  const table = new TextTable(h.columns);
  let cut = false;
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.trim() === '') last--;
  const rows = new RowWarnings(ctx);
  for (let i = firstData; i <= last; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const n = table.addLine(line.trim(), sep, '.', 0);
    if (n < h.columns.length) {
      if (i === last) {
        table.dropLastRow();
        cut = true;
        ctx.warn('the last data row is incomplete and was dropped', { ruleId: 'truncated-record', line: i + 1, record: table.rows, expected: `${h.columns.length} fields`, actual: String(n) });
      } else rows.warn(`row has ${n} of ${h.columns.length} fields; missing values are null`, { ruleId: 'short-row', line: i + 1, record: table.rows - 1 });
    }
  }
  rows.flush();
  if (table.badNumbers) {
    const b = table.firstBad!;
    ctx.warn(`${table.badNumbers} numeric fields do not parse and are null`, { ruleId: 'invalid-number', record: b.row, actual: b.text, note: `column ${b.column}` });
  }
  if (h.declared !== null && table.rows < h.declared) {
    ctx.warn(`the header declares ${h.declared} points but the file holds ${table.rows} (interrupted sweep or cut file); every complete row is kept`, { ruleId: 'fewer-rows-than-declared', expected: String(h.declared), actual: String(table.rows), ...(cut ? { note: 'last row cut' } : {}) });
  }
  const expType = String(h.settings['Experiment Type'] ?? (h.settings['header lines'] as string[] | undefined)?.join(' ') ?? '');
  const control = /Control Voltage/i.test(expType) ? 'voltage' : /Control Current/i.test(expType) ? 'current' : null;
  const rules = rulesFor(control);
  const columns: Column[] = table.columns.map((c, i) => toColumn(c.header, null, table.values(i), rules[c.header]));
  let start: StartTime | null = null;
  if (h.date && h.time) {
    const r = localDateTime(h.date, h.time, 'mdy');
    if (r) start = r.start;
    else ctx.warn('Date/Time do not parse; no start time', { ruleId: 'invalid-date', actual: `${h.date} ${h.time}` });
  }
  const m: Measurement = {
    name: 'impedance',
    kind: 'impedance',
    technique: { name: control === 'current' ? 'GEIS' : 'PEIS', vendorName: expType || null },
    startTime: start,
    settings: { title: h.title, ...h.settings },
    metadata: { declaredPoints: h.declared, controlMode: control },
    columns,
  };
  return {
    formatVersion: h.title,
    software: { name: vendor.software, version: h.software },
    instrument: { vendor: vendor.instrument, model: null, serialNumber: null },
    measurements: [m],
  };
}
