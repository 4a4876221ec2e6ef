/**
 * Text helpers for text-format plugins: encoding detection and decoding, a line reader
 * that keeps line numbers, decimal-separator detection and number parsing.
 */

import { scopedText } from './sniff-scope.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'gb18030';

/**
 * Guesses the encoding: a BOM decides; otherwise UTF-8 when the bytes are valid UTF-8
 * with at least one multi-byte sequence or pure ASCII, else Windows-1252 (the default of
 * Windows instrument software: µ = 0xB5, ° = 0xB0).
 */
export function detectEncoding(bytes: Uint8Array, fallback: TextEncoding = 'windows-1252'): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without BOM: many zero bytes at odd positions.
  const n = Math.min(bytes.length, 4096);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i & 1 ? zeroOdd++ : zeroEven++);
  if (n >= 16 && zeroOdd > n / 4 && zeroEven === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (n >= 16 && zeroEven > n / 4 && zeroOdd === 0) return { encoding: 'utf-16be', bomLength: 0 };
  return { encoding: isUtf8(bytes.subarray(0, Math.min(bytes.length, 1 << 20))) ? 'utf-8' : fallback, bomLength: 0 };
}

function isUtf8(b: Uint8Array): boolean {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let extra = 0;
    if (c >= 0xc2 && c <= 0xdf) extra = 1;
    else if (c >= 0xe0 && c <= 0xef) extra = 2;
    else if (c >= 0xf0 && c <= 0xf4) extra = 3;
    else return false;
    if (i + extra >= n) return true; // cut at the sample's end
    for (let k = 1; k <= extra; k++) if ((b[i + k]! & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
}

/** Decodes bytes as text with the given or detected encoding (BOM stripped). */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): { text: string; encoding: TextEncoding } {
  const det = detectEncoding(bytes);
  const enc = encoding ?? det.encoding;
  const start = det.encoding === enc ? det.bomLength : 0;
  const text = new TextDecoder(enc).decode(bytes.subarray(start));
  return { text, encoding: enc };
}

/** True when the first bytes of `head` decode (ASCII-wise) to something starting with `prefix`. */
export function startsWithAscii(head: Uint8Array, prefix: string, skipBom = true): boolean {
  let at = 0;
  if (skipBom && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) at = 3;
  if (head.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (head[at + i] !== prefix.charCodeAt(i)) return false;
  return true;
}

const decodeHead = (head: Uint8Array) => decodeText(head.subarray(0, Math.min(head.length, 16384))).text;

/** The first `maxLines` lines of a sniff buffer, decoded leniently (for sniffers; decoded once per detection pass). */
export function headLines(head: Uint8Array, maxLines = 20): string[] {
  return scopedText(head, decodeHead).split(/\r\n|\n|\r/, maxLines);
}

/** Iterates lines of a string without splitting it all at once; keeps 1-based line numbers. */
export class LineReader {
  private pos = 0;
  /** 1-based number of the line last returned (0 before the first). */
  line = 0;
  constructor(private readonly text: string) {}
  /** The next line without its terminator (CRLF, LF or CR), or null at the end. */
  next(): string | null {
    const t = this.text;
    if (this.pos >= t.length) return null;
    let end = t.indexOf('\n', this.pos);
    let nextPos: number;
    if (end === -1) {
      end = t.length;
      nextPos = end;
    } else nextPos = end + 1;
    let line = t.slice(this.pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    else if (line.includes('\r')) {
      // Old Mac line ends (CR only): take up to the first CR.
      const cr = line.indexOf('\r');
      line = line.slice(0, cr);
      nextPos = this.pos + cr + 1;
    }
    this.pos = nextPos;
    this.line++;
    return line;
  }
  /** True when the last line returned ended without a line terminator (possible cut-off). */
  get atEndWithoutNewline(): boolean {
    const t = this.text;
    return this.pos >= t.length && t.length > 0 && t[t.length - 1] !== '\n' && t[t.length - 1] !== '\r';
  }
  /** Offset (characters) of the next line. */
  get offset(): number {
    return this.pos;
  }
}

/**
 * Decides the decimal separator of a file from sample numeric fields: ',' when fields look
 * like `1,5` or `3,0E+001` and none like `1.5`; '.' otherwise. Decide once per file.
 */
export function detectDecimalSeparator(fields: readonly string[]): '.' | ',' {
  let comma = 0;
  let dot = 0;
  for (const f of fields) {
    const s = f.trim();
    if (/^[-+]?\d+,\d+([eE][-+]?\d+)?$/.test(s)) comma++;
    else if (/^[-+]?\d*\.\d+([eE][-+]?\d+)?$/.test(s)) dot++;
  }
  return comma > 0 && dot === 0 ? ',' : '.';
}

