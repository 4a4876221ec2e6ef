/**
 * BTSDA-style ("software") cycle numbering. The hardware cycle counter often differs from
 * what BTSDA shows; BTSDA's "Charge First" statistic starts a new cycle at the first charge
 * step that follows a discharge. Rule as documented for NewareNDA (utils.py
 * `_generate_cycle_number`); the implementation is ours.
 */
import { STEP_TYPE_VENDOR_NAMES } from './step-types.js';

export type CycleMode = 'chg' | 'dchg' | 'auto';

/**
 * Cycle numbers (1-based) renumbered from the step-type codes.
 * @param status step type code per record
 * @param mode 'chg': a charge after a discharge starts a cycle; 'dchg' the reverse; 'auto' picks
 * the direction of the first non-rest step.
 * @example
 * btsdaCycleNumbers(Uint8Array.from([1, 2, 1, 2]), 'chg'); // Int32Array [1, 1, 2, 2]
 */
export function btsdaCycleNumbers(status: Uint8Array, mode: CycleMode = 'chg'): Int32Array {
  const n = status.length;
  let m = mode;
  if (m === 'auto') {
    m = 'chg';
    for (let i = 0; i < n; i++) {
      const v = STEP_TYPE_VENDOR_NAMES[status[i]!];
      if (!v || v === 'Rest') continue;
      const us = v.indexOf('_');
      if (us > 0 && v.slice(us + 1) === 'DChg') m = 'dchg';
      break;
    }
  }
  const inKey = m === 'chg' ? 'Chg' : 'DChg';
  const offKey = m === 'chg' ? 'DChg' : 'Chg';
  const starters = new Set([`CC_${inKey}`, `CCCV_${inKey}`, `CP_${inKey}`]);
  // Per-code flags, so the loop does no string work: 1 starter, 2 "<method>_<state>" name, 4 off state, 8 SIM.
  const flags = new Uint8Array(256);
  for (const [code, v] of Object.entries(STEP_TYPE_VENDOR_NAMES)) {
    const us = v.indexOf('_');
    let f = 0;
    if (starters.has(v)) f |= 1;
    if (us > 0) f |= 2;
    if (us > 0 && v.slice(us + 1) === offKey) f |= 4;
    if (v === 'SIM') f |= 8;
    flags[Number(code)] = f;
  }
  const out = new Int32Array(n);
  let cycle = 1;
  let seenOff = false;
  let prevStarter = false;
  for (let i = 0; i < n; i++) {
    const f = flags[status[i]!]!;
    const isStarter = (f & 1) !== 0;
    const starts = i === 0 ? true : isStarter && !prevStarter;
    prevStarter = isStarter;
    if (f & 2) {
      if (starts && seenOff) {
        cycle++;
        seenOff = false;
      } else if (f & 4) seenOff = true;
    } else if (f & 8) seenOff = true;
    out[i] = cycle;
  }
  return out;
}
