import { shiftDecimal } from './number-format.js';

/**
 * Decimal text → number without slicing strings, exactly equal to `Number(text)`, optionally
 * shifted by a power of ten exactly like `shiftDecimal(Number(text), exponent)` from core
 * (mA → A is -3). Shared by the text-format plugins (hot path: no string slicing).
 * Plain decimals with at most 15 significant digits and a decimal exponent within ±22 take
 * Clinger's fast path (one exact integer and one correctly rounded multiplication or division,
 * so the result is the correctly rounded value, as `Number` gives); anything else falls back
 * to `Number` on the trimmed slice.
 */

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

function slow(text: string, start: number, end: number, exponent: number): number {
  const s = text.slice(start, end).trim();
  if (s === '') return NaN;
  const v = Number(s);
  return exponent === 0 ? v : shiftDecimal(v, exponent);
}

/**
 * The number written in `text[start, end)` (surrounding blanks allowed); NaN when the field is
 * empty or not a number.
 * @example
 * parseNumberRange('x\t0.25', 2, 6, -3); // 0.00025
 */
export function parseNumberRange(text: string, start: number, end: number, exponent = 0): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  let j = end;
  while (j > i && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
  if (i === j) return NaN;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let fraction = 0;
  let any = false;
  while (i < j && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    if (m !== 0) digits++;
    any = true;
    i++;
  }
  if (i < j && text.charCodeAt(i) === 46) {
    i++;
    while (i < j && (c = text.charCodeAt(i)) >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      if (m !== 0) digits++;
      fraction++;
      any = true;
      i++;
    }
  }
  if (!any || digits > 15) return slow(text, start, end, exponent);
  let e = 0;
  if (i < j && ((c = text.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    let eneg = false;
    c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      eneg = c === 45;
      i++;
    }
    let ed = 0;
    while (i < j && (c = text.charCodeAt(i)) >= 48 && c <= 57 && ed < 6) {
      e = e * 10 + (c - 48);
      ed++;
      i++;
    }
    if (ed === 0) return NaN;
    if (eneg) e = -e;
  }
  if (i !== j) return slow(text, start, end, exponent);
  // Texts of at most 15 significant digits are their double's shortest form, so shifting the
  // text's exponent equals core's shiftDecimal of the parsed value.
  const k = e - fraction + exponent;
  let v: number;
  if (m === 0) v = 0;
  else if (k >= 0 && k <= 22) v = m * POW10[k]!;
  else if (k < 0 && k >= -22) v = m / POW10[-k]!;
  else return slow(text, start, end, exponent);
  return neg ? -v : v;
}
