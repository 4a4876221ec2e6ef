/**
 * Numbers written as ASCII bytes straight into a buffer: the same text as `formatFloat32`,
 * `formatScaledFloat32` and `String(x)`, without a string per value. This is the CSV writer's
 * hot path (a 250 MB .mpr becomes ~85 million values).
 *
 * Doubles use a shortest-digits search in double-double arithmetic: a·10^q at 17 significant
 * digits (Dekker's two-product; 10^q ≤ 10^22 is exact, higher powers carry a tail, so the
 * product is known to ~1e-32 relative) gives the nearest p-digit decimal m for p = 15, 16, 17,
 * and m reads back to `a` when |m − a·10^q| is below half the gap between `a` and its
 * neighbours (scaled by 10^q). At most one 15-digit decimal fits in that gap, so the first p
 * that fits gives JavaScript's shortest-then-closest digits. Whatever the
 * search cannot settle (values outside 1e-24…1e15, powers of two, ties, distances within 1e-9
 * of the gap) falls back to `String(x)`.
 */
import { float32Digits, formatFloat32, formatScaledFloat32, pow10, shortestFloat32Digits } from './number-format.js';

/** Powers of ten 10^0 … 10^40 as double-doubles: P10[q] + P10_TAIL[q] (the tail is 0 up to 10^22, which are exact). */
const P10: number[] = [];
const P10_TAIL: number[] = [];
for (let q = 0; q <= 40; q++) {
  const big = BigInt(10) ** BigInt(q);
  const hi = Number(big);
  P10.push(hi);
  P10_TAIL.push(Number(big - BigInt(hi)));
}
const EXACT = P10.slice(0, 23);
/** Veltkamp split of each power of ten (hi + lo, 26 bits each) for the two-product. */
const SPLITTER = 134217729; // 2^27 + 1
const P10_HI = P10.map((c) => {
  const t = SPLITTER * c;
  return t - (t - c);
});
const P10_LO = P10.map((c, i) => c - P10_HI[i]!);
/** Nearest doubles of 10^-30 … 10^16 for the decimal exponent of a value. */
const DECADE_MIN = -30;
const DECADE = Array.from({ length: 47 }, (_, i) => Number(`1e${i + DECADE_MIN}`));
const TWO53 = 9007199254740992;
/**
 * 1.5·2^52: (x + ROUNDER) − ROUNDER is x rounded to the nearest integer, ties to even, for
 * |x| < 2^51 — two additions where V8's Math.round costs four times as much on x64.
 */
const ROUNDER = 6755399441055744;

/** Half the gap between a double with biased exponent b and its neighbours: 2^(b − 1076). */
const HALF_GAP = new Float64Array(2048);
for (let b = 1; b < 2047; b++) HALF_GAP[b] = 2 ** (b - 1076);
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high word of a double in U32 (1 on little-endian machines). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Argument register of shortest64/shortest32/decimalExponent. A double passed to a function
 * that V8 does not inline is boxed (a 16-byte heap number per call: a quarter of a gigabyte
 * per large CSV, and the garbage collections that follow), so the hot helpers read their
 * argument here, and the writers take an array and an index rather than a number.
 */
const REG = new Float64Array(1);
/** Scratch arrays through which the number-taking writers call the array-taking ones. */
const ONE64 = new Float64Array(1);
const ONE32 = new Float32Array(1);

// Result registers of shortest64: the digits are hi·10^9 + lo, the value is digits·10^-q.
let outHi = 0;
let outLo = 0;
let outQ = 0;

/** Shortest digits of a = REG[0] > 0 (see the module comment). */
function shortest64(): boolean {
  const a = REG[0]!;
  F64[0] = a;
  const hw = U32[HIGH]!;
  const lw = U32[HIGH ^ 1]!;
  const bexp = (hw >>> 20) & 0x7ff;
  // Subnormals and powers of two (their lower gap is half the upper one) go the slow way.
  if (bexp === 0 || ((hw & 0xfffff) === 0 && lw === 0)) return false;
  const k = decimalExponent(bexp);
  if (k < -24 || k > 14) return false;
  const halfGap = HALF_GAP[bexp]!;
  const t = SPLITTER * a;
  const ahi = t - (t - a);
  const alo = a - ahi;
  // One product at 17 digits: a·10^q = prod + tail, the nearest 17-digit integer m17 = hi·10^9 + lo
  // and d = a·10^q − m17. The nearest 15- and 16-digit candidates are m17 with its last two or
  // one digits rounded, so their distances follow from those digits and d.
  const q = 16 - k;
  const c = P10[q]!;
  const prod = a * c;
  // Dekker's error term of a·c (exact), plus a times the power's tail.
  const tail = ahi * P10_HI[q]! - prod + ahi * P10_LO[q]! + alo * P10_HI[q]! + alo * P10_LO[q]! + a * P10_TAIL[q]!;
  const h = halfGap * c;
  let hi: number;
  let lo: number;
  let d: number;
  if (prod < TWO53) {
    let m = Math.round(prod);
    d = prod - m + tail;
    if (d > 0.5) {
      m += 1;
      d -= 1;
    } else if (d < -0.5) {
      m -= 1;
      d += 1;
    }
    hi = Math.floor(m * 1e-9);
    lo = m - hi * 1e9;
  } else {
    // prod is an integer here; the tail is small.
    const r = tail + ROUNDER - ROUNDER;
    d = tail - r;
    hi = Math.floor(prod * 1e-9);
    // hi·10^9 is exact (hi·5^9 < 2^53), so lo is exact.
    lo = prod - hi * 1e9 + r;
  }
  if (lo < 0) {
    hi -= 1;
    lo += 1e9;
  } else if (lo >= 1e9) {
    hi += 1;
    lo -= 1e9;
  }
  outQ = q;
  lo |= 0;
  // 15 digits: m17 with its last two digits rounded away.
  const u2 = lo - ((lo / 100) | 0) * 100;
  const f2 = u2 + d;
  if (f2 === 50) return false; // a tie between two candidates
  let dist = f2 > 50 ? 100 - f2 : f2 < 0 ? -f2 : f2;
  if (Math.abs(dist - h) <= h * 1e-9) return false; // too close to the gap's edge to call
  if (dist < h) return setDigits(hi, lo - u2 + (f2 > 50 ? 100 : 0));
  // 16 digits: the last digit rounded away.
  const u1 = lo - ((lo / 10) | 0) * 10;
  const f1 = u1 + d;
  if (f1 === 5) return false;
  dist = f1 > 5 ? 10 - f1 : f1 < 0 ? -f1 : f1;
  if (Math.abs(dist - h) <= h * 1e-9) return false;
  if (dist < h) return setDigits(hi, lo - u1 + (f1 > 5 ? 10 : 0));
  // 17 digits: m17 itself; of two equally near candidates (d = ±0.5, exact here) the even one.
  dist = d < 0 ? -d : d;
  if (Math.abs(dist - h) <= h * 1e-9 || dist > h) return false;
  if (dist === 0.5 && (lo & 1) === 1) {
    lo += d > 0 ? 1 : -1;
    if (lo < 0) {
      hi -= 1;
      lo += 1e9;
    }
  }
  return setDigits(hi, lo);
}

function setDigits(hi: number, lo: number): true {
  if (lo >= 1e9) {
    hi += 1;
    lo -= 1e9;
  }
  outHi = hi;
  outLo = lo;
  return true;
}

/**
 * floor(log10 a), a = REG[0], from the binary exponent (no Math.log10 on the hot path): e2·log10 2 gives it
 * or one less. The comparison with the nearest double of 10^(k+1) can over-estimate k only
 * when a is that double, which the callers tolerate (one digit fewer per attempt).
 * Returns −99 outside 1e-30 … 1e16.
 */
function decimalExponent(bexp: number): number {
  const k = Math.floor((bexp - 1023) * 0.30102999566398114);
  if (k < DECADE_MIN || k > 15) return -99;
  return REG[0]! >= DECADE[k + 1 - DECADE_MIN]! ? k + 1 : k;
}

// Result registers of shortest32: digits n, value n·10^-q.
let out32N = 0;
let out32Q = 0;

/**
 * Shortest digits of a float32 value a = REG[0] > 0 (as a double) for 1e-4 ≤ a < 1e6, where
 * a·10^q (q ≤ 12) is exact in double: the nearest p-digit decimal for p = 6 … 9 reads back
 * to `a` (Math.fround(Number(text)) === a) when it lies within half the float32 gap. At most
 * one 6-digit decimal fits (the gap is below 1.2e-7 relative), so the first p that fits gives
 * the digits of `formatFloat32` (shortest, then nearest).
 * False when that cannot be decided here; the caller then uses `shortestFloat32Digits`.
 */
function shortest32(): boolean {
  const a = REG[0]!;
  F64[0] = a;
  const hw = U32[HIGH]!;
  const lw = U32[HIGH ^ 1]!;
  const bexp = (hw >>> 20) & 0x7ff;
  // Float32 subnormals and powers of two (asymmetric gap) are left to the general search.
  if (bexp < 897 || ((hw & 0xfffff) === 0 && lw >>> 29 === 0)) return false;
  const k = decimalExponent(bexp);
  if (k < -4 || k > 5) return false;
  const halfGap = HALF_GAP[bexp + 29]!; // 2^(e − 24), half a float32 gap
  for (let p = 6; p <= 9; p++) {
    const q = p - 1 - k;
    const c = EXACT[q]!;
    const S = a * c;
    // S < 1e9: nearest integer (ties to even; a tie is refused below either way).
    const m = S + ROUNDER - ROUNDER;
    const d = Math.abs(S - m);
    const h = halfGap * c;
    // The decimal is parsed to double before Math.fround: too close to the gap's edge to call.
    if (d === 0.5 || Math.abs(d - h) <= h * 1e-7) return false;
    if (d < h) {
      out32N = m;
      out32Q = q;
      return true;
    }
  }
  return false;
}

/** "00" … "99" as byte pairs: two digits per division. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + ((i / 10) | 0);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

/** Number of decimal digits of 0 ≤ v < 2^31. */
function digitCount(v: number): number {
  if (v < 100000) return v < 100 ? (v < 10 ? 1 : 2) : v < 1000 ? 3 : v < 10000 ? 4 : 5;
  return v < 10000000 ? (v < 1000000 ? 6 : 7) : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
}

/** "0000" … "9999" as four ASCII bytes in one little-endian word: four digits per division and store. */
const QUADS = new Uint32Array(10000);
for (let i = 0; i < 10000; i++) QUADS[i] = (48 + ((i / 1000) | 0)) | ((48 + (((i / 100) | 0) % 10)) << 8) | ((48 + (((i / 10) | 0) % 10)) << 16) | ((48 + (i % 10)) << 24);

// A DataView on the buffer being written (one per buffer; writers fill the same buffer for a megabyte).
let viewBuf: Uint8Array | null = null;
let view: DataView = new DataView(new ArrayBuffer(0));

/** The DataView of `out` (one helper, so that every writer's JIT feedback includes the change of buffer). */
function viewOf(out: Uint8Array): DataView {
  if (out !== viewBuf) {
    viewBuf = out;
    view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  }
  return view;
}

/** Writes the `n` decimal digits of 0 ≤ v < 2^31 ending at out[end − 1] (leading zeros if n is larger). */
function putDigits(out: Uint8Array, end: number, v: number, n: number): void {
  let p = end;
  const stop = end - n;
  if (p - stop >= 4) {
    const view = viewOf(out);
    do {
      const d = (v / 10000) | 0;
      p -= 4;
      view.setUint32(p, QUADS[v - d * 10000]!, true);
      v = d;
    } while (p - stop >= 4);
  }
  while (p - stop >= 2) {
    const d = (v / 100) | 0;
    const r = (v - d * 100) << 1;
    out[--p] = PAIRS[r + 1]!;
    out[--p] = PAIRS[r]!;
    v = d;
  }
  if (p > stop) out[--p] = 48 + (v % 10);
}

/** Writes the 17 digits of hi·10^9 + lo (10^7 ≤ hi < 10^8, lo < 10^9) at out[at…]: four words and a byte. */
function put17(out: Uint8Array, at: number, hi: number, lo: number): void {
  const view = viewOf(out);
  hi |= 0;
  lo |= 0;
  const a = (hi / 10000) | 0;
  view.setUint32(at, QUADS[a]!, true);
  view.setUint32(at + 4, QUADS[hi - a * 10000]!, true);
  const d = (lo / 100000000) | 0;
  out[at + 8] = 48 + d;
  const r = lo - d * 100000000;
  const b = (r / 10000) | 0;
  view.setUint32(at + 9, QUADS[b]!, true);
  view.setUint32(at + 13, QUADS[r - b * 10000]!, true);
}

/** Writes the digits of hi·10^9 + lo (hi, lo < 2^31) at out[at…]; returns their count. */
function putDecimal(out: Uint8Array, at: number, hi: number, lo: number): number {
  // Both fit in int32: |0 keeps V8 on integer arithmetic.
  hi |= 0;
  lo |= 0;
  if (hi === 0) {
    const n = digitCount(lo);
    putDigits(out, at + n, lo, n);
    return n;
  }
  const nh = digitCount(hi);
  putDigits(out, at + nh, hi, nh);
  putDigits(out, at + nh + 9, lo, 9);
  return nh + 9;
}

/**
 * Writes (hi·10^9 + lo)·10^-q (hi, lo ≥ 0, not both 0) in JavaScript's Number-to-String
 * layout: plain digits for 1e-7 ≤ |x| < 1e21, exponent form otherwise. The digits go straight
 * to their place in `buf` (copying them costs as much as making them); trailing zeros are
 * trimmed there. The decimal point's place n (digits before it) does not change with trimming.
 */
function emitDecimal(buf: Uint8Array, pos: number, hi: number, lo: number, q: number): number {
  if (q <= 0) {
    // An integer: digits then zeros (exponent form from 1e21 on).
    const nd = putDecimal(buf, pos + 1, hi, lo);
    if (nd - q <= 21) {
      for (let i = 0; i < nd; i++) buf[pos + i] = buf[pos + i + 1]!;
      let end = pos + nd;
      for (let z = 0; z < -q; z++) buf[end++] = 48;
      return end;
    }
    return exponentForm(buf, pos, nd, nd - q);
  }
  if (hi >= 10000000) {
    // 17 digits (most doubles): one straight-line writer, no digit counting.
    const n = 17 - q;
    if (0 < n && n <= 17) {
      put17(buf, pos + 1, hi, lo);
      for (let i = 0; i < n; i++) buf[pos + i] = buf[pos + i + 1]!;
      buf[pos + n] = 46;
      let end = pos + 18;
      while (buf[end - 1] === 48) end--;
      if (end === pos + n + 1) end--;
      return end;
    }
    if (-6 < n && n <= 0) {
      buf[pos++] = 48;
      buf[pos++] = 46;
      for (let i = n; i < 0; i++) buf[pos++] = 48;
      put17(buf, pos, hi, lo);
      let end = pos + 17;
      while (buf[end - 1] === 48) end--;
      return end;
    }
    // Exponent form (capacities in Ah of a few µAh and the like): the same straight-line digits.
    put17(buf, pos + 1, hi, lo);
    return exponentForm(buf, pos, 17, n);
  }
  const nd0 = digitCount(hi === 0 ? lo : hi) + (hi === 0 ? 0 : 9);
  const n = nd0 - q;
  if (0 < n && n <= 21) {
    // Integer part, point, fraction: digits written one byte to the right, then the integer
    // part moved left over the point's place.
    putCounted(buf, pos + 1, hi, lo, nd0);
    for (let i = 0; i < n; i++) buf[pos + i] = buf[pos + i + 1]!;
    buf[pos + n] = 46;
    let end = pos + nd0 + 1;
    while (buf[end - 1] === 48) end--;
    if (end === pos + n + 1) end--; // nothing after the point
    return end;
  }
  if (-6 < n && n <= 0) {
    buf[pos++] = 48;
    buf[pos++] = 46;
    for (let i = n; i < 0; i++) buf[pos++] = 48;
    putCounted(buf, pos, hi, lo, nd0);
    let end = pos + nd0;
    while (buf[end - 1] === 48) end--;
    return end;
  }
  putCounted(buf, pos + 1, hi, lo, nd0);
  return exponentForm(buf, pos, nd0, n);
}

/** putDecimal when the digit count nd (of hi·10^9 + lo) is known already. */
function putCounted(out: Uint8Array, at: number, hi: number, lo: number, nd: number): void {
  if (hi === 0) putDigits(out, at + nd, lo | 0, nd);
  else {
    putDigits(out, at + nd - 9, hi | 0, nd - 9);
    putDigits(out, at + nd, lo | 0, 9);
  }
}

/** Exponent form of the nd digits at buf[pos + 1 …]: d.ddd e±x, trailing zeros trimmed. */
function exponentForm(buf: Uint8Array, pos: number, nd: number, n: number): number {
  let end = pos + 1 + nd;
  while (end > pos + 2 && buf[end - 1] === 48) end--;
  buf[pos] = buf[pos + 1]!;
  if (end > pos + 2) buf[pos + 1] = 46;
  else end = pos + 1;
  buf[end++] = 101;
  let e = n - 1;
  if (e < 0) {
    buf[end++] = 45;
    e = -e;
  } else buf[end++] = 43;
  const ne = digitCount(e);
  putDigits(buf, end + ne, e, ne);
  return end + ne;
}

/** Writes an ASCII string (number text from a fallback); returns the new position. */
export function writeAscii(buf: Uint8Array, pos: number, s: string): number {
  for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
  return pos;
}

/** Writes an integer |x| < 2^53 as `String(x)` would; returns the new position. */
export function writeInt(buf: Uint8Array, pos: number, x: number): number {
  if (x < 0) {
    buf[pos++] = 45;
    x = -x;
  }
  if (x < 2147483648) {
    x |= 0;
    const n = digitCount(x);
    putDigits(buf, pos + n, x, n);
    return pos + n;
  }
  const hi = Math.floor(x / 1e9);
  return emitDecimal(buf, pos, hi, x - hi * 1e9, 0);
}

/** Writes `String(x)` for a finite or infinite double (NaN is the caller's business). */
export function writeFloat64(buf: Uint8Array, pos: number, x: number): number {
  ONE64[0] = x;
  return writeFloat64At(buf, pos, ONE64, 0);
}

/** Writes `String(values[i])` (NaN is the caller's business); no number crosses a call unboxed. */
export function writeFloat64At(buf: Uint8Array, pos: number, values: Float64Array, i: number): number {
  const x = values[i]!;
  if (x === 0) {
    buf[pos] = 48;
    return pos + 1;
  }
  if (Number.isInteger(x) && x < TWO53 && x > -TWO53) return writeInt(buf, pos, x);
  let a = x;
  if (x < 0) {
    buf[pos++] = 45;
    a = -x;
  }
  REG[0] = a;
  if (a !== Infinity && shortest64()) return emitDecimal(buf, pos, outHi, outLo, outQ);
  return writeAscii(buf, pos, String(a));
}

/** Writes `formatFloat32(value)` (NaN is the caller's business). */
export function writeFloat32(buf: Uint8Array, pos: number, value: number): number {
  ONE32[0] = value; // rounds to float32 as Math.fround does
  return writeFloat32At(buf, pos, ONE32, 0);
}

/** Writes `formatFloat32(values[i])` (NaN is the caller's business). */
export function writeFloat32At(buf: Uint8Array, pos: number, values: Float32Array, i: number): number {
  const f = values[i]!;
  if (f === 0) return Object.is(f, -0) ? writeAscii(buf, pos, '-0') : ((buf[pos] = 48), pos + 1);
  if (Number.isInteger(f) && f < 16777216 && f > -16777216) return writeInt(buf, pos, f);
  const a = f < 0 ? -f : f;
  REG[0] = a;
  if (shortest32()) {
    if (f < 0) buf[pos++] = 45;
    return out32N < 1e9 ? emitDecimal(buf, pos, 0, out32N, out32Q) : emitDecimal(buf, pos, 1, out32N - 1e9, out32Q);
  }
  if (a !== Infinity && shortestFloat32Digits(a)) {
    if (f < 0) buf[pos++] = 45;
    const n = float32Digits.n;
    const hi = n >= 1e9 ? Math.floor(n / 1e9) : 0;
    return emitDecimal(buf, pos, hi, n - hi * 1e9, float32Digits.q);
  }
  return writeAscii(buf, pos, formatFloat32(f));
}

/** Writes `formatScaledFloat32(value, exponent)` (NaN is the caller's business). */
export function writeScaledFloat32(buf: Uint8Array, pos: number, value: number, exponent: number): number {
  ONE64[0] = value;
  return writeScaledFloat32At(buf, pos, ONE64, 0, exponent);
}

/** Writes `formatScaledFloat32(values[i], exponent)` (NaN is the caller's business). */
export function writeScaledFloat32At(buf: Uint8Array, pos: number, values: Float64Array, i: number, exponent: number): number {
  const value = values[i]!;
  if (exponent === 0) {
    ONE32[0] = value;
    return writeFloat32At(buf, pos, ONE32, 0);
  }
  const f = Math.fround(value / pow10(exponent));
  if (f === 0) return Object.is(value, -0) ? writeAscii(buf, pos, '-0') : ((buf[pos] = 48), pos + 1);
  const a = f < 0 ? -f : f;
  REG[0] = a;
  if (shortest32()) {
    if (f < 0) buf[pos++] = 45;
    const q = out32Q - exponent;
    return out32N < 1e9 ? emitDecimal(buf, pos, 0, out32N, q) : emitDecimal(buf, pos, 1, out32N - 1e9, q);
  }
  if (a !== Infinity && shortestFloat32Digits(a)) {
    const q = float32Digits.q - exponent;
    if (q <= 22 && q >= -22) {
      if (f < 0) buf[pos++] = 45;
      const n = float32Digits.n;
      const hi = n >= 1e9 ? Math.floor(n / 1e9) : 0;
      return emitDecimal(buf, pos, hi, n - hi * 1e9, q);
    }
  }
  return writeAscii(buf, pos, formatScaledFloat32(value, exponent));
}
