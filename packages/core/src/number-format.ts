/**
 * Number → text for the writers. Float32 values get the shortest decimal that reads back
 * to the same float32 (3.2f prints as `3.2`, never `3.200000047683716`); float64 values get
 * JavaScript's shortest round-trip form.
 */

const POW10: number[] = [];
for (let e = -30; e <= 30; e++) POW10[e + 30] = Number(`1e${e}`);

/** 10^e for small integer e, exact as a double parse of `1e<e>`. */
export function pow10(e: number): number {
  return e >= -30 && e <= 30 ? POW10[e + 30]! : Number(`1e${e}`);
}

/** Shortest mantissa/exponent pair (`3.2e+0` form) that round-trips to float32 `f`. */
function shortestExponential(f: number): string {
  // Round-tripping is monotonic in the digit count, so a binary search over 1..9 digits finds the shortest.
  let lo = 1;
  let hi = 9;
  let best = f.toExponential(8);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = f.toExponential(mid - 1);
    if (Math.fround(Number(s)) === f) {
      best = s;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best;
}

/** Exact powers of ten 10^0 … 10^22 (every one is a double without rounding). */
const EXACT = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * Result registers of {@link shortestFloat32Digits}: a ≈ n·10^-q (module-level, so the hot path
 * allocates nothing per value).
 */
export const float32Digits = { n: 0, q: 0 };

/**
 * Shortest decimal of float32 `a` (> 0) as integer digits and exponent, left in
 * {@link float32Digits}: a ≈ n·10^-q.
 * Uses double arithmetic only (no strings): for each digit count p, the nearest p-digit
 * decimal is round(a·10^q); it round-trips when fround(n / 10^q) === a. Division and
 * multiplication by an exact power of ten round once, like parsing the decimal text.
 * Returns false when a power of ten outside 10^±22 would be needed.
 */
export function shortestFloat32Digits(a: number): boolean {
  let k = Math.floor(Math.log10(a));
  if (k < -20 || k > 20) return false;
  // log10 can be off by one next to powers of ten.
  const pk = k >= 0 ? EXACT[k]! : 1 / EXACT[-k]!;
  if (pk > a) k--;
  else if (pk * 10 <= a) k++;
  let lo = 1;
  let hi = 9;
  let found = false;
  while (lo <= hi) {
    const p = (lo + hi) >> 1;
    const q = p - 1 - k;
    if (q > 22 || q < -22) return false;
    const n = Math.round(q >= 0 ? a * EXACT[q]! : a / EXACT[-q]!);
    const back = q >= 0 ? n / EXACT[q]! : n * EXACT[-q]!;
    if (Math.fround(back) === a) {
      float32Digits.n = n;
      float32Digits.q = q;
      found = true;
      hi = p - 1;
    } else lo = p + 1;
  }
  return found;
}

/** Shortest decimal text for a float32 value (given as the double it widens to). */
export function formatFloat32(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const f = Math.fround(value);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  if (Number.isInteger(f) && Math.abs(f) < 16777216) return String(f);
  if (shortestFloat32Digits(Math.abs(f))) {
    const q = float32Digits.q;
    const v = q >= 0 ? float32Digits.n / EXACT[q]! : float32Digits.n * EXACT[-q]!;
    return String(f < 0 ? -v : v);
  }
  return String(Number(shortestExponential(f)));
}

/**
 * Text for a value that is a float32 from the file scaled by 10^exponent during unit
 * conversion (e.g. mA → A with exponent -3): the float32's shortest decimal, shifted.
 */
export function formatScaledFloat32(value: number, exponent: number): string {
  if (exponent === 0) return formatFloat32(value);
  if (!Number.isFinite(value)) return String(value);
  const f = Math.fround(value / pow10(exponent));
  if (f === 0) return Object.is(value, -0) ? '-0' : '0';
  if (shortestFloat32Digits(Math.abs(f))) {
    const q = float32Digits.q - exponent;
    if (q <= 22 && q >= -22) {
      const v = q >= 0 ? float32Digits.n / EXACT[q]! : float32Digits.n * EXACT[-q]!;
      return String(f < 0 ? -v : v);
    }
  }
  const s = shortestExponential(f);
  const at = s.indexOf('e');
  return String(Number(`${s.slice(0, at)}e${Number(s.slice(at + 1)) + exponent}`));
}

/**
 * Decimal-exact scaling of a float32 value: the number whose shortest text is the float32's
 * shortest text shifted by `exponent`. Used when values must be converted at parse time.
 */
export function scaleFloat32Decimal(f32: number, exponent: number): number {
  if (!Number.isFinite(f32) || f32 === 0) return f32 * pow10(exponent);
  const s = shortestExponential(Math.fround(f32));
  const at = s.indexOf('e');
  return Number(`${s.slice(0, at)}e${Number(s.slice(at + 1)) + exponent}`);
}

/**
 * x·10^e computed on the decimal text, so 3.4228721 mA → 0.0034228721 A exactly as a reader
 * of the vendor's text expects (plain multiplication can give 0.0034228721000000003).
 */
export function shiftDecimal(x: number, e: number): number {
  if (e === 0 || !Number.isFinite(x) || x === 0) return x;
  const s = x.toExponential();
  const at = s.indexOf('e');
  return Number(`${s.slice(0, at)}e${Number(s.slice(at + 1)) + e}`);
}
