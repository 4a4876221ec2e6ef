/**
 * Members of ndc versions 11, 14, 16 and 17, where one record is split over data.ndc
 * (voltage, current), data_runInfo.ndc (times, capacities, timestamps), data_step.ndc
 * (cycle, step, step type) and aux members. Layouts: /work/shared/docs/formats/neware-nda.md
 * (from NewareNDA) plus the step-start time at step item byte 25 (our finding: it equals the
 * previous step's start plus its last step time on every corpus file).
 */
import { UnsupportedVersionError } from '@echemkit/core';
import { checkedSlots, float32Words, forEachItem, ITEMS_AT, maxItems, PAGE, slotsPerPage } from './ndc.js';

/** data.ndc: voltage and current per slot. */
export interface DataMember {
  n: number;
  /** Index = slot + 1. */
  index: Float64Array;
  voltage: Float64Array | Float32Array;
  current: Float64Array | Float32Array;
  /** Voltage stored in 0.1 mV (v11/16) or V (v14/17); current in mA (v11/16) or A (v14/17). */
  scaled: boolean;
}

/** Decodes data.ndc of versions 11–17 (the hot loop: one pass over the pages, no callbacks). */
export function decodeData(b: Uint8Array, version: number, format: string): DataMember {
  if (![11, 14, 16, 17].includes(version)) throw unsupported(version, 'data', format);
  const cap = maxItems(b, 8, 4);
  const index = new Float64Array(cap);
  const scaled = version === 11 || version === 16;
  // Unscaled float32 stay Float32Array (half the memory, the writers print them exactly);
  // scaled ones are f32 × 10^e in a Float64Array (see core Column.scaleExponent).
  const voltage = scaled ? new Float64Array(cap) : new Float32Array(cap);
  const current = scaled ? new Float64Array(cap) : new Float32Array(cap);
  // Items start on 4-byte boundaries (pages of 4096, items at 132 + 8k).
  const f32 = float32Words(b);
  const slots = slotsPerPage(8, 4);
  let n = 0;
  let page = 0;
  for (let p = PAGE; p + ITEMS_AT <= b.length; p += PAGE, page++) {
    const end = Math.min(b.length, p + PAGE - 4);
    const base = page * slots;
    const fit = Math.min(slots, Math.floor((end - p - ITEMS_AT) / 8));
    // Slots from the bitmap; a full page (the usual case) needs no bit tests.
    const full = allValid(b, p + 4, fit);
    for (let k = 0; k < slots; k++) {
      if (!full && ((b[p + 4 + (k >> 3)]! >> (k & 7)) & 1) === 0) continue;
      const o = p + ITEMS_AT + k * 8;
      if (o + 8 > end) break;
      index[n] = base + k + 1;
      const v = f32[o >> 2]!;
      const i = f32[(o >> 2) + 1]!;
      voltage[n] = scaled ? v * 1e-4 : v;
      current[n] = scaled ? i * 1e-3 : i;
      n++;
    }
  }
  return { n, index: index.subarray(0, n), voltage: voltage.subarray(0, n), current: current.subarray(0, n), scaled };
}

/** data_runInfo.ndc items. */
export interface RunInfoMember {
  n: number;
  index: Float64Array;
  /** Step time, s. */
  time: Float64Array;
  /** Interval to the previous record, s. */
  dt: Float64Array;
  chgCap: Float64Array;
  dchgCap: Float64Array;
  chgEnergy: Float64Array;
  dchgEnergy: Float64Array;
  /** Unix time, s (UTC). */
  unix: Float64Array;
  step: Float64Array;
  /** Capacities stored in Ah/Wh (v14/17) or mA·s/mW·s (v11/16). */
  inAh: boolean;
  duplicates: number;
}

const RUNINFO: Record<number, [size: number, trailer: number]> = { 11: [47, 16], 14: [55, 4], 16: [100, 64], 17: [100, 64] };

/** Decodes data_runInfo.ndc (items with Index 0 dropped, duplicate Index keeps the first). */
export function decodeRunInfo(b: Uint8Array, version: number, format: string): RunInfoMember {
  const layout = RUNINFO[version];
  if (!layout) throw unsupported(version, 'runInfo', format);
  const [size, trailer] = layout;
  const cap = maxItems(b, size, trailer);
  const cols = Array.from({ length: 9 }, () => new Float64Array(cap));
  const [index, time, dt, cc, dc, ce, de, unix, step] = cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const inAh = version === 14 || version === 17;
  const slots = checkedSlots(size, trailer);
  let n = 0;
  let last = -Infinity;
  let unsorted = false;
  let decreasing = false;
  for (let p = PAGE; p + ITEMS_AT <= b.length; p += PAGE) {
    const end = Math.min(b.length, p + PAGE - trailer);
    for (let k = 0; k < slots; k++) {
      if (((b[p + 4 + (k >> 3)]! >> (k & 7)) & 1) === 0) continue;
      const o = p + ITEMS_AT + k * size;
      if (o + size > end) break;
      const idx = dv.getInt32(o + 41, true);
      if (idx === 0) continue;
      if (idx <= last) {
        unsorted = true;
        if (idx < last) decreasing = true;
      }
      last = idx;
      index[n] = idx;
      time[n] = dv.getInt32(o, true) / 1000;
      cc[n] = dv.getFloat32(o + 5, true);
      dc[n] = dv.getFloat32(o + 9, true);
      ce[n] = dv.getFloat32(o + 13, true);
      de[n] = dv.getFloat32(o + 17, true);
      dt[n] = dv.getInt32(o + 29, true) / 1000;
      unix[n] = dv.getInt32(o + 33, true) + dv.getInt16(o + 45, true) / 1000;
      step[n] = dv.getInt32(o + 37, true);
      n++;
    }
  }
  let duplicates = 0;
  if (unsorted && !decreasing) {
    // Only repeated Index values (the usual case): keep the first of each run, in place.
    let w = 0;
    for (let r = 0; r < n; r++) {
      if (r > 0 && index[r] === index[r - 1]) continue;
      if (w !== r) for (const c of cols) c[w] = c[r]!;
      w++;
    }
    duplicates = n - w;
    n = w;
  } else if (unsorted) {
    // Stable order by Index; the first of equal Index values is kept.
    const order = Array.from({ length: n }, (_, i) => i).sort((a, c) => index[a]! - index[c]! || a - c);
    const keep: number[] = [];
    let prev = NaN;
    for (const i of order) {
      if (index[i] === prev) {
        duplicates++;
        continue;
      }
      prev = index[i]!;
      keep.push(i);
    }
    for (const c of cols) {
      const copy = Float64Array.from(keep, (i) => c[i]!);
      c.set(copy);
    }
    n = keep.length;
  }
  return { n, index, time, dt, chgCap: cc, dchgCap: dc, chgEnergy: ce, dchgEnergy: de, unix, step, inAh, duplicates };
}

/** data_step.ndc: one item per executed step. */
export interface StepMember {
  n: number;
  /** Vendor cycle, 1-based. */
  cycle: Int32Array;
  stepId: Int32Array;
  status: Uint8Array;
  /** Test time at the step start, s. */
  startTime: Float64Array;
  /** Index of the step's first record. */
  firstIndex: Float64Array;
}

/** Decodes data_step.ndc of versions 11–17. */
export function decodeSteps(b: Uint8Array, version: number, format: string): StepMember {
  const wide = version === 16 || version === 17;
  if (!wide && version !== 11 && version !== 14) throw unsupported(version, 'step', format);
  const [size, trailer] = wide ? [100, 64] : [37, 5];
  const cap = maxItems(b, size, trailer);
  const cycle = new Int32Array(cap);
  const stepId = new Int32Array(cap);
  const status = new Uint8Array(cap);
  const startTime = new Float64Array(cap);
  const firstIndex = new Float64Array(cap);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let n = 0;
  forEachItem(b, size, trailer, (o) => {
    const sid = dv.getInt32(o + 4, true);
    const first = dv.getInt32(o + 33, true);
    if (wide ? first === 0 : sid === 0) return;
    cycle[n] = dv.getInt32(o, true) + 1;
    stepId[n] = sid;
    status[n] = b[o + 24]!;
    startTime[n] = (dv.getUint32(o + 25, true) + dv.getUint32(o + 29, true) * 4294967296) / 1000;
    firstIndex[n] = first;
    n++;
  });
  return { n, cycle: cycle.subarray(0, n), stepId: stepId.subarray(0, n), status: status.subarray(0, n), startTime: startTime.subarray(0, n), firstIndex: firstIndex.subarray(0, n) };
}

/** One value column of an aux member, by Index (slot + 1). */
export interface AuxValues {
  name: string;
  unit: string | null;
  kind: 'temperature' | 'voltage' | 'value';
  dtype: 'float32' | 'int16' | 'int32';
  scaleExponent?: number;
  /** Index of each value; null when `values` is by slot (Index k at k − 1, NaN where the slot holds no item). */
  index: Float64Array | null;
  values: Float64Array | Float32Array;
  /** Aux channel number when the item stores it (v11 0x74). */
  channel?: Float64Array;
}

/** Decodes an aux member of versions 11–17 into its value columns. */
export function decodeAux(b: Uint8Array, version: number, format: string): AuxValues[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (version === 14 || version === 17) {
    // One value per slot (no Index column: the slot is the Index), joined to the records by slot.
    const values = new Float32Array(maxItems(b, 4, 4)).fill(NaN);
    const slots = slotsPerPage(4, 4);
    // Items are 4-byte words (pages of 4096, items at 132 + 4k).
    const f32 = float32Words(b);
    let page = 0;
    for (let p = PAGE; p + ITEMS_AT <= b.length; p += PAGE, page++) {
      const end = Math.min(b.length, p + PAGE - 4);
      const base = page * slots;
      const fit = Math.min(slots, Math.floor((end - p - ITEMS_AT) / 4));
      if (allValid(b, p + 4, fit)) {
        // Every slot holds an item (the usual page): one native copy of the page's values.
        values.set(f32.subarray((p + ITEMS_AT) >> 2, ((p + ITEMS_AT) >> 2) + fit), base);
        continue;
      }
      for (let k = 0; k < slots; k++) {
        if (((b[p + 4 + (k >> 3)]! >> (k & 7)) & 1) === 0) continue;
        const o = p + ITEMS_AT + k * 4;
        if (o + 4 > end) break;
        values[base + k] = f32[o >> 2]!;
      }
    }
    return [{ name: '?', unit: null, kind: 'value', dtype: 'float32', index: null, values }];
  }
  const v11Wide = version === 11 && b.length > 4096 + 132 && b[4096 + 132] === 0x74;
  if (version === 16 || (version === 11 && !v11Wide)) {
    const cap = maxItems(b, 7, 2);
    const index = new Float64Array(cap);
    const volt = new Float64Array(cap);
    const temp = new Float64Array(cap);
    let n = 0;
    const slots = checkedSlots(7, 2);
    const v11 = version === 11;
    let page = 0;
    for (let p = PAGE; p + ITEMS_AT <= b.length; p += PAGE, page++) {
      const end = Math.min(b.length, p + PAGE - 2);
      const base = page * slots;
      for (let k = 0; k < slots; k++) {
        if (((b[p + 4 + (k >> 3)]! >> (k & 7)) & 1) === 0) continue;
        const o = p + ITEMS_AT + k * 7;
        if (o + 7 > end) break;
        if (v11 && b[o] !== 0x65) continue;
        index[n] = base + k + 1;
        volt[n] = dv.getFloat32(o + 1, true) * 1e-4;
        temp[n] = dv.getInt16(o + 5, true) / 10;
        n++;
      }
    }
    const idx = index.subarray(0, n);
    return [
      { name: 'V', unit: '0.1 mV', kind: 'voltage', dtype: 'float32', scaleExponent: -4, index: idx, values: volt.subarray(0, n) },
      { name: 'T', unit: '0.1 °C', kind: 'temperature', dtype: 'int16', index: idx, values: temp.subarray(0, n) },
    ];
  }
  if (v11Wide) {
    const cap = maxItems(b, 88, 4);
    const index = new Float64Array(cap);
    const ch = new Float64Array(cap);
    const temp = new Float64Array(cap);
    let n = 0;
    forEachItem(b, 88, 4, (o) => {
      if (b[o] !== 0x74) return;
      index[n] = dv.getInt32(o + 1, true);
      ch[n] = dv.getInt8(o + 5);
      temp[n] = dv.getInt16(o + 35, true) / 10;
      n++;
    });
    return [{ name: 'T', unit: '0.1 °C', kind: 'temperature', dtype: 'int16', index: index.subarray(0, n), values: temp.subarray(0, n), channel: ch.subarray(0, n) }];
  }
  throw unsupported(version, 'aux', format);
}

/** True when bits 0…count − 1 of the bitmap at `at` are all set. */
function allValid(b: Uint8Array, at: number, count: number): boolean {
  if (count <= 0) return false;
  const whole = count >> 3;
  for (let i = 0; i < whole; i++) if (b[at + i] !== 0xff) return false;
  const rest = count & 7;
  return rest === 0 || (b[at + whole]! & ((1 << rest) - 1)) === (1 << rest) - 1;
}

function unsupported(version: number, what: string, format: string): UnsupportedVersionError {
  return new UnsupportedVersionError(`ndc version ${version} ${what} member is not supported`, {
    format,
    expected: 'ndc 2, 5, 11, 14, 16 or 17',
    actual: String(version),
    hint: 'Export the test from BTSDA as CSV or Excel; echemkit reads those exports',
  });
}
