/**
 * Princeton Applied Research VersaStudio `.par`: XML-like sections `<Name>` … `</Name>` of
 * `key=value` lines; `<SegmentN>` sections hold a `Definition=` column list and comma-separated
 * rows. Every segment becomes a measurement; the other sections are kept as settings.
 */
import { FormatError, localStartTime, wallMs, type Column, type FormatPlugin, type Measurement, type ParseContext, type ParseResult, type StartTime } from '@echemkit/core';
import { toColumn, type ColumnRule } from '../shared/columns.js';
import { RowWarnings } from '../shared/row-warnings.js';
import { parseTimeOfDay } from '../shared/dates.js';
import { nameAndUnit, splitLines } from '../shared/fields.js';
import { decodeTextInput } from '../shared/text-input.js';
import { TextTable } from '../shared/text-table.js';
import { versaStudioFormat } from './sniff.js';

export { sniffVersaStudio } from './sniff.js';

const rules: Record<string, ColumnRule> = {
  'E(V)': { quantity: 'working_electrode_potential_volt', unit: 'V' },
  'I(A)': { quantity: 'current_ampere', unit: 'A' },
  'Elapsed Time(s)': { quantity: 'test_time_second', unit: 's' },
  'E Applied(V)': { quantity: 'control_voltage_volt', unit: 'V' },
  'Frequency(Hz)': { quantity: 'frequency_hertz', unit: 'Hz' },
  'Z Real': { quantity: 'real_impedance_ohm', unit: 'ohm' },
  // Z Imag is the signed imaginary part (negative for capacitive points).
  'Z Imag': { quantity: 'imaginary_impedance_ohm', unit: 'ohm' },
  'Segment #': { quantity: 'segment_index' },
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Parses a VersaStudio `.par` file.
 * @example
 * const result = parseVersaStudio(bytes, ctx); // as versaStudioPlugin.parse; result.measurements holds the data
 */
export function parseVersaStudio(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const lines = splitLines(decodeTextInput(bytes, ctx.format));
  if ((lines[0] ?? '').trim() !== '<Application>') throw new FormatError('not a VersaStudio .par file', { format: ctx.format, line: 1, expected: "'<Application>'" });
  const sections: Record<string, Record<string, string> | string> = {};
  const measurements: Measurement[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = /^<([A-Za-z][\w]*)>\s*$/.exec(lines[i]!);
    if (!open) {
      i++;
      continue;
    }
    const name = open[1]!;
    const close = `</${name}>`;
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== close) end++;
    if (end >= lines.length) ctx.warn(`section <${name}> has no end tag (cut file); read up to the end`, { ruleId: 'truncated-section', line: i + 1 });
    const body = lines.slice(i + 1, end);
    if (/^Segment\d+$/.test(name)) {
      const m = readSegment(name, body, i + 2, ctx);
      if (m) measurements.push(m);
    } else if (name === 'DockingLayout') sections[name] = body.join('\n');
    else {
      const kv: Record<string, string> = {};
      for (const l of body) {
        const at = l.indexOf('=');
        if (at > 0) kv[l.slice(0, at)] = l.slice(at + 1);
      }
      sections[name] = kv;
    }
    i = end + 1;
  }
  const exp = sections['Experiment'] as Record<string, string> | undefined;
  const start = startTime(exp?.['DateAcquired'], exp?.['TimeAcquired']);
  for (const m of measurements) {
    m.startTime = start;
    m.settings = { ...sections, ...m.settings };
  }
  if (measurements.length === 0) ctx.warn('the file holds no data segment', { ruleId: 'no-data' });
  const app = sections['Application'] as Record<string, string> | undefined;
  const inst = sections['Instrument'] as Record<string, string> | undefined;
  const action1 = sections['Action1'] as Record<string, string> | undefined;
  const areaText = (sections['Action0'] as Record<string, string> | undefined)?.['Working Electrode Area (cm2)'];
  const area = areaText === undefined ? NaN : Number(areaText);
  for (const m of measurements) if (action1?.['Name']) m.technique.vendorName = action1['Name'];
  return {
    formatVersion: null,
    software: { name: app?.['Name'] ?? 'VersaStudio', version: app?.['Version'] ?? null },
    instrument: { vendor: 'Princeton Applied Research', model: inst?.['Type'] ?? null, serialNumber: inst?.['SN'] ?? null },
    sample: { electrodeAreaSquareCentimetre: Number.isFinite(area) ? area : null },
    measurements,
  };
}

function readSegment(name: string, body: string[], firstLine: number, ctx: ParseContext): Measurement | undefined {
  const meta: Record<string, string> = {};
  let k = 0;
  for (; k < body.length; k++) {
    const l = body[k]!;
    const at = l.indexOf('=');
    if (at <= 0 || /^[-\d.]/.test(l)) break;
    meta[l.slice(0, at)] = l.slice(at + 1);
    if (l.startsWith('Definition=')) {
      k++;
      break;
    }
  }
  const def = meta['Definition'];
  if (!def) {
    ctx.warn(`${name} has no Definition line; skipped`, { ruleId: 'no-columns', line: firstLine });
    return undefined;
  }
  const headers = def.split(',').map((s) => s.trim());
  // The Definition ends with a bare number (seen: ', 0') that is not a column of the rows.
  while (headers.length > 1 && /^\d+$/.test(headers[headers.length - 1]!)) headers.pop();
  const table = new TextTable(headers);
  table.typeFrom(headers.map(() => '0'));
  const rows = new RowWarnings(ctx);
  for (; k < body.length; k++) {
    const l = body[k]!;
    if (l.trim() === '') continue;
    const n = table.addLine(l, ',', '.');
    if (n < headers.length) {
      if (k === body.length - 1) {
        table.dropLastRow();
        ctx.warn(`${name}: the last row is incomplete and was dropped`, { ruleId: 'truncated-record', line: firstLine + k, record: table.rows });
      } else rows.warn(`${name}: row has ${n} of ${headers.length} fields; missing values are null`, { ruleId: 'short-row', line: firstLine + k });
    }
  }
  rows.flush();
  const columns: Column[] = table.columns.map((c, i) => {
    const nu = nameAndUnit(c.header);
    return toColumn(c.header, nu.unit, table.values(i), rules[c.header], nu.name);
  });
  const f = columns.find((c) => c.quantity === 'frequency_hertz')?.values as Float64Array | undefined;
  let impedance = false;
  if (f) for (let r = 0; r < f.length && !impedance; r++) impedance = f[r]! > 0;
  return {
    name,
    kind: impedance ? 'impedance' : 'timeseries',
    technique: { name: impedance ? 'PEIS' : 'unknown', vendorName: null },
    startTime: null,
    settings: { [name]: meta },
    columns,
  };
}

/** `Thursday, July 19, 2018` + `9:40:30 AM` → local wall-clock start. */
function startTime(date: string | undefined, time: string | undefined): StartTime | null {
  if (!date || !time) return null;
  const d = /([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(date);
  const t = parseTimeOfDay(time);
  if (!d || !t) return null;
  const mo = MONTHS.indexOf(d[1]!.toLowerCase()) + 1;
  const ms = wallMs(Number(d[3]), mo, Number(d[2]), t.h, t.m, t.sec, t.ms);
  return Number.isNaN(ms) ? null : localStartTime(ms, `${date} ${time}`);
}

/**
 * VersaStudio `.par` files (EIS and DC segments).
 * @example
 * import { versaStudioPlugin } from '@echemkit/format-potentiostat';
 * versaStudioPlugin.sniff(new TextEncoder().encode('<Application>\r\nName=VersaStudio\r\n')); // 1
 */
export const versaStudioPlugin: FormatPlugin = {
  ...versaStudioFormat,
  parse: parseVersaStudio,
};
