/**
 * Record layout of the `VMP data` module: which column each ID is, its type and byte offset
 * in a record. Unknown IDs are resolved only when the record length leaves one layout.
 */
import { UnknownColumnError } from '@echemkit/core';
import { COLUMN_IDS, DTYPE_SIZE, FLAG_IDS, NEW_GENERATION_OVERRIDES, type MprDtype } from './column-ids.js';

/** One stored column of the record. */
export interface LayoutColumn {
  /** Column ID as stored (full 16-bit value). */
  id: number;
  /** `.mpt` name, or `vendor_column_<id>` for an unknown ID read raw. */
  name: string;
  dtype: MprDtype;
  /** Byte offset inside the record. */
  offset: number;
  /** How the ID was resolved. */
  resolvedBy: 'table' | 'new-generation-table' | 'context' | 'id-mod-256' | 'record-size';
}

/** Layout of a record. */
export interface RecordLayout {
  /** Offset of the shared flags byte, or -1 when no flag ID is present. */
  flagsOffset: number;
  /** Flag columns present, in ID order. */
  flags: { id: number; name: string; mask: number; shift: number }[];
  columns: LayoutColumn[];
  recordSize: number;
  /** Human-readable notes on IDs that were not in the table (for warnings). */
  notes: { id: number; message: string }[];
}

export interface LayoutInput {
  ids: number[];
  /** True for EC-Lab ≥ 11.50 files (big-endian IDs). */
  newGeneration: boolean;
  /** Technique ID from `VMP Set` (BCD names column 6 `Ecell/V`). */
  techniqueId: number | null;
  /** Record size implied by the declared module length and point count, when it is an integer. */
  impliedRecordSize: number | null;
  format: string;
  offset: number;
  /** EC-Lab / BT-Lab version for messages. */
  softwareVersion: string | null;
}

const BY_SIZE: Record<number, MprDtype> = { 1: 'u1', 2: 'u2', 4: 'f4', 8: 'f8' };
const SIZES = [1, 2, 4, 8];

/** Size assignments of `k` unknown columns that sum to `total`; stops counting at 2. */
function forcedSizes(k: number, total: number): number[] | null {
  let found: number[] | null = null;
  let count = 0;
  const cur: number[] = [];
  const walk = (i: number, left: number): void => {
    if (count > 1) return;
    if (i === k) {
      if (left === 0) {
        count++;
        found = cur.slice();
      }
      return;
    }
    // Prune: the rest needs at least 1 and at most 8 bytes each.
    if (left < k - i || left > 8 * (k - i)) return;
    for (const s of SIZES) {
      cur.push(s);
      walk(i + 1, left - s);
      cur.pop();
    }
  };
  if (k <= 32) walk(0, total);
  return count === 1 ? found : null;
}

/**
 * Builds the record layout from the column IDs.
 * @example
 * const l = buildLayout({ ids: [1, 3, 4, 6], newGeneration: false, techniqueId: 11, impliedRecordSize: 13, format: 'biologic.mpr', offset: 0, softwareVersion: '11.30' });
 * l.recordSize; // 13: flags byte + time/s (f8) + Ewe/V (f4)
 */
export function buildLayout(input: LayoutInput): RecordLayout {
  const { ids, newGeneration, techniqueId } = input;
  const hasEwe = ids.includes(6) || ids.includes(77);
  type Slot = { id: number; name: string | null; dtype: MprDtype | null; resolvedBy: LayoutColumn['resolvedBy'] } | { flag: true };
  const slots: Slot[] = [];
  const flags: RecordLayout['flags'] = [];
  const notes: RecordLayout['notes'] = [];
  let flagSlot = false;
  for (const id of ids) {
    const flag = FLAG_IDS.get(id);
    if (flag) {
      flags.push({ id, ...flag });
      if (!flagSlot) slots.push({ flag: true });
      flagSlot = true;
      continue;
    }
    const override = newGeneration ? NEW_GENERATION_OVERRIDES.get(id) : undefined;
    const known = override ?? COLUMN_IDS.get(id);
    if (known) {
      let name = known.name;
      let by: LayoutColumn['resolvedBy'] = override ? 'new-generation-table' : 'table';
      if (id === 174 && hasEwe) {
        name = 'Phase(Zwe-ce)/deg';
        by = 'context';
      } else if (id === 6 && techniqueId === 0x88) {
        name = 'Ecell/V';
        by = 'context';
      }
      if (known.conflict) notes.push({ id, message: `column ID ${id} read as "${name}"; sources disagree (${known.conflict})` });
      slots.push({ id, name, dtype: known.dtype, resolvedBy: by });
      continue;
    }
    slots.push({ id, name: null, dtype: null, resolvedBy: 'table' });
  }

  const unknown = slots.filter((s): s is Extract<Slot, { id: number }> => 'id' in s && s.dtype === null);
  const knownSize = slots.reduce((n, s) => n + ('flag' in s ? 1 : (s.dtype ? DTYPE_SIZE[s.dtype] : 0)), 0);
  const implied = input.impliedRecordSize;
  if (unknown.length) {
    // 1) ID mod 256 (yadg keys on the low byte); accepted only when the sizes then add up.
    const viaMod = unknown.map((s) => COLUMN_IDS.get(s.id % 256));
    const modSize = viaMod.reduce((n, k) => n + (k ? DTYPE_SIZE[k.dtype] : 0), 0);
    if (viaMod.every(Boolean) && (implied === null || knownSize + modSize === implied)) {
      unknown.forEach((s, i) => {
        const k = viaMod[i]!;
        s.name = k.name;
        s.dtype = k.dtype;
        s.resolvedBy = 'id-mod-256';
        notes.push({ id: s.id, message: `unknown column ID ${s.id} read as "${k.name}" (${k.dtype}) by ID mod 256 = ${s.id % 256}: uncertain${implied === null ? ', record size not checkable' : ', record size agrees'}` });
      });
    } else {
      // 2) Sizes forced by the record length.
      const sizes = implied !== null ? forcedSizes(unknown.length, implied - knownSize) : null;
      if (!sizes) {
        throw new UnknownColumnError(`unknown column ID(s) ${unknown.map((s) => s.id).join(', ')} (EC-Lab ${input.softwareVersion ?? 'version unknown'})`, {
          format: input.format,
          offset: input.offset,
          expected: 'column IDs of the known table',
          actual: `IDs ${ids.join(',')}; ${implied === null ? 'record size not derivable' : `record ${implied} bytes, known columns ${knownSize} bytes: more than one layout fits`}`,
          hint: 'Export the file as .mpt from EC-Lab, or report the IDs with the .mpt column names so the table can be extended',
        });
      }
      unknown.forEach((s, i) => {
        const size = sizes[i]!;
        s.name = `vendor_column_${s.id}`;
        s.dtype = BY_SIZE[size]!;
        s.resolvedBy = 'record-size';
        notes.push({ id: s.id, message: `unknown column ID ${s.id}: the record length leaves ${size} byte(s) for it; kept raw as ${s.name} (${size === 4 ? 'f32 unless the values look like small integers, then u32' : BY_SIZE[size]} chosen by size)` });
      });
    }
  }

  const columns: LayoutColumn[] = [];
  let at = 0;
  let flagsOffset = -1;
  for (const s of slots) {
    if ('flag' in s) {
      flagsOffset = at;
      at += 1;
      continue;
    }
    columns.push({ id: s.id, name: s.name!, dtype: s.dtype!, offset: at, resolvedBy: s.resolvedBy });
    at += DTYPE_SIZE[s.dtype!];
  }
  return { flagsOffset, flags, columns, recordSize: at, notes };
}
