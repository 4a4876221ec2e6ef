/**
 * The `VMP data` module: point count, column IDs (little-endian u16, big-endian u16 since
 * EC-Lab 11.50, or u8), the record start for the data version, then the records.
 */
import { FormatError, TruncatedError, UnsupportedVersionError, type ParseContext } from '@echemkit/core';
import { buildLayout, type RecordLayout } from './layout.js';
import type { MprModule } from './modules.js';
import { decodeRecords, type RawMprColumn } from './records.js';

/** How the column IDs are stored and where the records start. */
export interface DataEncoding {
  /** `le16` (data versions 2/3), `be16` (EC-Lab ≥ 11.50), `u8` (rare version-0 variant). */
  ids: 'le16' | 'be16' | 'u8';
  /** Offset of the first record inside the module data. */
  recordStart: number;
}

export interface DataModuleResult {
  /** Data version (2, 3, or 0 with new-version 11). */
  version: number;
  newVersion: number | null;
  encoding: DataEncoding;
  /** Point count the header declares. */
  declaredPoints: number;
  /** Records read. */
  points: number;
  ids: number[];
  layout: RecordLayout;
  columns: RawMprColumn[];
}

/** Where the IDs are and how they are stored, from the module version (galvani, yadg). */
export function dataEncoding(mod: MprModule, format: string): DataEncoding {
  const d = mod.data;
  if (mod.version === 2) return { ids: 'le16', recordStart: 0x195 };
  if (mod.version === 3) return { ids: 'le16', recordStart: 0x196 };
  if (mod.version === 0) {
    // 59-byte headers (EC-Lab ≥ 11.50) always hold big-endian IDs, whose first byte may be
    // non-zero (IDs ≥ 256); galvani's one-byte-ID variant is told apart only in old headers.
    if (mod.headerGeneration === 1 && d.length > 5 && d[5] !== 0) return { ids: 'u8', recordStart: 100 };
    return { ids: 'be16', recordStart: 0x3ef };
  }
  throw new UnsupportedVersionError(`VMP data module version ${mod.version} is not known`, {
    format,
    offset: mod.offset,
    expected: 'version 0, 2 or 3',
    actual: String(mod.version),
    hint: 'Export the file as .mpt from EC-Lab and report the version',
  });
}

export interface DataContext {
  ctx: ParseContext;
  techniqueId: number | null;
  softwareVersion: string | null;
}

/**
 * Decodes the `VMP data` module into raw columns keyed by `.mpt` name.
 * @example
 * const r = readDataModule(dataModule, { ctx, techniqueId: 4, softwareVersion: '11.50' });
 * r.columns.map((c) => c.name); // ['mode', 'ox/red', …, 'time/s', …]
 */
export function readDataModule(mod: MprModule, dc: DataContext): DataModuleResult {
  const { ctx } = dc;
  const format = ctx.format;
  const d = mod.data;
  if (d.length < 5) throw new TruncatedError('the VMP data module ends before its point count and column count', { format, offset: mod.dataOffset, expected: '5 bytes', actual: `${d.length}` });
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const declaredPoints = dv.getUint32(0, true);
  const nCols = d[4]!;
  const encoding = dataEncoding(mod, format);
  const idBytes = encoding.ids === 'u8' ? nCols : 2 * nCols;
  if (5 + idBytes > d.length) throw new TruncatedError('the VMP data module ends inside its column-ID list', { format, offset: mod.dataOffset + 5, expected: `${idBytes} bytes`, actual: `${d.length - 5}` });
  if (5 + idBytes > encoding.recordStart) {
    throw new FormatError(`${nCols} column IDs do not fit before the first record`, { format, offset: mod.dataOffset + 4, expected: `at most ${Math.floor((encoding.recordStart - 5) / (encoding.ids === 'u8' ? 1 : 2))} columns`, actual: String(nCols) });
  }
  const ids: number[] = [];
  for (let i = 0; i < nCols; i++) {
    ids.push(encoding.ids === 'u8' ? d[5 + i]! : dv.getUint16(5 + 2 * i, encoding.ids === 'le16'));
  }
  if (nCols === 0) throw new FormatError('the VMP data module lists no columns', { format, offset: mod.dataOffset + 4, expected: 'at least one column', actual: '0' });
  // Padding between the ID list and the records is zero in the files seen (galvani asserts it).
  let nonZero = 0;
  const padEnd = Math.min(encoding.recordStart, d.length);
  for (let i = 5 + idBytes; i < padEnd; i++) if (d[i] !== 0) nonZero++;
  if (nonZero > 2) ctx.info(`${nonZero} non-zero byte(s) in the padding before the first record`, { ruleId: 'nonzero-padding', offset: mod.dataOffset + 5 + idBytes });

  const declaredBody = mod.declaredLength - encoding.recordStart;
  const implied = declaredPoints > 0 && declaredBody > 0 && declaredBody % declaredPoints === 0 ? declaredBody / declaredPoints : null;
  const layout = buildLayout({ ids, newGeneration: encoding.ids === 'be16', techniqueId: dc.techniqueId, impliedRecordSize: implied, format, offset: mod.dataOffset + 5, softwareVersion: dc.softwareVersion });
  if (implied !== null && implied !== layout.recordSize) {
    // The table's sizes do not add up to what the module holds: reading on would give garbage.
    throw new FormatError(`records of ${layout.recordSize} bytes from the column table, but the data module holds ${implied}-byte records`, {
      format,
      offset: mod.dataOffset,
      expected: `${declaredPoints} × ${layout.recordSize} bytes after offset ${encoding.recordStart}`,
      actual: `${declaredBody} bytes (IDs ${ids.join(',')}, EC-Lab ${dc.softwareVersion ?? 'version unknown'})`,
      hint: 'A column ID has a different size in this EC-Lab version; please report the file with its .mpt export',
    });
  }
  for (const n of layout.notes) ctx.warn(n.message, { ruleId: 'unknown-column-id', offset: mod.dataOffset + 5, actual: String(n.id) });

  const present = Math.max(0, mod.present - encoding.recordStart);
  const available = Math.floor(present / layout.recordSize);
  const points = Math.min(declaredPoints, available);
  if (declaredPoints > available) {
    ctx.warn(`the file holds ${available} complete record(s) of the ${declaredPoints} the data module declares; reading ${points}`, {
      ruleId: 'truncated-record',
      offset: mod.dataOffset + encoding.recordStart + available * layout.recordSize,
      record: available,
      expected: `${declaredPoints} records of ${layout.recordSize} bytes`,
      actual: `${present} bytes`,
    });
  } else if (present !== declaredPoints * layout.recordSize) {
    const extra = present - declaredPoints * layout.recordSize;
    ctx.warn(`${extra} byte(s) after the ${declaredPoints} declared record(s) of ${layout.recordSize} bytes are not read`, { ruleId: 'record-size-mismatch', offset: mod.dataOffset + encoding.recordStart + declaredPoints * layout.recordSize, expected: `${declaredPoints * layout.recordSize} bytes`, actual: `${present}` });
  }
  const columns = decodeRecords(mod.source, mod.dataOffset + encoding.recordStart, points, layout);
  return { version: mod.version, newVersion: mod.newVersion, encoding, declaredPoints, points, ids, layout, columns };
}
