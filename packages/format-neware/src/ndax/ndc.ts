/**
 * `.ndc` members: an 8-byte header (file type at 0, ndc version at 2) and, for versions
 * 5 and up, 4096-byte pages from offset 4096. In versions 11+ a page starts with a u16
 * page type, a u16 item count and a validity bitmap (bit k = slot k holds an item) at
 * byte 4; the items start at byte 132. The bitmap is our finding on the corpus files: it
 * matches the slots NewareNDA keeps, and it keeps genuine 0 V readings that NewareNDA's
 * "voltage ≠ 0" filter would drop.
 */
import { FormatError, TruncatedError } from '@echemkit/core';

export const PAGE = 4096;
export const ITEMS_AT = 132;

/** File types of `.ndc` members. */
export const NDC_TYPE = { data: 1, aux: 5, step: 7, log: 9, es: 16, runInfo: 18 } as const;

export interface NdcHeader {
  type: number;
  version: number;
}

/** Reads the member header. */
export function ndcHeader(b: Uint8Array, format: string, member: string): NdcHeader {
  if (b.length < 4) throw new TruncatedError(`member ${member} is shorter than its header`, { format, offset: 0, expected: '4 bytes', actual: String(b.length) });
  return { type: b[0]!, version: b[2]! };
}

/** Item slots per page for an item size and page trailer length. */
export function slotsPerPage(size: number, trailer: number): number {
  return Math.floor((PAGE - ITEMS_AT - trailer) / size);
}

/** Slots per page, checked against the bitmap size (for loops over the pages). */
export function checkedSlots(size: number, trailer: number): number {
  const slots = slotsPerPage(size, trailer);
  if (slots <= 0 || slots > (ITEMS_AT - 4) * 8) throw new FormatError(`item size ${size} does not fit a page`, { format: 'neware.ndax' });
  return slots;
}

/**
 * Calls `fn(offset, slot)` for every valid item of a paged member (versions 11+): `offset`
 * is the item's byte offset, `slot` the running slot number over all pages (0-based), which
 * is the record Index − 1 of data and aux members.
 */
export function forEachItem(b: Uint8Array, size: number, trailer: number, fn: (offset: number, slot: number) => void): void {
  const slots = checkedSlots(size, trailer);
  let page = 0;
  for (let p = PAGE; p + ITEMS_AT <= b.length; p += PAGE, page++) {
    const base = page * slots;
    const end = Math.min(b.length, p + PAGE - trailer);
    for (let k = 0; k < slots; k++) {
      if (((b[p + 4 + (k >> 3)]! >> (k & 7)) & 1) === 0) continue;
      const o = p + ITEMS_AT + k * size;
      if (o + size > end) break;
      fn(o, base + k);
    }
  }
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The member's bytes as little-endian float32 words (word w = bytes 4w…4w+3): a view of the
 * bytes themselves when they are aligned on a little-endian machine (always, in practice),
 * otherwise an aligned, byte-swapped copy. Reading items through a typed array instead of a
 * DataView call per value is several times faster before the JIT has optimised the loop.
 */
export function float32Words(b: Uint8Array): Float32Array {
  const words = b.length >> 2;
  if (LITTLE_ENDIAN && (b.byteOffset & 3) === 0) return new Float32Array(b.buffer, b.byteOffset, words);
  const copy = b.slice(0, words * 4);
  if (!LITTLE_ENDIAN) {
    for (let i = 0; i < copy.length; i += 4) {
      const b0 = copy[i]!;
      const b1 = copy[i + 1]!;
      copy[i] = copy[i + 3]!;
      copy[i + 1] = copy[i + 2]!;
      copy[i + 2] = b1;
      copy[i + 3] = b0;
    }
  }
  return new Float32Array(copy.buffer);
}

/** Upper bound of items in a paged member (to size arrays from the bytes present). */
export function maxItems(b: Uint8Array, size: number, trailer: number): number {
  return Math.max(0, Math.ceil((b.length - PAGE) / PAGE)) * slotsPerPage(size, trailer);
}
