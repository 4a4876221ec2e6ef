/** Segment numbers of a cyclic voltammogram from sweep reversals (derived). */

/**
 * A new segment starts where the potential step changes sign. Numbering starts at `first`.
 * @example
 * segmentsFromReversals(new Float64Array([0, 1, 2, 1, 0]), 1); // Int32Array [1, 1, 1, 2, 2]
 */
export function segmentsFromReversals(potential: Float64Array, first: number): Int32Array {
  const n = potential.length;
  const out = new Int32Array(n);
  let seg = first;
  let dir = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const d = potential[i]! - potential[i - 1]!;
      const s = d > 0 ? 1 : d < 0 ? -1 : 0;
      if (s !== 0) {
        if (dir !== 0 && s !== dir) seg++;
        dir = s;
      }
    }
    out[i] = seg;
  }
  return out;
}
