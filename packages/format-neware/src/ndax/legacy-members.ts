/**
 * ndc versions 2 and 5: complete integer records (the `.nda` v29 field set shifted by the
 * record header), scaled by the current-range table, local wall-clock dates.
 * - v2: 94-byte records found by searching the 8 bytes at member offset 517 (the record start).
 * - v5: 4096-byte pages from 4096; 45 slots of 87 bytes from page byte 125; slot byte 7 is
 *   the record type (0x55 data, 0x65/0x74 aux).
 */
import { indexOfBytes, WallTextCache } from '../common/bytes.js';
import { GrowableF64 } from '../common/records.js';
import { RawIntegerRecords, i64, u64, unknownRange, type RawAux } from '../common/integer-records.js';
import { PAGE } from './ndc.js';

/** Appends the record at `o` (offsets in `ndc record`, relative to the record/slot start). */
function pushRecord(out: RawIntegerRecords, b: Uint8Array, dv: DataView, o: number, dates: WallTextCache): void {
  const n = out.n++;
  out.index[n] = dv.getUint32(o + 8, true);
  out.cycle[n] = dv.getUint32(o + 12, true) + 1;
  out.stepId[n] = b[o + 16]!;
  out.status[n] = b[o + 17]!;
  out.stepTime[n] = u64(dv, o + 23) / 1000;
  out.voltage[n] = dv.getInt32(o + 31, true) / 10000;
  out.current[n] = dv.getInt32(o + 35, true);
  out.chgCap[n] = i64(dv, o + 43);
  out.dchgCap[n] = i64(dv, o + 51);
  out.chgEnergy[n] = i64(dv, o + 59);
  out.dchgEnergy[n] = i64(dv, o + 67);
  const rg = dv.getInt32(o + 82, true);
  out.range[n] = rg;
  if (!out.offset && unknownRange(rg)) out.keepOffsets();
  if (out.offset) out.offset[n] = o;
  out.dates[n] = dates.at(b, dv, o + 75);
}

class AuxCollector {
  index = new GrowableF64(16);
  channel = new GrowableF64(16);
  voltage = new GrowableF64(16);
  temperature = new GrowableF64(16);
  t2 = new GrowableF64(16);
  wide = false;
  add(b: Uint8Array, dv: DataView, o: number, type: number): void {
    this.channel.push(b[o + 3]!);
    this.index.push(dv.getUint32(o + 8, true));
    this.voltage.push(dv.getInt32(o + 31, true) / 10000);
    this.temperature.push(dv.getInt16(o + 41, true) / 10);
    if (type === 0x74) this.wide = true;
    this.t2.push(type === 0x74 ? dv.getInt16(o + 43, true) / 10 : NaN);
  }
  finish(): RawAux {
    const a: RawAux = { index: this.index.finish(), channel: this.channel.finish(), voltage: this.voltage.finish(), temperature: this.temperature.finish(), tempDtype: 'int16', voltDtype: 'int32' };
    if (this.wide) a.t2 = this.t2.finish();
    return a;
  }
}

/** Decodes a v2 or v5 member (data or aux records, whichever it holds). */
export function decodeLegacy(b: Uint8Array, version: number): { records: RawIntegerRecords; aux: RawAux } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const aux = new AuxCollector();
  const dates = new WallTextCache();
  if (version === 2) {
    const REC = 94;
    const out = new RawIntegerRecords(Math.floor(b.length / REC));
    if (b.length >= 525) {
      const id = b.slice(517, 525);
      let hit = indexOfBytes(b, id);
      while (hit >= 0 && hit + REC <= b.length) {
        const t = b[hit]!;
        if (t === 0x55) pushRecord(out, b, dv, hit, dates);
        else if (t === 0x65 || t === 0x74) aux.add(b, dv, hit, t);
        hit = indexOfBytes(b, id, hit + REC);
      }
    }
    out.setCount(out.n);
    return { records: out, aux: aux.finish() };
  }
  const SLOT = 87;
  const out = new RawIntegerRecords(Math.max(0, Math.ceil((b.length - PAGE) / PAGE)) * 45);
  for (let p = PAGE; p < b.length; p += PAGE) {
    const end = Math.min(b.length, p + PAGE - 56);
    for (let o = p + 125; o + SLOT <= end; o += SLOT) {
      const t = b[o + 7]!;
      if (t === 0x55) pushRecord(out, b, dv, o, dates);
      else if (t === 0x65 || t === 0x74) aux.add(b, dv, o, t);
    }
  }
  out.setCount(out.n);
  return { records: out, aux: aux.finish() };
}
