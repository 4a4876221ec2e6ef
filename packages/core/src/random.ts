/** A small deterministic pseudo-random generator, so that results and failures reproduce. */

/**
 * mulberry32: uniform numbers in [0, 1) from a 32-bit seed (the same sequence on every run).
 * @example
 * const r = mulberry32(1);
 * r() === mulberry32(1)(); // true
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
