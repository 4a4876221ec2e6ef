/**
 * PalmSens PSTrace `.pssession`: UTF-16 JSON (BOM, sometimes a trailing BOM). Each measurement
 * has a DataSet of value arrays ({Description, Unit{Type,S,Q,A}, DataValues[{V, S, R|C, T}]});
 * older files spell every key in lower case. Arrays of the measurement's length become columns,
 * arrays of another length (charge has one value more) become tables. Per-value status and range
 * codes are kept as columns.
 */
import { decodeText, FormatError, shiftDecimal, TruncatedError, localStartTime, utcStartTime, quantityColumn, type Column, type FormatPlugin, type Measurement, type ParseContext, type ParseResult, type Table } from '@echemkit/core';
import { toColumn } from '../shared/columns.js';
import { arrayRule, techniqueOf, UNIT_BY_TYPE } from './arrays.js';
import { palmsensSessionFormat } from './sniff.js';

export { sniffPsSession } from './sniff.js';

type Obj = Record<string, unknown>;

/** Reads a key regardless of the case PSTrace used. */
function get(o: unknown, key: string): unknown {
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Obj;
  return key in r ? r[key] : r[key.toLowerCase()];
}
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** .NET ticks (100 ns since 0001-01-01) → Unix milliseconds. */
const ticksToMs = (t: number) => (t - 621355968000000000) / 10000;

/** `KEY=value` lines of the PSTrace method text (comments `#` skipped). */
function methodSettings(text: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const l of text.split(/\r?\n/)) {
    if (l.startsWith('#')) continue;
    const at = l.indexOf('=');
    if (at > 0) out[l.slice(0, at)] = l.slice(at + 1);
  }
  return out;
}

/** Converts µC to C decimal-exactly (the core unit table maps coulombs to Ah). */
function chargeToCoulomb(values: Float64Array, unit: string): boolean {
  const e = unit === 'µC' ? -6 : unit === 'mC' ? -3 : unit === 'C' ? 0 : NaN;
  if (Number.isNaN(e)) return false;
  if (e !== 0) for (let i = 0; i < values.length; i++) values[i] = shiftDecimal(values[i]!, e);
  return true;
}

function arrayColumns(a: unknown, eis: boolean): Column[] {
  const desc = str(get(a, 'Description')) ?? 'values';
  const unit = get(a, 'Unit');
  const unitType = (str(get(unit, 'Type')) ?? '').replace(/^PalmSens\.Units\./, '');
  const symbol = str(get(unit, 'S'));
  const qLabel = str(get(unit, 'Q'));
  const unitText = UNIT_BY_TYPE[unitType] ?? (symbol || null);
  const values = arr(get(a, 'DataValues'));
  const n = values.length;
  const v = new Float64Array(n);
  let status: Int32Array | undefined;
  let range: Int32Array | undefined;
  let rangeKey = '';
  let texts: (string | null)[] | undefined;
  for (let i = 0; i < n; i++) {
    const d = values[i];
    const x = get(d, 'V');
    v[i] = typeof x === 'number' ? x : NaN;
    const s = get(d, 'S');
    if (typeof s === 'number') (status ??= new Int32Array(n))[i] = s;
    for (const k of ['R', 'C']) {
      const r = get(d, k);
      if (typeof r === 'number') {
        (range ??= new Int32Array(n))[i] = r;
        rangeKey = k;
      }
    }
    const t = get(d, 'T');
    if (typeof t === 'string') (texts ??= new Array<string | null>(n).fill(null))[i] = t;
  }
  const arrayType = Number(get(a, 'ArrayType'));
  const rule = arrayRule(arrayType, qLabel, eis);
  const sourceUnit = symbol === null || symbol === '' ? unitText : unitText ?? symbol;
  let main: Column;
  if (rule?.quantity === 'charge_coulomb') {
    main = sourceUnit !== null && chargeToCoulomb(v, sourceUnit) ? quantityColumn('charge_coulomb', v, { sourceName: desc, sourceUnit }) : toColumn(desc, sourceUnit, v);
  } else main = toColumn(desc, sourceUnit, v, rule ? { ...rule, ...(sourceUnit ? { unit: sourceUnit } : {}) } : undefined);
  main.description = `PalmSens ${unitType || 'unit'} (${qLabel ?? ''}); ArrayType ${arrayType}${main.description ? `. ${main.description}` : ''}`;
  const out = [main];
  if (status) out.push(toColumn(`${desc} status`, null, status));
  if (range) out.push(toColumn(`${desc} range code (${rangeKey})`, null, range));
  if (texts) out.push(toColumn(`${desc} text`, null, texts));
  return out;
}

function toMeasurement(m: unknown, index: number, ctx: ParseContext): Measurement {
  const ds = get(m, 'DataSet');
  const arrays = arr(get(ds, 'Values'));
  const eis = arrays.some((a) => Number(get(a, 'ArrayType')) === 5);
  const lengths = arrays.map((a) => arr(get(a, 'DataValues')).length);
  // The measurement's row count: the length most arrays share.
  const counts = new Map<number, number>();
  for (const l of lengths) counts.set(l, (counts.get(l) ?? 0) + 1);
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const columns: Column[] = [];
  const tables: Table[] = [];
  arrays.forEach((a, k) => {
    const cols = arrayColumns(a, eis);
    if (lengths[k] === rows) columns.push(...cols);
    else tables.push({ name: cols[0]!.sourceName ?? `array ${k}`, description: `${lengths[k]} values, not one per row (${rows} rows)`, columns: cols });
  });
  // Quantity names must be unique: keep the first, later ones by their vendor name.
  const seen = new Set<string>();
  for (const c of columns) {
    if (!c.quantity) continue;
    if (seen.has(c.quantity)) c.name = c.sourceName ?? c.name;
    seen.add(c.quantity);
  }
  const names = new Set<string>();
  for (const c of columns) {
    let n = c.name;
    for (let i = 2; names.has(n); i++) n = `${c.name} ${i}`;
    c.name = n;
    names.add(n);
  }
  const method = str(get(m, 'Method'));
  const ms = methodSettings(method);
  const utc = get(m, 'UTCTimeStamp');
  const local = get(m, 'TimeStamp');
  const startTime =
    typeof utc === 'number' ? utcStartTime(ticksToMs(utc), String(utc)) : typeof local === 'number' ? localStartTime(ticksToMs(local), String(local)) : null;
  const curves = arr(get(m, 'Curves')).map((c) => str(get(c, 'Title')));
  const eisData = arr(get(m, 'EISDataList')).map((e) => ({ title: str(get(e, 'Title')), scanType: get(e, 'ScanType'), freqType: get(e, 'FreqType'), cdc: get(e, 'CDC') ?? null, fitValues: get(e, 'FitValues') ?? null }));
  if (rows === 0) ctx.warn(`measurement ${index + 1} holds no data points`, { ruleId: 'no-data', record: index });
  return {
    name: `${index + 1}: ${str(get(m, 'Title')) ?? 'measurement'}`,
    kind: eis ? 'impedance' : 'timeseries',
    technique: { name: techniqueOf(ms['METHOD_ID']), vendorName: str(get(m, 'Title')) },
    startTime,
    settings: { method: ms, methodText: method },
    metadata: { title: str(get(m, 'Title')), deviceUsed: get(m, 'DeviceUsed') ?? null, deviceSerial: str(get(m, 'DeviceSerial')), deviceFirmware: str(get(m, 'DeviceFW')), curves, ...(eisData.length ? { eisData } : {}) },
    columns,
    ...(tables.length ? { tables } : {}),
  };
}

/**
 * Closes a JSON text cut in the middle: keeps everything up to the last comma outside a string
 * (so every complete value survives) and appends the closing brackets still open there.
 * Undefined when nothing sensible remains. Only used after JSON.parse failed.
 */
function repairCutJson(text: string): string | undefined {
  const stack: number[] = [];
  let inString = false;
  let lastComma = -1;
  let closers = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) stack.push(125);
    else if (c === 91) stack.push(93);
    else if (c === 125 || c === 93) stack.pop();
    else if (c === 44 && stack.length) {
      lastComma = i;
      closers = String.fromCharCode(...stack.slice().reverse());
    }
  }
  return lastComma > 0 ? text.slice(0, lastComma) + closers : undefined;
}

/**
 * Parses a PalmSens `.pssession` file.
 * @example
 * const result = parsePsSession(bytes, ctx); // as palmsensSessionPlugin.parse; result.measurements holds the data
 */
export function parsePsSession(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  let text = decodeText(bytes).text;
  const end = text.lastIndexOf('}');
  if (!/^\s*\{/.test(text)) throw new FormatError('not a PalmSens session (no JSON object)', { format: ctx.format, offset: 0, expected: "UTF-16 JSON starting with '{'" });
  text = text.slice(0, end + 1);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    // A session cut during writing or copying: keep every complete value.
    const repaired = repairCutJson(decodeText(bytes).text);
    try {
      if (repaired === undefined) throw e;
      root = JSON.parse(repaired);
    } catch {
      throw new TruncatedError('the session JSON is incomplete or corrupt', { format: ctx.format, actual: e instanceof Error ? e.message.slice(0, 120) : undefined, hint: 'Re-export the session from PSTrace' });
    }
    ctx.warn('the session file is cut or damaged; every complete value before the damage is kept, the last measurement may be incomplete', { ruleId: 'truncated-record', actual: e instanceof Error ? e.message.slice(0, 120) : undefined });
  }
  const type = str(get(root, 'Type'));
  if (!type || !/PalmSens/.test(type)) throw new FormatError('the JSON is not a PalmSens session', { format: ctx.format, expected: "Type 'PalmSens.DataFiles.SessionFile'", actual: String(type) });
  const list = arr(get(root, 'Measurements'));
  const measurements = list.map((m, i) => toMeasurement(m, i, ctx));
  const first = list[0];
  return {
    formatVersion: str(get(root, 'CoreVersion')),
    software: { name: 'PSTrace', version: str(get(root, 'CoreVersion')) },
    instrument: { vendor: 'PalmSens', model: get(first, 'DeviceUsed') === undefined ? null : `device type ${String(get(first, 'DeviceUsed'))}`, serialNumber: str(get(first, 'DeviceSerial')) },
    measurements,
  };
}

/**
 * PalmSens PSTrace session files (`.pssession`, UTF-16 JSON): CV, OCP, EIS … measurements.
 * @example
 * import { palmsensSessionPlugin } from '@echemkit/format-potentiostat';
 * palmsensSessionPlugin.id; // 'palmsens.pssession'
 */
export const palmsensSessionPlugin: FormatPlugin = {
  ...palmsensSessionFormat,
  parse: parsePsSession,
};
