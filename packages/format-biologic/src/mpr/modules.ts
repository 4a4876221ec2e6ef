/**
 * Module container of a `.mpr`: the 52-byte magic, then `MODULE` + header + data, read
 * sequentially by the header's length (never by searching for the text "MODULE").
 */
import { FormatError, hasMagic, type ByteSource } from '@echemkit/core';
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
  /** Data bytes present in the file (fewer than declared when the file is cut). */
  present: number;
  /** The data bytes present; for `VMP data` only the first ones (its records are read from `source`). */
  data: Uint8Array;
  /** The file, for reading the records of `VMP data` by offset. */
  source: ByteSource;
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

/** Bytes of the data module read up front: its header, column IDs and padding (records start by 0x3ef). */
const DATA_HEAD = 4096;

/**
 * Reads all modules. A module whose data runs past the end of the file is returned with the
 * bytes present (`present < declaredLength`) and ends the list; `onTruncated` is told. The
 * `VMP data` module's `data` holds only its first bytes: its records are read from `source`
 * by offset when decoded, so a large file need not be in memory whole.
 * @example
 * const mods = readModules(bytesSource(bytes), 'biologic.mpr', () => {});
 * mods.map((m) => m.shortName); // ['VMP Set', 'VMP data', 'VMP LOG']
 */
export function readModules(source: ByteSource, format: string, onTruncated: (m: MprModule | null, offset: number, note: string) => void): MprModule[] {
  const size = source.size;
  const magic = source.read(0, FIRST_MODULE_OFFSET);
  if (!hasMagic(magic, MPR_MAGIC)) {
    throw new FormatError('not a Bio-Logic .mpr file', { format, offset: 0, expected: `"${MPR_MAGIC}"`, actual: JSON.stringify(text(magic, 0, Math.min(22, magic.length))), hint: 'EC-Lab/BT-Lab .mpr files start with this text' });
  }
  const out: MprModule[] = [];
  let at = FIRST_MODULE_OFFSET;
  // Each iteration consumes at least the header, so the loop is bounded by the file size.
  while (at < size) {
    // `MODULE` and the longest header; fewer bytes at the end of the file.
    const head = source.read(at, 6 + NEW_HEADER);
    if (!hasMagic(head, 'MODULE')) {
      if (head.length < 6) {
        onTruncated(null, at, `${size - at} stray byte(s) after the last module`);
        break;
      }
      throw new FormatError('expected a module header', { format, offset: at, expected: '"MODULE"', actual: JSON.stringify(text(head, 0, 6)) });
    }
    if (6 + OLD_HEADER > head.length) {
      onTruncated(null, at, 'the file ends inside a module header');
      break;
    }
    const marker = (head[6 + 35]! | (head[6 + 36]! << 8) | (head[6 + 37]! << 16) | (head[6 + 38]! << 24)) >>> 0;
    const gen: 1 | 2 = marker === 0xffffffff ? 2 : 1;
    const hl = gen === 2 ? NEW_HEADER : OLD_HEADER;
    if (6 + hl > head.length) {
      onTruncated(null, at, 'the file ends inside a module header');
      break;
    }
    const raw = (gen === 2 ? newHeaderParser : oldHeaderParser).parse(head.subarray(6, 6 + hl)) as RawHeader;
    const declaredLength = raw.length;
    const dataOffset = at + 6 + hl;
    const end = Math.min(size, dataOffset + declaredLength);
    const shortName = trimText(raw.shortName);
    const present = end - dataOffset;
    const mod: MprModule = {
      shortName,
      longName: trimText(raw.longName),
      headerGeneration: gen,
      version: raw.version,
      newVersion: gen === 2 ? (raw.newVersion ?? null) : null,
      date: trimText(raw.date),
      offset: at,
      dataOffset,
      declaredLength,
      present,
      data: source.read(dataOffset, shortName === 'VMP data' ? Math.min(present, DATA_HEAD) : present),
      source,
    };
    out.push(mod);
    if (dataOffset + declaredLength > size) {
      onTruncated(mod, dataOffset, `module "${mod.shortName}" declares ${declaredLength} bytes but ${present} are present`);
      break;
    }
    at = dataOffset + declaredLength;
  }
  return out;
}
