/**
 * Field-level text helpers shared by the text readers: splitting a line on a separator
 * without building an array per row, number parsing with a decimal comma, line access.
 */

/** Parses one numeric field; `decimal` ',' accepts `1,5E-3`. Empty or invalid → NaN. */
export function parseNumber(s: string, decimal: '.' | ',' = '.'): number {
  // Number() skips surrounding blanks itself; it also reads '' and '  ' as 0, hex and
  // 'Infinity', which instrument files never mean: the last non-blank character must be a digit or '.'.
  let e = s.length - 1;
  while (e >= 0 && s.charCodeAt(e) <= 32) e--;
  if (e < 0) return NaN;
  const c = s.charCodeAt(e);
  if (!((c >= 48 && c <= 57) || c === 46)) return NaN;
  return Number(decimal === ',' ? s.replace(',', '.') : s);
}

/** True when the text is a plain decimal number (optionally with exponent) in either locale. */
export function isNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?\s*$/.test(s);
}

/**
 * Calls `fn(fieldIndex, text)` for each field of `line` split on `sep` (a single character or
 * a string), from `start`. Returns the number of fields. No array is built per line.
 */
export function forEachField(line: string, sep: string, fn: (index: number, text: string) => void, start = 0): number {
  let pos = start;
  let i = 0;
  const n = line.length;
  for (;;) {
    const at = line.indexOf(sep, pos);
    if (at === -1) {
      fn(i, line.slice(pos, n));
      return i + 1;
    }
    fn(i, line.slice(pos, at));
    i++;
    pos = at + sep.length;
  }
}

/** Lines of a decoded text (CRLF, LF or CR). Files of this package are at most some MB. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Splits `Name (unit)` / `Name/unit` style header cells into name and unit. */
export function nameAndUnit(header: string): { name: string; unit: string | null } {
  const h = header.trim();
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(h);
  if (paren) return { name: paren[1]!.trim(), unit: paren[2]!.trim() };
  const slash = /^(.*?)\s*\/\s*([^/]+)$/.exec(h);
  if (slash && slash[1]) return { name: slash[1].trim(), unit: slash[2]!.trim() };
  return { name: h, unit: null };
}
