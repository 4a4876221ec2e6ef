/**
 * `.nda` version 130 (BTS 9.x). Two layouts, told apart by byte 1024:
 * - BTS 9.0: fixed 88-byte blocks from 1024; data blocks start with the 6 bytes found at
 *   1024, aux blocks with `00 00 00 00 65`, 0x81 ends the data. Float32 values in V, mA,
 *   mA·s and mW·s; UTC timestamps in µs. No cycle number.
 * - BTS 9.1 (byte 1024 = 0x55): records of the length found between the first two
 *   occurrences of the record start; float32 current/voltage, one SIGNED capacity and energy
 *   (+ charge, − discharge), UTC timestamps in s + ns, a temperature when the record is 56 bytes.
 */
import { FormatError, type ParseContext } from '@echemkit/core';
import { indexOfBytes } from '../common/bytes.js';
import { countStepChanges, GrowableF64, pick, sortedUniqueOrder, type AuxCol, type NewareRecords } from '../common/records.js';
import { u64 } from '../common/integer-records.js';

const FIELDS = 12;

/** Decodes a version-130 file. */
export function decodeNda130(b: Uint8Array, ctx: ParseContext): { records: NewareRecords; layout: '9.0' | '9.1' } {
  if (b.length < 1024 + 8) {
    throw new FormatError('the file ends before the first record', { format: ctx.format, offset: b.length, expected: 'records from byte 1024' });
  }
  return b[1024] === 0x55 ? { records: decode91(b, ctx), layout: '9.1' } : { records: decode90(b, ctx), layout: '9.0' };
}

function decode90(b: Uint8Array, ctx: ParseContext): NewareRecords {
  const REC = 88;
  const id = b.subarray(1024, 1030);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const cap = Math.floor((b.length - 1024) / REC);
  const f = Array.from({ length: FIELDS }, () => new Float64Array(cap));
  const [index, stepId, status, time, volt, cur, cc, ce, dc, de, unix] = f as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const aIdx = new GrowableF64(16);
  const aNo = new GrowableF64(16);
  const aV = new GrowableF64(16);
  const aT = new GrowableF64(16);
  let n = 0;
  let o = 1024;
  let ended = false;
  for (; o + REC <= b.length; o += REC) {
    let isData = true;
    for (let k = 0; k < 6; k++) if (b[o + k] !== id[k]) isData = false;
    if (isData) {
      stepId[n] = b[o + 9]!;
      status[n] = b[o + 10]!;
      index[n] = dv.getUint32(o + 16, true);
      time[n] = u64(dv, o + 28) / 1e6;
      volt[n] = dv.getFloat32(o + 36, true);
      cur[n] = dv.getFloat32(o + 40, true) * 1e-3;
      cc[n] = dv.getFloat32(o + 52, true) / 3600 / 1000;
      ce[n] = dv.getFloat32(o + 56, true) / 3600 / 1000;
      // Stored negative (discharge direction); BDF discharging values are magnitudes.
      dc[n] = -dv.getFloat32(o + 60, true) / 3600 / 1000;
      de[n] = -dv.getFloat32(o + 64, true) / 3600 / 1000;
      unix[n] = u64(dv, o + 68) / 1e6;
      n++;
    } else if (b[o] === 0 && b[o + 1] === 0 && b[o + 2] === 0 && b[o + 3] === 0 && b[o + 4] === 0x65) {
      aNo.push(b[o + 5]!);
      aIdx.push(dv.getUint32(o + 6, true));
      aV.push(dv.getInt32(o + 26, true) / 10000);
      aT.push(dv.getInt16(o + 38, true) / 10);
    } else if (b[o] === 0x81) {
      ended = true;
      break;
    }
  }
  if (!ended && o < b.length && b.length - o < REC) {
    ctx.warn(`the file ends inside a record (${b.length - o} of ${REC} bytes) and without the end marker; every complete record was read`, { ruleId: 'truncated-record', offset: o });
  }
  const order = sortedUniqueOrder(index, n);
  const take = (a: Float64Array) => pick(order ? a : a.subarray(0, n), order);
  const idx = take(index);
  const m = idx.length;
  const sid = Int32Array.from(take(stepId));
  const st = Uint8Array.from(take(status));
  const t = take(time);
  const stepCount = countStepChanges(m, sid, st);
  const rec: NewareRecords = {
    n: m,
    index: idx,
    stepId: sid,
    status: st,
    stepCount: { values: stepCount, derived: true, description: 'Counted: +1 whenever step number or step type changes (the file has no step counter).' },
    testTime: { values: t, dtype: 'float64', sourceName: 'Time', sourceUnit: 'µs' },
    unixTime: { values: take(unix), dtype: 'float64', sourceName: 'Timestamp', sourceUnit: 'µs' },
    voltage: { values: take(volt), dtype: 'float32', sourceName: 'Voltage', sourceUnit: 'V' },
    current: { values: take(cur), dtype: 'float32', scaleExponent: -3, sourceName: 'Current', sourceUnit: 'mA' },
    capacity: {
      kind: 'split',
      chgCap: { values: take(cc), dtype: 'float32', sourceName: 'Charge_Capacity', sourceUnit: 'mA·s' },
      dchgCap: { values: take(dc), dtype: 'float32', sourceName: 'Discharge_Capacity', sourceUnit: 'mA·s', description: 'Stored negative in the BTS 9.0 layout; sign reversed to the BDF convention (non-negative).' },
      chgEnergy: { values: take(ce), dtype: 'float32', sourceName: 'Charge_Energy', sourceUnit: 'mW·s' },
      dchgEnergy: { values: take(de), dtype: 'float32', sourceName: 'Discharge_Energy', sourceUnit: 'mW·s', description: 'Stored negative in the BTS 9.0 layout; sign reversed to the BDF convention (non-negative).' },
    },
    aux: joinAux(aIdx.finish(), aNo.finish(), aV.finish(), aT.finish(), idx),
    extra: [],
  };
  ctx.info('BTS 9.0 layout: the records hold no cycle number; see the derived Cycle (BTSDA) column', { ruleId: 'no-cycle-number' });
  return rec;
}

function decode91(b: Uint8Array, ctx: ParseContext): NewareRecords {
  const next = indexOfBytes(b, [b[1024]!, b[1025]!], 1026, Math.min(b.length, 1024 + 4096));
  const len = next < 0 ? -1 : next - 1024;
  if (len < 52 || len > 1024) {
    throw new FormatError('cannot find the record length of the BTS 9.1 layout', { format: ctx.format, offset: 1024, expected: 'a second record start 52…1024 bytes after byte 1024', actual: len < 0 ? 'none' : `${len} bytes`, hint: 'Export the test from BTSDA' });
  }
  const hasTemp = len >= 56;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const cap = Math.floor((b.length - 1024) / len);
  const f = Array.from({ length: FIELDS }, () => new Float64Array(cap));
  const [index, stepId, status, time, volt, cur, qn, en, cyc, unix, temp] = f as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  let n = 0;
  let o = 1024;
  let lastWasRecord = false;
  for (; o + len <= b.length; o += len) {
    lastWasRecord = b[o] === 0x55;
    if (!lastWasRecord) continue;
    stepId[n] = b[o + 2]!;
    status[n] = b[o + 3]!;
    index[n] = dv.getUint32(o + 8, true);
    time[n] = dv.getUint32(o + 12, true) + dv.getUint32(o + 16, true) / 1e9;
    cur[n] = dv.getFloat32(o + 20, true) * 1e-3;
    volt[n] = dv.getFloat32(o + 24, true);
    qn[n] = dv.getFloat32(o + 28, true) / 3600 / 1000;
    en[n] = dv.getFloat32(o + 32, true) / 3600 / 1000;
    cyc[n] = dv.getUint32(o + 36, true) + 1;
    unix[n] = dv.getUint32(o + 44, true) + dv.getUint32(o + 48, true) / 1e9;
    if (hasTemp) temp[n] = dv.getFloat32(o + 52, true);
    n++;
  }
  // Records up to the end and a partial one after them: cut off. Otherwise the file ends with its footer.
  if (o < b.length && lastWasRecord) ctx.warn(`the file ends inside a record (${b.length - o} of ${len} bytes); every complete record was read`, { ruleId: 'truncated-record', offset: o });
  const order = sortedUniqueOrder(index, n);
  const take = (a: Float64Array) => pick(order ? a : a.subarray(0, n), order);
  const idx = take(index);
  const m = idx.length;
  const sid = Int32Array.from(take(stepId));
  const st = Uint8Array.from(take(status));
  const cycle = Int32Array.from(take(cyc));
  const aux: AuxCol[] = hasTemp ? [{ kind: 'temperature', values: take(temp), dtype: 'float32', sourceName: 'T1', sourceUnit: '°C', vendorName: 'T1' }] : [];
  return {
    n: m,
    index: idx,
    cycle,
    stepId: sid,
    status: st,
    stepCount: { values: countStepChanges(m, sid, st, cycle), derived: true, description: 'Counted: +1 whenever step number, step type or cycle changes (the file has no step counter).' },
    testTime: { values: take(time), dtype: 'float64', sourceName: 'Time', sourceUnit: 's + ns' },
    unixTime: { values: take(unix), dtype: 'float64', sourceName: 'Timestamp', sourceUnit: 's + ns' },
    voltage: { values: take(volt), dtype: 'float32', sourceName: 'Voltage', sourceUnit: 'V' },
    current: { values: take(cur), dtype: 'float32', scaleExponent: -3, sourceName: 'Current', sourceUnit: 'mA' },
    capacity: {
      kind: 'signed',
      netCap: { values: take(qn), dtype: 'float32', sourceName: 'Capacity', sourceUnit: 'mA·s', description: 'Signed per-step capacity as stored: + charge, − discharge.' },
      netEnergy: { values: take(en), dtype: 'float32', sourceName: 'Energy', sourceUnit: 'mW·s', description: 'Signed per-step energy as stored: + charge, − discharge.' },
    },
    aux,
    extra: [],
  };
}

/** Joins v130 (9.0) aux records on Index: temperature and voltage per aux channel. */
function joinAux(aIdx: Float64Array, aNo: Float64Array, aV: Float64Array, aT: Float64Array, index: Float64Array): AuxCol[] {
  if (!aIdx.length) return [];
  const rowOf = new Map<number, number>();
  for (let i = 0; i < index.length; i++) rowOf.set(index[i]!, i);
  const out: AuxCol[] = [];
  for (const ch of [...new Set(Array.from(aNo))].sort((x, y) => x - y)) {
    const t = new Float64Array(index.length).fill(NaN);
    const v = new Float64Array(index.length).fill(NaN);
    for (let k = 0; k < aIdx.length; k++) {
      if (aNo[k] !== ch) continue;
      const r = rowOf.get(aIdx[k]!);
      if (r === undefined) continue;
      t[r] = aT[k]!;
      v[r] = aV[k]!;
    }
    out.push({ kind: 'temperature', values: t, dtype: 'int16', sourceName: `T${ch}`, sourceUnit: '0.1 °C', vendorName: `T${ch}` });
    out.push({ kind: 'voltage', values: v, dtype: 'int32', sourceName: `V${ch}`, sourceUnit: '0.1 mV', vendorName: `V${ch}` });
  }
  return out;
}
