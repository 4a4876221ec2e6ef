/**
 * Module container of a `.mpr`: the 52-byte magic, then `MODULE` + header + data, read
 * sequentially by the header's length (never by searching for the text "MODULE").
 */
import { FormatError, hasMagic } from '@echemkit/core';
import { Parser } from 'binary-parser';
import { MPR_MAGIC } from './sniff.js';

export { MPR_MAGIC };
/** Offset of the first module. */
export const FIRST_MODULE_OFFSET = 0x34;
const OLD_HEADER = 51;
const NEW_HEADER = 59;

/** One module as found in the file. */
export interface MprModule {
  /** Short name, trimmed: `VMP Set`, `VMP data`, `VMP LOG`, `VMP loop`, `VMP ExtDev`. */
  shortName: string;
  longName: string;
  /** Header generation: 1 = 51-byte header (EC-Lab < 11.50), 2 = 59-byte header. */
  headerGeneration: 1 | 2;
  /** Version field (old header) or old-version field (new header). */
  version: number;
  /** New-version field of the 59-byte header (10 for Set/LOG/loop, 11 for data), else null. */
  newVersion: number | null;
  /** Date text of the header (month/day/year, 2-digit year). */
  date: string;
  /** Offset of the module's header (the `MODULE` text). */
  offset: number;
  /** Offset of the module's data. */
  dataOffset: number;
  /** Data length the header declares. */
  declaredLength: number;
  /** The data bytes present (shorter than declared when the file is cut). */
  data: Uint8Array;
}

/** 51-byte module header of EC-Lab < 11.50. */
const oldHeaderParser = new Parser()
  .endianness('little')
  .string('shortName', { length: 10, encoding: 'latin1' })
  .string('longName', { length: 25, encoding: 'latin1' })
  .uint32('length')
  .uint32('version')
  .string('date', { length: 8, encoding: 'latin1' });

/** 59-byte module header of EC-Lab ≥ 11.50 (0xFFFFFFFF "max length" marker at byte 35). */
const newHeaderParser = new Parser()
  .endianness('little')
  .string('shortName', { length: 10, encoding: 'latin1' })
  .string('longName', { length: 25, encoding: 'latin1' })
  .uint32('maxLength')
  .uint32('length')
  .uint32('version')
  .uint32('newVersion')
  .string('date', { length: 8, encoding: 'latin1' });

interface RawHeader {
  shortName: string;
  longName: string;
  length: number;
  version: number;
  newVersion?: number;
  date: string;
}

const trimText = (s: string) => s.replace(/[\s\0]+$/, '');

function text(bytes: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[o + i]!);
  return s.replace(/[\s\0]+$/, '');
}

/**
 * Reads all modules. A module whose data runs past the end of the file is returned with the
 * bytes present (`data.length < declaredLength`) and ends the list; `onTruncated` is told.
 * @example
 * const mods = readModules(bytes, 'biologic.mpr', () => {});
 * mods.map((m) => m.shortName); // ['VMP Set', 'VMP data', 'VMP LOG']
 */
export function readModules(bytes: Uint8Array, format: string, onTruncated: (m: MprModule | null, offset: number, note: string) => void): MprModule[] {
  if (!hasMagic(bytes, MPR_MAGIC)) {
    throw new FormatError('not a Bio-Logic .mpr file', { format, offset: 0, expected: `"${MPR_MAGIC}"`, actual: JSON.stringify(text(bytes, 0, Math.min(22, bytes.length))), hint: 'EC-Lab/BT-Lab .mpr files start with this text' });
  }
  const out: MprModule[] = [];
  let at = FIRST_MODULE_OFFSET;
  // Each iteration consumes at least the header, so the loop is bounded by the file size.
  while (at < bytes.length) {
    if (!hasMagic(bytes, 'MODULE', at)) {
      if (at + 6 > bytes.length) {
        onTruncated(null, at, `${bytes.length - at} stray byte(s) after the last module`);
        break;
      }
      throw new FormatError('expected a module header', { format, offset: at, expected: '"MODULE"', actual: JSON.stringify(text(bytes, at, Math.min(6, bytes.length - at))) });
    }
    const h = at + 6;
    if (h + OLD_HEADER > bytes.length) {
      onTruncated(null, at, 'the file ends inside a module header');
      break;
    }
    const marker = (bytes[h + 35]! | (bytes[h + 36]! << 8) | (bytes[h + 37]! << 16) | (bytes[h + 38]! << 24)) >>> 0;
    const gen: 1 | 2 = marker === 0xffffffff ? 2 : 1;
    const hl = gen === 2 ? NEW_HEADER : OLD_HEADER;
    if (h + hl > bytes.length) {
      onTruncated(null, at, 'the file ends inside a module header');
      break;
    }
    const raw = (gen === 2 ? newHeaderParser : oldHeaderParser).parse(bytes.subarray(h, h + hl)) as RawHeader;
    const declaredLength = raw.length;
    const dataOffset = h + hl;
    const end = Math.min(bytes.length, dataOffset + declaredLength);
    const mod: MprModule = {
      shortName: trimText(raw.shortName),
      longName: trimText(raw.longName),
      headerGeneration: gen,
      version: raw.version,
      newVersion: gen === 2 ? (raw.newVersion ?? null) : null,
      date: trimText(raw.date),
      offset: at,
      dataOffset,
      declaredLength,
      data: bytes.subarray(dataOffset, end),
    };
    out.push(mod);
    if (dataOffset + declaredLength > bytes.length) {
      onTruncated(mod, dataOffset, `module "${mod.shortName}" declares ${declaredLength} bytes but ${end - dataOffset} are present`);
      break;
    }
    at = dataOffset + declaredLength;
  }
  return out;
}
