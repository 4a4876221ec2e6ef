/**
 * Scalar complex helpers on (re, im) pairs. They write into a shared scratch pair instead of
 * returning objects, so the fitting inner loop allocates nothing.
 */

/** Scratch result of the last operation: read `c.re`, `c.im` right after a call. */
export const c = { re: 0, im: 0 };

/** Principal square root of a + jb. */
export function csqrt(a: number, b: number): void {
  const r = Math.hypot(a, b);
  if (r === 0) {
    c.re = 0;
    c.im = 0;
    return;
  }
  // Stable form: compute the larger part first, derive the other by division.
  if (a >= 0) {
    const t = Math.sqrt((r + a) / 2);
    c.re = t;
    c.im = b / (2 * t);
  } else {
    const t = Math.sqrt((r - a) / 2);
    c.re = Math.abs(b) / (2 * t);
    c.im = b >= 0 ? t : -t;
  }
}

/** tanh(a + jb); saturates to ±1 for |a| > 20 where sinh/cosh would overflow. */
export function ctanh(a: number, b: number): void {
  if (a > 20) {
    c.re = 1;
    c.im = 0;
    return;
  }
  if (a < -20) {
    c.re = -1;
    c.im = 0;
    return;
  }
  const d = Math.cosh(2 * a) + Math.cos(2 * b);
  c.re = Math.sinh(2 * a) / d;
  c.im = Math.sin(2 * b) / d;
}

/** (a + jb)^p on the principal branch. */
export function cpow(a: number, b: number, p: number): void {
  const r = Math.hypot(a, b);
  if (r === 0) {
    c.re = p === 0 ? 1 : 0;
    c.im = 0;
    return;
  }
  const m = Math.pow(r, p);
  const th = Math.atan2(b, a) * p;
  c.re = m * Math.cos(th);
  c.im = m * Math.sin(th);
}

/** (a + jb) / (x + jy). */
export function cdiv(a: number, b: number, x: number, y: number): void {
  // Smith's algorithm avoids overflow for large denominators.
  if (Math.abs(x) >= Math.abs(y)) {
    const r = y / x;
    const d = x + y * r;
    c.re = (a + b * r) / d;
    c.im = (b - a * r) / d;
  } else {
    const r = x / y;
    const d = x * r + y;
    c.re = (a * r + b) / d;
    c.im = (b * r - a) / d;
  }
}
