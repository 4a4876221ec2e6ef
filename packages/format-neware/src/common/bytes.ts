/** Small byte-search and text helpers shared by the NEWARE readers. */

/** First index of `pattern` in `bytes` at or after `from` (and before `end`), or -1. */
export function indexOfBytes(bytes: Uint8Array, pattern: ArrayLike<number>, from = 0, end = bytes.length): number {
  const m = pattern.length;
  if (m === 0) return from;
  const first = pattern[0]!;
  const last = Math.min(end, bytes.length) - m;
  // Candidates by the native search for the first byte (whole-file searches stay fast).
  for (let i = bytes.indexOf(first, Math.max(0, from)); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < m && bytes[i + k] === pattern[k]) k++;
    if (k === m) return i;
  }
  return -1;
}

/** Last index of `pattern` in `bytes` at or after `from`, or -1. */
export function lastIndexOfBytes(bytes: Uint8Array, pattern: ArrayLike<number>, from = 0): number {
  const m = pattern.length;
  const start = bytes.length - m;
  if (m === 0) return start >= from ? start : -1;
  if (start < 0 || start < from) return -1;
  const first = pattern[0]!;
  for (let i = bytes.lastIndexOf(first, start); i >= from; i = i > 0 ? bytes.lastIndexOf(first, i - 1) : -1) {
    let k = 1;
    while (k < m && bytes[i + k] === pattern[k]) k++;
    if (k === m) return i;
  }
  return -1;
}

/** ASCII bytes of a string. */
export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Printable ASCII text of a byte range, NULs removed and trimmed. */
export function asciiText(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  const e = Math.min(end, bytes.length);
  for (let i = Math.max(0, start); i < e; i++) {
    const c = bytes[i]!;
    if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
  }
  return s.trim();
}

/** Text up to the first NUL from `start`, at most `max` bytes, printable ASCII only. */
export function cString(bytes: Uint8Array, start: number, max: number): string {
  let end = start;
  const lim = Math.min(bytes.length, start + max);
  while (end < lim && bytes[end] !== 0) end++;
  return asciiText(bytes, start, end);
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `YYYY-MM-DD hh:mm:ss` from date fields. */
export function wallText(y: number, mo: number, d: number, h: number, mi: number, s: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
}

/**
 * Date text of the 7 bytes `u16 year, u8 month, day, hour, minute, second` at `o`, reusing
 * the previous text when the bytes repeat (records logged within one second share it).
 */
export class WallTextCache {
  private last = -1;
  private lastHi = -1;
  private text = '';
  at(b: Uint8Array, dv: DataView, o: number): string {
    const lo = dv.getUint32(o, true);
    const hi = dv.getUint16(o + 4, true) | (b[o + 6]! << 16);
    if (lo !== this.last || hi !== this.lastHi) {
      this.last = lo;
      this.lastHi = hi;
      const y = dv.getUint16(o, true);
      const mo = b[o + 2]!;
      const d = b[o + 3]!;
      const h = b[o + 4]!;
      const mi = b[o + 5]!;
      const s = b[o + 6]!;
      // One flat string from char codes: a template literal builds a tree of cons strings per
      // record, which is several times the memory (and GC work) over hundreds of thousands of rows.
      this.text =
        y < 10000 && mo < 100 && d < 100 && h < 100 && mi < 100 && s < 100
          ? String.fromCharCode(
              48 + ((y / 1000) | 0),
              48 + (((y / 100) | 0) % 10),
              48 + (((y / 10) | 0) % 10),
              48 + (y % 10),
              45,
              48 + ((mo / 10) | 0),
              48 + (mo % 10),
              45,
              48 + ((d / 10) | 0),
              48 + (d % 10),
              32,
              48 + ((h / 10) | 0),
              48 + (h % 10),
              58,
              48 + ((mi / 10) | 0),
              48 + (mi % 10),
              58,
              48 + ((s / 10) | 0),
              48 + (s % 10),
            )
          : wallText(y, mo, d, h, mi, s);
    }
    return this.text;
  }
}
