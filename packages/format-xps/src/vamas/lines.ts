/** A strict one-value-per-line cursor for VAMAS: blank lines are values, every read names what it expects. */
import { FormatError, LineReader, TruncatedError } from '@echemkit/core';

export class VamasLines {
  private readonly reader: LineReader;
  constructor(
    private readonly text: string,
    readonly format: string,
  ) {
    this.reader = new LineReader(text);
  }
  /** 1-based number of the line last read. */
  get line(): number {
    return this.reader.line;
  }
  /** Characters not read yet (bounds allocations from count fields). */
  get remainingChars(): number {
    return this.text.length - this.reader.offset;
  }
  get atEnd(): boolean {
    return this.reader.offset >= this.text.length;
  }
  /** The next line, untrimmed; throws TruncatedError at the end of the text. */
  raw(what: string): string {
    const l = this.reader.next();
    if (l === null) throw new TruncatedError(`the file ends before ${what}`, { format: this.format, line: this.reader.line + 1, expected: what });
    // Some exporters (MultiPak) pad labels with NUL characters; they are never content.
    return l.includes('\0') ? l.replace(/\0+/g, '') : l;
  }
  /** The next line, trimmed. */
  text1(what: string): string {
    return this.raw(what).trim();
  }
  /** The next line as a number (decimal point, optional exponent). */
  num(what: string): number {
    const t = this.text1(what);
    const n = t === '' ? NaN : Number(t);
    if (!Number.isFinite(n)) throw new FormatError(`${what} is not a number`, { format: this.format, line: this.line, expected: what, actual: JSON.stringify(t.slice(0, 40)) });
    return n;
  }
  /** The next line as an integer within [min, max]. */
  int(what: string, min = -2147483648, max = 2147483647): number {
    const n = this.num(what);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new FormatError(`${what} is out of range`, { format: this.format, line: this.line, expected: `an integer in [${min}, ${max}]`, actual: String(n) });
    }
    return n;
  }
  /** Reads `count` lines (bounded by the lines present: throws TruncatedError when they run out). */
  many(count: number, what: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(this.raw(what));
    return out;
  }
}
