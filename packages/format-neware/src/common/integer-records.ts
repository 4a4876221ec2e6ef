/**
 * Records of the integer layouts (nda v29, ndc v2/v5): raw integers as stored, converted to
 * units in one pass with the current-range table. An unknown range never gives a silently
 * wrong current: those rows get NaN current/capacity/energy, a warning names the code, and
 * the raw integers are kept as vendor columns.
 */
import type { ParseContext } from '@echemkit/core';
import { baseUnitDivisor, knownRanges, rangeExponent } from './current-range.js';
import { pick, sortedUniqueOrder, type NewareRecords, type NumCol, type AuxCol } from './records.js';

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

/**
 * Column store of integer records, filled by the decoders in final form where the value does
 * not depend on the range table (Index, cycle + 1, step, status, step time in s, voltage in V);
 * current, capacities and energies stay raw integers until the range table is applied.
 * Typed columns sized from the file: decoders write `column[n]` directly and set `n` (no per-record calls).
 */
export class RawIntegerRecords {
  n = 0;
  readonly index: Float64Array;
  /** Vendor cycle + 1 (1-based). */
  readonly cycle: Int32Array;
  readonly stepId: Int32Array;
  readonly status: Uint8Array;
  /** Step time, s. */
  readonly stepTime: Float64Array;
  /** Voltage, V. */
  readonly voltage: Float64Array;
  readonly current: Float64Array;
  readonly chgCap: Float64Array;
  readonly dchgCap: Float64Array;
  readonly chgEnergy: Float64Array;
  readonly dchgEnergy: Float64Array;
  readonly range: Int32Array;
  /**
   * Byte offset of each record from the first one with a current range outside the table on
   * (the only offsets a diagnostic names); undefined while every range is known.
   */
  offset: Float64Array | undefined;
  /** Local date text of each record (pre-sized: growing a large array by push copies it over and over). */
  readonly dates: string[];
  aux: RawAux | undefined;
  private readonly capacity: number;
  constructor(capacity: number) {
    const c = Math.max(0, capacity);
    this.capacity = c;
    this.index = new Float64Array(c);
    this.cycle = new Int32Array(c);
    this.stepId = new Int32Array(c);
    this.status = new Uint8Array(c);
    this.stepTime = new Float64Array(c);
    this.voltage = new Float64Array(c);
    this.current = new Float64Array(c);
    this.chgCap = new Float64Array(c);
    this.dchgCap = new Float64Array(c);
    this.chgEnergy = new Float64Array(c);
    this.dchgEnergy = new Float64Array(c);
    this.range = new Int32Array(c);
    this.dates = new Array<string>(c);
  }

  /** Sets the number of decoded records and trims the date column to it. */
  setCount(n: number): void {
    this.n = n;
    this.dates.length = n;
  }

  /** Starts keeping offsets (at the first unknown range code); returns the offset column. */
  keepOffsets(): Float64Array {
    return (this.offset ??= new Float64Array(this.capacity));
  }
}

/** True when a current range code is not in the range table. */
export function unknownRange(code: number): boolean {
  return rangeExponent(code) === undefined;
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
  const order = sortedUniqueOrder(raw.index, n0);
  if (order) ctx.info(`records were re-ordered by Index and ${n0 - order.length} duplicate Index value(s) dropped (first kept)`, { ruleId: 'duplicate-index' });
  // In file order (the common case) these are views of the decoder's columns, not copies.
  const index = pick(raw.index.subarray(0, n0), order);
  const n = index.length;
  const range = pick(raw.range.subarray(0, n0), order);
  const rawCur = pick(raw.current.subarray(0, n0), order);
  const rawCaps = [pick(raw.chgCap.subarray(0, n0), order), pick(raw.dchgCap.subarray(0, n0), order), pick(raw.chgEnergy.subarray(0, n0), order), pick(raw.dchgEnergy.subarray(0, n0), order)] as const;
  // Unknown range codes first (the decoder saw one when it kept offsets): only then are the
  // raw integers kept beside the scaled values.
  const unknown = new Map<number, { count: number; first: number }>();
  let lastCode = NaN;
  if (raw.offset) {
    let lastUnknown: { count: number; first: number } | undefined;
    for (let i = 0; i < n; i++) {
      const r = range[i]!;
      if (r !== lastCode) {
        lastCode = r;
        lastUnknown = undefined;
        if (rangeExponent(r) === undefined) {
          lastUnknown = unknown.get(r);
          if (!lastUnknown) unknown.set(r, (lastUnknown = { count: 0, first: i }));
        }
      }
      if (lastUnknown) lastUnknown.count++;
    }
  }
  const keepRaw = unknown.size > 0;
  // Without unknown ranges the raw columns are scaled in place (no second set of arrays).
  const current = keepRaw ? new Float64Array(n) : rawCur;
  const c0 = keepRaw ? new Float64Array(n) : rawCaps[0];
  const c1 = keepRaw ? new Float64Array(n) : rawCaps[1];
  const c2 = keepRaw ? new Float64Array(n) : rawCaps[2];
  const c3 = keepRaw ? new Float64Array(n) : rawCaps[3];
  const r0 = rawCaps[0];
  const r1 = rawCaps[1];
  const r2 = rawCaps[2];
  const r3 = rawCaps[3];
  // Divisor of the current run of equal range codes (codes change rarely): NaN unknown, 0 for M = 0.
  lastCode = NaN;
  let d = NaN;
  for (let i = 0; i < n; i++) {
    const r = range[i]!;
    if (r !== lastCode) {
      lastCode = r;
      const e = rangeExponent(r);
      d = e === undefined ? NaN : baseUnitDivisor(e);
    }
    if (d !== d) {
      current[i] = NaN;
      c0[i] = NaN;
      c1[i] = NaN;
      c2[i] = NaN;
      c3[i] = NaN;
    } else if (d === 0) {
      current[i] = 0;
      c0[i] = 0;
      c1[i] = 0;
      c2[i] = 0;
      c3[i] = 0;
    } else {
      current[i] = rawCur[i]! / d;
      c0[i] = r0[i]! / d / 3600;
      c1[i] = r1[i]! / d / 3600;
      c2[i] = r2[i]! / d / 3600;
      c3[i] = r3[i]! / d / 3600;
    }
  }
  const extra: NumCol[] = [];
  if (keepRaw) {
    const offs = pick(raw.offset!.subarray(0, n0), order);
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
  const stepId = pick(raw.stepId.subarray(0, n0), order);
  const status = pick(raw.status.subarray(0, n0), order);
  const cycle = pick(raw.cycle.subarray(0, n0), order);
  const stepTime = pick(raw.stepTime.subarray(0, n0), order);
  const voltage = pick(raw.voltage.subarray(0, n0), order);
  // Step count (+1 at every change of step, type or cycle) and test time (each step starts where
  // the previous one ended) in one pass.
  const stepCount = new Int32Array(n);
  const testTime = new Float64Array(n);
  let count = 0;
  let start = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || stepId[i] !== stepId[i - 1] || status[i] !== status[i - 1] || cycle[i] !== cycle[i - 1]) {
      count++;
      if (i > 0) start += stepTime[i - 1]!;
    }
    stepCount[i] = count;
    testTime[i] = start + stepTime[i]!;
  }
  const dates: (string | null)[] = order ? Array.from(order, (k) => raw.dates[k] ?? null) : raw.dates.length === n ? raw.dates : raw.dates.slice(0, n);
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
      values: testTime,
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
      chgCap: capCol(c0, 'Charge_Capacity', 'range-scaled'),
      dchgCap: capCol(c1, 'Discharge_Capacity', 'range-scaled'),
      chgEnergy: capCol(c2, 'Charge_Energy', 'range-scaled'),
      dchgEnergy: capCol(c3, 'Discharge_Energy', 'range-scaled'),
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
