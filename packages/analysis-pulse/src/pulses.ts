/**
 * Pulses of a segmented series (analysis.md §0.3): a maximal run of current steps of one direction
 * preceded by a rest. Built on the shared segmentation of @echemkit/analysis-cycling.
 */
import type { Segmentation } from '@echemkit/analysis-cycling';

export interface Pulse {
  /** First and one-past-last record of the pulse. */
  start: number;
  end: number;
  /** +1 charge, −1 discharge. */
  direction: 1 | -1;
  /** Records of the rest before ([restStart, start)) and after ([end, restAfterEnd), empty when none). */
  restStart: number;
  restAfterEnd: number;
  /** Mean current over the pulse's records with current, A (signed). */
  current: number;
  /** Net charge of the pulse, Ah (signed). */
  charge: number;
  /** Duration, s: from the last rest record (when the current was switched on) to the pulse's last record. */
  duration: number;
}

/**
 * Finds pulses: current steps after a rest. `requireRestAfter` drops a pulse that is not followed by a
 * rest (the incomplete last pulse of a running titration).
 * @example
 * const pulses = findPulses(seg, true);
 */
export function findPulses(seg: Segmentation, requireRestAfter: boolean): Pulse[] {
  const st = seg.steps;
  const isRest = (k: number) => st.direction[k] === 0 && st.type[k] !== 'eis';
  const out: Pulse[] = [];
  for (let k = 1; k < st.length; k++) {
    if (st.direction[k] === 0 || !isRest(k - 1)) continue;
    const dir = st.direction[k]! as 1 | -1;
    let j = k;
    while (j + 1 < st.length && st.direction[j + 1] === dir) j++;
    const after = j + 1 < st.length && isRest(j + 1) ? j + 1 : -1;
    if (requireRestAfter && after < 0) continue;
    let q = 0;
    let activeT = 0;
    for (let m = k; m <= j; m++) {
      q += dir * st.capacity[m]!;
      if (st.meanCurrent[m] !== 0) activeT += (st.capacity[m]! * 3600) / Math.abs(st.meanCurrent[m]!);
    }
    out.push({
      start: st.start[k]!,
      end: st.end[j]!,
      direction: dir,
      restStart: st.start[k - 1]!,
      restAfterEnd: after >= 0 ? st.end[after]! : st.end[j]!,
      current: activeT > 0 ? (q * 3600) / activeT : NaN,
      charge: q,
      duration: st.startTime[j]! + st.duration[j]! - st.startTime[k]!,
    });
    k = j;
  }
  return out;
}
