/**
 * `.nda` version 29 (BTS 7.x): 86-byte records after a header of unknown length. Main
 * records start `55 00`, auxiliary records `65`; both end with four zero bytes. Integers
 * scaled by the current-range table. Dates are local wall-clock fields.
 */
import { FormatError, type ParseContext } from '@echemkit/core';
import { indexOfBytes, WallTextCache } from '../common/bytes.js';
import { GrowableF64 } from '../common/records.js';
import { RawIntegerRecords, unknownRange } from '../common/integer-records.js';

const RECORD = 86;
const START_PATTERN = [0x00, 0x00, 0x00, 0x00, 0x55, 0x00];

/** Offset of the first main record, or -1. */
function findStart(b: Uint8Array): number {
  let hit = indexOfBytes(b, START_PATTERN);
  while (hit >= 0) {
    const s = hit + 4;
    // NewareNDA's acceptance rule: a non-zero status and the next record again starting 0x55.
    if (s + 13 <= b.length && b[s + 12] !== 0 && (s + RECORD >= b.length || b[s + RECORD] === 0x55)) return s;
    hit = indexOfBytes(b, START_PATTERN, hit + 1);
  }
  return -1;
}

/** Decodes the records of a version-29 file (one pass, straight into typed columns). */
export function decodeNda29(b: Uint8Array, ctx: ParseContext): RawIntegerRecords {
  const start = findStart(b);
  if (start < 0) {
    throw new FormatError('no data record found', { format: ctx.format, expected: 'a record starting 55 00 after four zero bytes', hint: 'The file may hold no data yet; export it from BTSDA to check' });
  }
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const cap = Math.floor((b.length - start) / RECORD);
  const out = new RawIntegerRecords(cap);
  const { index, cycle, stepId, status, stepTime, voltage, current, chgCap, dchgCap, chgEnergy, dchgEnergy, range, dates } = out;
  let offset: Float64Array | undefined;
  let lastRange = NaN;
  const auxIndex = new GrowableF64(16);
  const auxNo = new GrowableF64(16);
  const auxV = new GrowableF64(16);
  const auxT = new GrowableF64(16);
  const wall = new WallTextCache();
  const len = b.length;
  let skipped = 0;
  let n = 0;
  let o = start;
  for (; o + RECORD <= len; o += RECORD) {
    if (b[o + 82] !== 0 || b[o + 83] !== 0 || b[o + 84] !== 0 || b[o + 85] !== 0) {
      skipped++;
      continue;
    }
    const m = b[o]!;
    if (m === 0x55 && b[o + 1] === 0x00) {
      const idx = dv.getUint32(o + 2, true);
      const st = b[o + 12]!;
      if (idx === 0 || st === 0) {
        skipped++;
        continue;
      }
      index[n] = idx;
      cycle[n] = dv.getUint32(o + 6, true) + 1;
      stepId[n] = dv.getUint16(o + 10, true);
      status[n] = st;
      stepTime[n] = (dv.getUint32(o + 14, true) + dv.getUint32(o + 18, true) * 4294967296) / 1000;
      voltage[n] = dv.getInt32(o + 22, true) / 10000;
      current[n] = dv.getInt32(o + 26, true);
      chgCap[n] = dv.getUint32(o + 38, true) + dv.getInt32(o + 42, true) * 4294967296;
      dchgCap[n] = dv.getUint32(o + 46, true) + dv.getInt32(o + 50, true) * 4294967296;
      chgEnergy[n] = dv.getUint32(o + 54, true) + dv.getInt32(o + 58, true) * 4294967296;
      dchgEnergy[n] = dv.getUint32(o + 62, true) + dv.getInt32(o + 66, true) * 4294967296;
      const rg = dv.getInt32(o + 78, true);
      range[n] = rg;
      if (rg !== lastRange) {
        lastRange = rg;
        if (!offset && unknownRange(rg)) offset = out.keepOffsets();
      }
      if (offset) offset[n] = o;
      dates[n] = wall.at(b, dv, o + 70);
      n++;
    } else if (m === 0x65) {
      auxNo.push(b[o + 1]!);
      auxIndex.push(dv.getUint32(o + 2, true));
      auxV.push(dv.getInt32(o + 22, true) / 10000);
      auxT.push(dv.getInt16(o + 34, true) / 10);
    } else skipped++;
  }
  out.setCount(n);
  if (o < len) {
    ctx.warn(`the file ends inside a record (${len - o} of ${RECORD} bytes); every complete record was read`, { ruleId: 'truncated-record', offset: o, expected: `${RECORD} bytes`, actual: `${len - o}` });
  }
  if (skipped) ctx.info(`${skipped} 86-byte block(s) are neither data nor auxiliary records and were skipped`, { ruleId: 'skipped-blocks', actual: String(skipped) });
  out.aux = { index: auxIndex.finish(), channel: auxNo.finish(), voltage: auxV.finish(), temperature: auxT.finish(), tempDtype: 'int16', voltDtype: 'int32' };
  return out;
}
