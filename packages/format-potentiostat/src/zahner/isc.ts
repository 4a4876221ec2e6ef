/**
 * Zahner Thales `.isc` cyclic voltammograms (binary, big-endian). Layout (zahner_analysis
 * IscImport): 17 float64 settings (Pstart … delay), point count − 1 (i6), potentials as int16
 * raw values, currents as float64, then 12 strings (date, system, temperature, time, slew rate,
 * five comments, electrode area, POPF scaling). Potential = raw · factor/8000 + offset with
 * offset and factor from the POPF string; time = index · ZpMp + Sstart. Newer files append
 * up to 32 acquisition channels, decoded when their layout checks out.
 */
import { FormatError, localStartTime, quantityColumn, vendorColumn, wallMs, type Column, type FormatPlugin, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { ThalesReader } from './thales.js';
import { zahnerIscFormat } from './sniff.js';

export { sniffIsc } from './sniff.js';

const SETTINGS = ['Pstart', 'Tstart', 'Pupper', 'Plower', 'Tend', 'Pend', 'Srate', 'Periods', 'PpPer', 'Imi', 'Ima', 'Odrop', 'Sstart', 'Send', 'AZeit', 'ZpMp', 'delay'] as const;
const STRINGS = ['Date', 'System', 'Temperature', 'Time', 'Slew_Rate', 'Comment_1', 'Comment_2', 'Comment_3', 'Comment_4', 'Comment_5', 'ElecArea', 'POPF'] as const;

/** Offset and factor of the potential scaling from the POPF string (`offset, factor PO.PF …`). */
function popf(s: string): { offset: number; factor: number } | undefined {
  const m = /^\s*([-+\d.eE]+)\s*,\s*([-+\d.eE]+)\s*PO.PF/.exec(s);
  if (!m) return undefined;
  const offset = Number(m[1]);
  const factor = Number(m[2]);
  return Number.isFinite(offset) && Number.isFinite(factor) ? { offset, factor } : undefined;
}

/** Reads the optional acquisition-channel block; undefined when it does not check out. */
function readAcq(r: ThalesReader, n: number): Table | undefined {
  const save = r.pos;
  try {
    r.i2Array(32, 'acq channel numbers');
    const names: string[] = [];
    for (let c = 0; c < 32; c++) names.push(r.string('acq channel name'));
    const units: string[] = [];
    for (let c = 0; c < 32; c++) units.push(r.string('acq channel unit'));
    r.f8Array(32 * 11, 'acq coefficients');
    const rows = r.i6('acq rows') + 1;
    const chans = r.i6('acq channels') + 1;
    if (rows < 0 || chans < 0 || chans > 32 || rows * chans * 8 > r.remaining) throw new Error('acq counts do not fit');
    const columns: Column[] = [];
    for (let c = 0; c < chans; c++) {
      const v = r.f8Array(rows, 'acq values');
      columns.push(vendorColumn(names[c] || `channel ${c + 1}`, units[c] || null, v));
    }
    const seen = new Map<string, number>();
    for (const c of columns) {
      const k = seen.get(c.name) ?? 0;
      seen.set(c.name, k + 1);
      if (k) c.name = `${c.name}-${k}`;
    }
    return { name: 'acquisition channels', description: `${rows} rows (the voltammogram has ${n})`, columns };
  } catch {
    r.pos = save;
    return undefined;
  }
}

/**
 * Parses a Zahner `.isc` file.
 * @example
 * const result = parseIsc(bytes, ctx); // as zahnerIscPlugin.parse; result.measurements holds the data
 */
export function parseIsc(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const r = new ThalesReader(bytes, ctx.format);
  const settings: Record<string, unknown> = {};
  for (const k of SETTINGS) settings[k] = r.f8(k);
  const n = r.i6('point count') + 1;
  if (n < 1 || n * 10 > r.remaining) {
    throw new FormatError(`the point count ${n} does not fit the file`, { format: ctx.format, offset: 136, expected: `at most ${Math.floor(r.remaining / 10)} points`, actual: String(n), hint: 'The file is cut or is not a Thales .isc voltammogram' });
  }
  const raw = r.i2Array(n, 'potentials');
  const current = r.f8Array(n, 'currents');
  const strings: Record<string, string> = {};
  for (const k of STRINGS) strings[k] = r.string(k);
  const scale = popf(strings['POPF']!);
  if (!scale) throw new FormatError('the POPF potential scaling string does not parse', { format: ctx.format, offset: r.pos, actual: JSON.stringify(strings['POPF']!.slice(0, 40)), hint: 'Potentials cannot be computed without it' });
  const potential = new Float64Array(n);
  const time = new Float64Array(n);
  const zpmp = settings['ZpMp'] as number;
  const sstart = settings['Sstart'] as number;
  for (let p = 0; p < n; p++) {
    potential[p] = raw[p]! * (scale.factor / 8000) + scale.offset;
    time[p] = p * zpmp + sstart;
  }
  const acq = r.remaining > 400 ? readAcq(r, n) : undefined;
  if (r.remaining > 400 && !acq) ctx.warn('trailing acquisition-channel data could not be decoded and is not included', { ruleId: 'undecoded-block', offset: r.pos, actual: `${r.remaining} bytes` });
  const columns: Column[] = [
    quantityColumn('test_time_second', time, { derived: true, description: 'point index · ZpMp + Sstart' }),
    quantityColumn('working_electrode_potential_volt', potential, { derived: true, description: `raw int16 · ${scale.factor}/8000 + ${scale.offset} (POPF)` }),
    quantityColumn('current_ampere', current, { sourceName: 'current', sourceUnit: 'A' }),
    vendorColumn('potential raw', null, raw),
  ];
  // Date ddmmyy and time `hh:mm:ss-hh:mm:ss` (start-end), local wall clock.
  const d = /^(\d{2})(\d{2})(\d{2})/.exec(strings['Date']!);
  const t = /^(\d{1,2}):(\d{2}):(\d{2})/.exec(strings['Time']!.trim());
  let start = null;
  if (d && t) {
    const y = Number(d[3]);
    const ms = wallMs(y < 70 ? 2000 + y : 1900 + y, Number(d[2]), Number(d[1]), Number(t[1]), Number(t[2]), Number(t[3]));
    if (!Number.isNaN(ms)) start = localStartTime(ms, `${strings['Date']} ${strings['Time']}`);
  }
  const area = Number.parseFloat(strings['ElecArea'] ?? '');
  return {
    formatVersion: null,
    software: { name: 'Zahner Thales', version: null },
    instrument: { vendor: 'Zahner', model: strings['System'] || null, serialNumber: null },
    sample: { electrodeAreaSquareCentimetre: Number.isFinite(area) ? area : null },
    measurements: [
      {
        name: 'cv',
        kind: 'timeseries',
        technique: { name: 'CV', vendorName: null },
        startTime: start,
        settings: { ...settings, ...strings, trailingBytes: r.remaining },
        columns,
        ...(acq ? { tables: [acq] } : {}),
      },
    ],
  };
}

/**
 * Zahner Thales cyclic voltammograms (`.isc`).
 * @example
 * import { zahnerIscPlugin } from '@echemkit/format-potentiostat';
 * zahnerIscPlugin.id; // 'zahner.isc'
 */
export const zahnerIscPlugin: FormatPlugin = {
  ...zahnerIscFormat,
  parse: parseIsc,
};
