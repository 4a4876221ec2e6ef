/**
 * Bio-Logic current-range codes as written in the `I Range` data column (.mpt integer,
 * .mpr column 39). Labels from /work/shared/docs/formats/biologic-mpr.md (yadg `param_map`;
 * biologic-converter agrees on 9–14, 21–24, 37–40). Codes 46–193 (high-current boosters)
 * are not listed publicly in a form we could verify and stay unlabelled (the raw code is kept).
 */
export const I_RANGE_LABELS: Readonly<Record<number, string>> = {
  1: '10 mA',
  2: '100 µA',
  3: '1 µA',
  4: '2 A',
  5: '1 A',
  6: '5 A',
  7: '10 A',
  8: '20 A',
  9: '1 A',
  10: '100 mA',
  11: '10 mA',
  12: '1 mA',
  13: '100 µA',
  14: '10 µA',
  15: 'Auto',
  16: '100 mA',
  17: '10 mA',
  18: '1 mA',
  19: '100 µA',
  20: '100 µA',
  21: '10 µA',
  22: '1 µA',
  23: '100 nA',
  24: '10 nA',
  25: '1 nA',
  26: '80 A',
  27: '4 A',
  28: 'PAC',
  29: '4 A',
  30: '100 µA',
  31: '10 µA',
  32: '1 µA',
  33: '100 nA',
  34: '10 nA',
  35: '1 nA',
  36: '8 A',
  37: '1 A',
  38: '100 mA',
  39: '10 mA',
  40: '1 mA',
  41: '100 µA',
  42: '10 µA',
  43: '1 µA',
  44: '100 nA',
  45: '10 nA',
  122: 'Auto Limited',
  123: 'Unset',
};

/**
 * The `codes` map (code → label) for the codes that occur in `values`.
 * @example
 * iRangeCodes(new Int32Array([39, 39, 40])); // { '39': '10 mA', '40': '1 mA' }
 */
export function iRangeCodes(values: ArrayLike<number>): Record<string, string> {
  // Codes are small integers: mark them in a table (a Set costs a hash per record).
  const mark = new Uint8Array(65536);
  const other = new Set<number>();
  if (values instanceof Int32Array || values instanceof Uint16Array || values instanceof Uint8Array) {
    // Integers already: only the range needs checking.
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (x >>> 0 < 65536) mark[x] = 1;
      else other.add(x);
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (x >= 0 && x < 65536 && (x | 0) === x) mark[x] = 1;
      else other.add(x);
    }
  }
  const seen: number[] = [...other];
  for (let c = 0; c < 65536; c++) if (mark[c]) seen.push(c);
  const out: Record<string, string> = {};
  for (const c of seen.sort((a, b) => a - b)) {
    const label = I_RANGE_LABELS[c];
    if (label !== undefined) out[String(c)] = label;
  }
  return out;
}
