/**
 * Number parsing for Bio-Logic text exports, without creating strings on the common path.
 * EC-Lab writes float32 columns with 8 significant digits (`2.3278546E+000`), float64 with 16,
 * integers plainly, in the locale's decimal separator.
 */

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const MANTISSA_LIMIT = 9e14; // m * 10 + 9 stays below 2^53, so every accumulated mantissa is exact

/** Text of bytes [a, b) (ASCII / Latin-1; only short fields are ever converted). */
function latin1(bytes: Uint8Array, a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/**
 * Parses the number in `bytes[a, b)` (ASCII text), `decimal` being the code of the separator
 * (46 '.' or 44 ','), multiplied by 10^`shift` on the decimal text (unit conversion mA → A is
 * shift -3: `3.4228721E+000` → 0.0034228721 exactly as the text says, which converting the
 * parsed double cannot guarantee for 16-digit values). Returns NaN for empty or invalid fields.
 * Correctly rounded: the fast path is Clinger's (an exact mantissa below 2^53 times or divided
 * by an exact power of ten ≤ 10^22); everything else goes through `Number()` on the digits.
 * @example
 * const b = new TextEncoder().encode('x\t3,4228721E+000');
 * parseNumberAt(b, 2, b.length, 44, -3); // 0.0034228721
 */
export function parseNumberAt(bytes: Uint8Array, a: number, b: number, decimal: 44 | 46, shift = 0): number {
  // Trim spaces (and a stray CR).
  while (a < b && isSpace(bytes[a]!)) a++;
  while (b > a && isSpace(bytes[b - 1]!)) b--;
  if (a >= b) return NaN;
  let i = a;
  let neg = false;
  let c = bytes[i]!;
  if (c === 45 /* - */ || c === 43 /* + */) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = 0;
  let seenPoint = false;
  let exact = true;
  for (; i < b; i++) {
    c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      if (m > MANTISSA_LIMIT) exact = false;
      else m = m * 10 + (c - 48);
      if (seenPoint) frac++;
      digits++;
    } else if (c === decimal && !seenPoint) seenPoint = true;
    else break;
  }
  if (digits === 0) return NaN;
  const mantEnd = i;
  let exp = 0;
  if (i < b) {
    if (c !== 69 && c !== 101) return NaN; // not E/e: not a number (e.g. `INF`, `1.2.3`)
    i++;
    let eneg = false;
    c = i < b ? bytes[i]! : 0;
    if (c === 45 || c === 43) {
      eneg = c === 45;
      i++;
    }
    let ed = 0;
    for (; i < b; i++) {
      c = bytes[i]!;
      if (c < 48 || c > 57 || ed > 5) return NaN;
      exp = exp * 10 + (c - 48);
      ed++;
    }
    if (ed === 0) return NaN;
    if (eneg) exp = -exp;
  }
  const k = exp - frac + shift;
  if (exact) {
    let v: number;
    if (m === 0) v = 0;
    else if (k === 0) v = m;
    else if (k > 0 && k <= 22) v = m * POW10[k]!;
    else if (k < 0 && k >= -22) v = m / POW10[-k]!;
    else return digitsNumber(bytes, a, mantEnd, decimal, exp + shift);
    return neg ? -v : v;
  }
  // More than 15 significant digits (EC-Lab's float64 columns) or a far exponent: the syntax
  // is checked, so Number() on the digits with the shifted exponent — correctly rounded.
  return digitsNumber(bytes, a, mantEnd, decimal, exp + shift);
}

function digitsNumber(bytes: Uint8Array, a: number, mantEnd: number, decimal: 44 | 46, exp: number): number {
  let mant = latin1(bytes, a, mantEnd);
  if (decimal === 44) mant = mant.replace(',', '.');
  return Number(`${mant}e${exp}`);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 13 || c === 9;
}

/**
 * A number written in a header value (`0,001 mg`, `1.300 A.h`): the leading number and the
 * unit after it, or undefined.
 * @example
 * numberWithUnit('0,001 mg', ','); // { value: 0.001, unit: 'mg' }
 */
export function numberWithUnit(value: string, decimal: '.' | ','): { value: number; unit: string } | undefined {
  const m = /^\s*([-+]?\d+(?:[.,]\d*)?(?:[eE][-+]?\d+)?)\s*(.*?)\s*$/.exec(value);
  if (!m) return undefined;
  let num = m[1]!;
  if (num.includes(',')) {
    if (decimal !== ',' && num.includes('.')) return undefined;
    num = num.replace(',', '.');
  }
  const v = Number(num);
  return Number.isFinite(v) ? { value: v, unit: m[2]! } : undefined;
}
