/**
 * Records of the integer layouts (nda v29, ndc v2/v5): raw integers as stored, converted to
 * units in one pass with the current-range table. An unknown range never gives a silently
 * wrong current: those rows get NaN current/capacity/energy, a warning names the code, and
 * the raw integers are kept as vendor columns.
 */
import type { ParseContext } from '@echemkit/core';
import { baseUnitDivisor, knownRanges, rangeExponent } from './current-range.js';
import { countStepChanges, pick, sortedUniqueOrder, type NewareRecords, type NumCol, type AuxCol } from './records.js';

/** Unsigned 64-bit little-endian integer as a number (exact below 2^53). */
export function u64(dv: DataView, o: number): number {
  return dv.getUint32(o, true) + dv.getUint32(o + 4, true) * 4294967296;
}

/** Signed 64-bit little-endian integer as a number (exact below 2^53). */
export function i64(dv: DataView, o: number): number {
  return dv.getUint32(o, true) + dv.getInt32(o + 4, true) * 4294967296;
}

/** Auxiliary records of an integer layout. */
export interface RawAux {
  index: Float64Array;
  channel: Float64Array;
  voltage: Float64Array;
  temperature: Float64Array;
  /** Second temperature-like value of 0x74 records (NewareNDA `t`), when present. */
  t2?: Float64Array;
  tempDtype: 'int16';
  voltDtype: 'int32';
}

const FIELDS = ['index', 'cycle', 'stepId', 'status', 'time', 'voltage', 'current', 'chgCap', 'dchgCap', 'chgEnergy', 'dchgEnergy', 'range', 'offset'] as const;
type Field = (typeof FIELDS)[number];

/** Column store of raw integer records. */
export class RawIntegerRecords {
  n = 0;
  readonly cols: Record<Field, Float64Array>;
  readonly dates: string[] = [];
  aux: RawAux | undefined;
  constructor(capacity: number) {
    const c = Math.max(0, capacity);
    this.cols = Object.fromEntries(FIELDS.map((f) => [f, new Float64Array(c)])) as Record<Field, Float64Array>;
  }
  push(index: number, cycle: number, stepId: number, status: number, time: number, voltage: number, current: number, chgCap: number, dchgCap: number, chgEnergy: number, dchgEnergy: number, range: number, offset: number): void {
    const i = this.n++;
    const c = this.cols;
    c.index[i] = index;
    c.cycle[i] = cycle;
    c.stepId[i] = stepId;
    c.status[i] = status;
    c.time[i] = time;
    c.voltage[i] = voltage;
    c.current[i] = current;
    c.chgCap[i] = chgCap;
    c.dchgCap[i] = dchgCap;
    c.chgEnergy[i] = chgEnergy;
    c.dchgEnergy[i] = dchgEnergy;
    c.range[i] = range;
    c.offset[i] = offset;
  }
}

/** Test time from step times: each step starts where the previous step's last record ended. */
export function testTimeFromStepTime(stepTime: Float64Array, stepCount: Int32Array): Float64Array {
  const out = new Float64Array(stepTime.length);
  let offset = 0;
  for (let i = 0; i < stepTime.length; i++) {
    if (i > 0 && stepCount[i] !== stepCount[i - 1]) offset += stepTime[i - 1]!;
    out[i] = offset + stepTime[i]!;
  }
  return out;
}

/**
 * Converts raw integer records: sorted by Index with duplicates dropped, units applied,
 * aux channels joined on Index.
 */
export function integerRecordsToColumns(raw: RawIntegerRecords, ctx: ParseContext): NewareRecords {
  const n0 = raw.n;
  const c = raw.cols;
  const order = sortedUniqueOrder(c.index, n0);
  if (order) ctx.info(`records were re-ordered by Index and ${n0 - order.length} duplicate Index value(s) dropped (first kept)`, { ruleId: 'duplicate-index' });
  const take = (f: Field) => pick(order ? c[f] : c[f].subarray(0, n0), order);
  const index = take('index');
  const n = index.length;
  const rangeF = take('range');
  const range = new Int32Array(n);
  const current = new Float64Array(n);
  const caps = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const rawCur = take('current');
  const rawCaps = [take('chgCap'), take('dchgCap'), take('chgEnergy'), take('dchgEnergy')];
  const unknown = new Map<number, { count: number; first: number }>();
  // Divisor per range code, looked up once per distinct code.
  const divisors = new Map<number, number | undefined>();
  for (let i = 0; i < n; i++) {
    const r = rangeF[i]!;
    range[i] = r;
    let d = divisors.get(r);
    if (d === undefined && !divisors.has(r)) {
      const e = rangeExponent(r);
      d = e === undefined ? undefined : baseUnitDivisor(e);
      divisors.set(r, d);
    }
    if (d === undefined) {
      const u = unknown.get(r);
      if (u) u.count++;
      else unknown.set(r, { count: 1, first: i });
      current[i] = NaN;
      for (let k = 0; k < 4; k++) caps[k]![i] = NaN;
      continue;
    }
    if (d === 0) {
      current[i] = 0;
      for (let k = 0; k < 4; k++) caps[k]![i] = 0;
      continue;
    }
    current[i] = rawCur[i]! / d;
    for (let k = 0; k < 4; k++) caps[k]![i] = rawCaps[k]![i]! / d / 3600;
  }
  const extra: NumCol[] = [];
  if (unknown.size) {
    const offs = take('offset');
    for (const [r, u] of unknown) {
      ctx.warn(`current range ${r} is not in the range table: current, capacity and energy of ${u.count} record(s) are left missing; their raw integers are kept in the '(raw)' columns`, {
        ruleId: 'unknown-current-range',
        offset: offs[u.first]!,
        record: u.first,
        actual: String(r),
        expected: `one of ${knownRanges().join(', ')}`,
        note: 'Export the test from BTSDA for the scaled values, and report the range code',
      });
    }
    extra.push({ values: rawCur, dtype: 'int32', sourceName: 'Current (raw)', sourceUnit: null, description: 'Raw current integer (scaled by the range multiplier)' });
    const names = ['Charge_Capacity (raw)', 'Discharge_Capacity (raw)', 'Charge_Energy (raw)', 'Discharge_Energy (raw)'];
    for (let k = 0; k < 4; k++) extra.push({ values: rawCaps[k]!, dtype: 'float64', sourceName: names[k]!, sourceUnit: null, description: 'Raw 64-bit integer (range multiplier × value ÷ 3600 gives mAh or mWh)' });
  }
  const stepIdF = take('stepId');
  const statusF = take('status');
  const cycleF = take('cycle');
  const stepId = new Int32Array(n);
  const status = new Uint8Array(n);
  const cycle = new Int32Array(n);
  const stepTime = take('time');
  const voltage = take('voltage');
  for (let i = 0; i < n; i++) {
    stepId[i] = stepIdF[i]!;
    status[i] = statusF[i]!;
    cycle[i] = cycleF[i]! + 1;
    stepTime[i] = stepTime[i]! / 1000;
    voltage[i] = voltage[i]! / 10000;
  }
  const stepCount = countStepChanges(n, stepId, status, cycle);
  const dates = order ? Array.from(order, (k) => raw.dates[k] ?? null) : raw.dates.slice(0, n);
  const capCol = (values: Float64Array, name: string, unit: string): NumCol => ({ values, sourceName: name, sourceUnit: unit });
  const rec: NewareRecords = {
    n,
    index,
    cycle,
    stepId,
    status,
    stepCount: { values: stepCount, derived: true, description: 'Counted: +1 whenever step number, step type or cycle changes (the file has no step counter).' },
    stepTime: { values: stepTime, dtype: 'uint32', sourceName: 'Time', sourceUnit: 'ms' },
    testTime: {
      values: testTimeFromStepTime(stepTime, stepCount),
      dtype: 'float64',
      sourceName: 'Time',
      sourceUnit: 's',
      derived: true,
      description: 'Derived: the file stores step time only; each step is taken to start where the previous step ended.',
    },
    localTime: dates,
    voltage: { values: voltage, dtype: 'int32', sourceName: 'Voltage', sourceUnit: '0.1 mV' },
    current: { values: current, dtype: 'int32', sourceName: 'Current', sourceUnit: 'range-scaled' },
    capacity: {
      kind: 'split',
      chgCap: capCol(caps[0]!, 'Charge_Capacity', 'range-scaled'),
      dchgCap: capCol(caps[1]!, 'Discharge_Capacity', 'range-scaled'),
      chgEnergy: capCol(caps[2]!, 'Charge_Energy', 'range-scaled'),
      dchgEnergy: capCol(caps[3]!, 'Discharge_Energy', 'range-scaled'),
    },
    range,
    aux: raw.aux ? joinIntegerAux(raw.aux, index) : [],
    extra,
  };
  return rec;
}

/** Joins aux records on Index: one temperature and one voltage column per aux channel number. */
function joinIntegerAux(a: RawAux, index: Float64Array): AuxCol[] {
  const n = index.length;
  if (!a.index.length) return [];
  const rowOf = new Map<number, number>();
  for (let i = 0; i < n; i++) rowOf.set(index[i]!, i);
  const channels = [...new Set(Array.from(a.channel))].sort((x, y) => x - y);
  const out: AuxCol[] = [];
  for (const ch of channels) {
    const t = new Float64Array(n).fill(NaN);
    const v = new Float64Array(n).fill(NaN);
    const t2 = a.t2 ? new Float64Array(n).fill(NaN) : undefined;
    for (let k = 0; k < a.index.length; k++) {
      if (a.channel[k] !== ch) continue;
      const row = rowOf.get(a.index[k]!);
      if (row === undefined) continue;
      t[row] = a.temperature[k]!;
      v[row] = a.voltage[k]!;
      if (t2 && a.t2) t2[row] = a.t2[k]!;
    }
    out.push({ kind: 'temperature', values: t, dtype: 'int16', sourceName: `T${ch}`, sourceUnit: '0.1 °C', vendorName: `T${ch}` });
    out.push({ kind: 'voltage', values: v, dtype: 'int32', sourceName: `V${ch}`, sourceUnit: '0.1 mV', vendorName: `V${ch}` });
    if (t2) out.push({ kind: 'other', values: t2, dtype: 'int16', sourceName: `t${ch}`, sourceUnit: '°C', vendorName: `t${ch}`, description: 'Second temperature-like value of 0x74 aux records (NewareNDA names it t).' });
  }
  return out;
}
