/** Cycle numbers for the steps: the file's cycle column, or derived from half-cycles. */
import { optionalQuantity, type Series } from './series.js';
import type { StepTable } from './segment.js';

/** Which direction opens a cycle. Half cells (anodes vs Li) are often discharged first. */
export type CycleOrder = 'charge-first' | 'discharge-first';

export interface CycleAssignment {
  /** Cycle number of every step. */
  stepCycle: Int32Array;
  /** Half-cycle number of every step (1-based, derived from current direction; rests join the preceding half-cycle). */
  stepHalfCycle: Int32Array;
  /** 'file: cycle_count' or 'derived (charge-first)' … */
  source: string;
  /** True when the numbers were derived by echemkit. */
  derived: boolean;
}

/**
 * Assigns cycles to steps.
 * Derived numbering: a new cycle starts at every half-cycle in the opening direction (`order`);
 * half-cycles before the first opening one form cycle 0; rests belong to the preceding half-cycle
 * (leading rests to the first one).
 * @example
 * const c = assignCycles(series, seg.steps, 'auto', 'charge-first'); c.stepCycle[3];
 */
export function assignCycles(s: Series, steps: StepTable, source: 'auto' | 'file' | 'derived', order: CycleOrder): CycleAssignment {
  const m = steps.length;
  const stepHalfCycle = new Int32Array(m);
  let half = 0;
  let lastDir = 0;
  for (let k = 0; k < m; k++) {
    const d = steps.direction[k]!;
    if (d !== 0 && d !== lastDir) {
      half++;
      lastDir = d;
    }
    stepHalfCycle[k] = Math.max(1, half);
  }
  const file = source !== 'derived' ? optionalQuantity(s.measurement, 'cycle_count') : undefined;
  const stepCycle = new Int32Array(m);
  if (file) {
    for (let k = 0; k < m; k++) stepCycle[k] = file[steps.start[k]!]!;
    return { stepCycle, stepHalfCycle, source: 'file: cycle_count', derived: false };
  }
  const opening = order === 'charge-first' ? 1 : -1;
  let cycle = 0;
  let prev = 0;
  let firstAssigned = -1;
  for (let k = 0; k < m; k++) {
    const d = steps.direction[k]!;
    if (d !== 0) {
      if (d === opening && prev !== opening) cycle++;
      prev = d;
      if (firstAssigned < 0) firstAssigned = k;
    }
    stepCycle[k] = cycle;
  }
  // leading rests join the first half-cycle
  if (firstAssigned > 0) for (let k = 0; k < firstAssigned; k++) stepCycle[k] = stepCycle[firstAssigned]!;
  return { stepCycle, stepHalfCycle, source: `derived (${order})`, derived: true };
}
