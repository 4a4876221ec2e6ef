/** Rate capability (analysis.md §4.3): consecutive cycles grouped by C-rate. */
import type { CycleTable } from './cycle-table.js';

/** One row per group of consecutive cycles at one C-rate. */
export interface RateTable {
  length: number;
  firstCycle: Int32Array;
  lastCycle: Int32Array;
  cycleCount: Int32Array;
  /** Mean C-rate of the group, h⁻¹. */
  meanCRate: Float64Array;
  /** Nearest standard rate: 'C/10', '1C', '2C' … */
  label: string[];
  meanDischargeCapacityAh: Float64Array;
  lastDischargeCapacityAh: Float64Array;
  meanChargeCapacityAh: Float64Array;
  /** Mean capacity of the basis direction relative to the first group, %. */
  relativeToFirstPercent: Float64Array;
  /** Relative to the group with the lowest C-rate (the first one when rates tie), %. */
  relativeToLowestRatePercent: Float64Array;
  /** True for a later group at the first group's rate (recovery step). */
  recovery: boolean[];
}

const STANDARD: [number, string][] = [
  [1 / 100, 'C/100'], [1 / 50, 'C/50'], [1 / 40, 'C/40'], [1 / 24, 'C/24'], [1 / 20, 'C/20'], [1 / 10, 'C/10'],
  [1 / 8, 'C/8'], [1 / 5, 'C/5'], [1 / 4, 'C/4'], [1 / 3, 'C/3'], [1 / 2, 'C/2'], [1, '1C'], [2, '2C'], [3, '3C'],
  [4, '4C'], [5, '5C'], [10, '10C'], [20, '20C'],
];

/** Nearest standard C-rate label (by ratio). @example rateLabel(0.098); // 'C/10' */
export function rateLabel(cRate: number): string {
  if (!(cRate > 0)) return 'n/a';
  let best = STANDARD[0]!;
  for (const s of STANDARD) if (Math.abs(Math.log(cRate / s[0])) < Math.abs(Math.log(cRate / best[0]))) best = s;
  return best[1];
}

/**
 * Groups consecutive cycles whose C-rate (of `basis`) stays within `tolerance` (relative) of the
 * group's running mean. Cycles without that half-cycle are skipped.
 * @example
 * const rates = rateCapability(table, 0.1, 'discharge');
 */
export function rateCapability(t: CycleTable, tolerance = 0.1, basis: 'discharge' | 'charge' = 'discharge'): RateTable {
  const rate = basis === 'discharge' ? t.dischargeCRate : t.chargeCRate;
  const cap = basis === 'discharge' ? t.dischargeCapacityAh : t.chargeCapacityAh;
  const groups: number[][] = [];
  let cur: number[] = [];
  let sum = 0;
  for (let r = 0; r < t.length; r++) {
    const c = rate[r]!;
    if (!(c > 0) || !(cap[r]! > 0)) continue;
    if (cur.length && Math.abs(c - sum / cur.length) <= tolerance * (sum / cur.length)) {
      cur.push(r);
      sum += c;
    } else {
      if (cur.length) groups.push(cur);
      cur = [r];
      sum = c;
    }
  }
  if (cur.length) groups.push(cur);
  const n = groups.length;
  const out: RateTable = {
    length: n,
    firstCycle: new Int32Array(n),
    lastCycle: new Int32Array(n),
    cycleCount: new Int32Array(n),
    meanCRate: new Float64Array(n),
    label: [],
    meanDischargeCapacityAh: new Float64Array(n),
    lastDischargeCapacityAh: new Float64Array(n),
    meanChargeCapacityAh: new Float64Array(n),
    relativeToFirstPercent: new Float64Array(n),
    relativeToLowestRatePercent: new Float64Array(n),
    recovery: [],
  };
  const basisMean = new Float64Array(n);
  groups.forEach((g, k) => {
    const avg = (a: Float64Array) => g.reduce((s, r) => s + a[r]!, 0) / g.length;
    out.firstCycle[k] = t.cycle[g[0]!]!;
    out.lastCycle[k] = t.cycle[g[g.length - 1]!]!;
    out.cycleCount[k] = g.length;
    out.meanCRate[k] = avg(rate);
    out.label.push(rateLabel(out.meanCRate[k]!));
    out.meanDischargeCapacityAh[k] = avg(t.dischargeCapacityAh);
    out.lastDischargeCapacityAh[k] = t.dischargeCapacityAh[g[g.length - 1]!]!;
    out.meanChargeCapacityAh[k] = avg(t.chargeCapacityAh);
    basisMean[k] = avg(cap);
  });
  let lowest = 0;
  for (let k = 1; k < n; k++) if (out.meanCRate[k]! < out.meanCRate[lowest]! * (1 - tolerance)) lowest = k;
  for (let k = 0; k < n; k++) {
    out.relativeToFirstPercent[k] = (100 * basisMean[k]!) / basisMean[0]!;
    out.relativeToLowestRatePercent[k] = (100 * basisMean[k]!) / basisMean[lowest]!;
    out.recovery.push(k > 0 && out.label[k] === out.label[0]);
  }
  return out;
}
