/**
 * Current-range scaling of the integer layouts (nda v29, ndc v2/v5): current_mA = raw × M,
 * capacities and energies use the same M then ÷ 3600. Keys are the signed "range" field;
 * the table is NewareNDA's dicts.py `multiplier_dict` (see /work/shared/docs/formats/neware-nda.md).
 * Values are stored as the power of ten of M so conversions stay decimal-exact.
 */

/** log10(M) by range code; `null` for range 0 (M = 0: the channel reports no current). */
const RANGE_EXPONENT = new Map<number, number | null>([
  [-100000000, 1],
  ...[-200000, -100000, -60000, -50000, -40000, -30000, -20000, -12000, -10000, -6000, -5000, -3000, -2000, -1000].map((k) => [k, -2] as [number, number]),
  [-500, -3],
  [-100, -3],
  ...[-50, -25, -20, -10].map((k) => [k, -4] as [number, number]),
  ...[-5, -2, -1].map((k) => [k, -5] as [number, number]),
  [0, null],
  ...[1, 2, 5].map((k) => [k, -4] as [number, number]),
  ...[10, 20, 25, 50].map((k) => [k, -3] as [number, number]),
  ...[100, 200, 250, 500].map((k) => [k, -2] as [number, number]),
  ...[1000, 6000, 10000, 12000, 20000, 30000, 40000, 50000, 60000, 100000, 200000].map((k) => [k, -1] as [number, number]),
]);

/**
 * Power of ten of the multiplier M for a range code: `undefined` when the code is unknown,
 * `null` for range 0 (multiplier 0).
 * @example
 * rangeExponent(-1000); // -2  (raw × 0.01 → mA)
 */
export function rangeExponent(range: number): number | null | undefined {
  return RANGE_EXPONENT.get(range);
}

/** Divisor d with value_in_base_unit = raw / d for a mA-based exponent e (mA → A adds -3). 0 when M = 0. */
export function baseUnitDivisor(e: number | null): number {
  if (e === null) return 0;
  const k = -(e - 3); // raw × 10^e mA = raw × 10^(e-3) A = raw / 10^(3-e)
  return Number(`1e${k}`);
}

/** Known range codes (for messages). */
export function knownRanges(): number[] {
  return [...RANGE_EXPONENT.keys()].sort((a, b) => a - b);
}
