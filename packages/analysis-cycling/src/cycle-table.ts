/** Per-cycle quantities (analysis.md §4.2) from the steps of a segmentation. */
import type { Series } from './series.js';
import type { Segmentation } from './segment.js';
import type { CycleAssignment } from './cycles.js';

/** Coulombic-efficiency convention. `auto` = Q_out/Q_in of the cycle order (charge-first: Q_dis/Q_ch). */
export type CeConvention = 'auto' | 'discharge/charge' | 'charge/discharge';

/** One row per cycle. Capacities Ah, energies Wh, voltages V, currents A, times s; NaN when not defined. */
export interface CycleTable {
  length: number;
  cycle: Int32Array;
  chargeCapacityAh: Float64Array;
  dischargeCapacityAh: Float64Array;
  /** mAh/g; NaN without an active mass. */
  chargeSpecificCapacityMahPerG: Float64Array;
  dischargeSpecificCapacityMahPerG: Float64Array;
  coulombicEfficiencyPercent: Float64Array;
  chargeEnergyWh: Float64Array;
  dischargeEnergyWh: Float64Array;
  /** E_out/E_in with the same convention as the coulombic efficiency. */
  energyEfficiencyPercent: Float64Array;
  /** Energy / capacity of the half-cycle. */
  chargeAverageVoltage: Float64Array;
  dischargeAverageVoltage: Float64Array;
  /** Voltage when half of the half-cycle's capacity has passed. */
  chargeMedianVoltage: Float64Array;
  dischargeMedianVoltage: Float64Array;
  /** Voltage of the last record of the last charge (discharge) step. */
  endOfChargeVoltage: Float64Array;
  endOfDischargeVoltage: Float64Array;
  /** Hysteresis = average charge − average discharge voltage. */
  hysteresisVolt: Float64Array;
  ccChargeCapacityAh: Float64Array;
  cvChargeCapacityAh: Float64Array;
  ccDischargeCapacityAh: Float64Array;
  cvDischargeCapacityAh: Float64Array;
  durationSecond: Float64Array;
  chargeDurationSecond: Float64Array;
  dischargeDurationSecond: Float64Array;
  /** Mean |current| of the CC steps of the half-cycle (all current steps when there is no CC step). */
  chargeMeanCurrentA: Float64Array;
  dischargeMeanCurrentA: Float64Array;
  /** |mean current| / nominal capacity, h⁻¹. */
  chargeCRate: Float64Array;
  dischargeCRate: Float64Array;
  /** Q_dis / Q_dis(reference cycle) × 100. */
  retentionPercent: Float64Array;
}

/** Units of the CycleTable columns, for CSV headers and JSON output. */
export const CYCLE_TABLE_UNITS: Record<Exclude<keyof CycleTable, 'length'>, string | null> = {
  cycle: null,
  chargeCapacityAh: 'Ah',
  dischargeCapacityAh: 'Ah',
  chargeSpecificCapacityMahPerG: 'mAh/g',
  dischargeSpecificCapacityMahPerG: 'mAh/g',
  coulombicEfficiencyPercent: '%',
  chargeEnergyWh: 'Wh',
  dischargeEnergyWh: 'Wh',
  energyEfficiencyPercent: '%',
  chargeAverageVoltage: 'V',
  dischargeAverageVoltage: 'V',
  chargeMedianVoltage: 'V',
  dischargeMedianVoltage: 'V',
  endOfChargeVoltage: 'V',
  endOfDischargeVoltage: 'V',
  hysteresisVolt: 'V',
  ccChargeCapacityAh: 'Ah',
  cvChargeCapacityAh: 'Ah',
  ccDischargeCapacityAh: 'Ah',
  cvDischargeCapacityAh: 'Ah',
  durationSecond: 's',
  chargeDurationSecond: 's',
  dischargeDurationSecond: 's',
  chargeMeanCurrentA: 'A',
  dischargeMeanCurrentA: 'A',
  chargeCRate: '1/h',
  dischargeCRate: '1/h',
  retentionPercent: '%',
};

function emptyTable(n: number): CycleTable {
  const t = { length: n, cycle: new Int32Array(n) } as CycleTable;
  for (const k of Object.keys(CYCLE_TABLE_UNITS)) if (k !== 'cycle') (t as unknown as Record<string, Float64Array>)[k] = new Float64Array(n).fill(NaN);
  return t;
}

/**
 * Voltage at which the running charge of one direction (Σ max(±dq, 0) over the steps' records)
 * reaches half its total; linear between records.
 */
function midCapacityVoltage(s: Series, seg: Segmentation, stepIdx: number[], sign: 1 | -1, total: number): number {
  if (!(total > 0)) return NaN;
  const half = total / 2;
  let acc = 0;
  for (const k of stepIdx) {
    for (let i = seg.steps.start[k]!; i < seg.steps.end[k]!; i++) {
      const dq = sign * seg.increments.charge[i]!;
      if (!(dq > 0)) continue;
      if (acc + dq >= half) {
        const f = (half - acc) / dq;
        const v0 = i > 0 ? s.voltage[i - 1]! : s.voltage[i]!;
        return v0 + f * (s.voltage[i]! - v0);
      }
      acc += dq;
    }
  }
  return NaN;
}

export interface CycleTableOptions {
  activeMassGram: number | null;
  ceConvention: CeConvention;
  order: 'charge-first' | 'discharge-first';
}

/**
 * Builds the per-cycle table (C-rate and retention are filled by `fillRates` / `fillRetention`).
 * @example
 * const table = buildCycleTable(series, seg, cycles, { activeMassGram: 0.01, ceConvention: 'auto', order: 'charge-first' });
 */
export function buildCycleTable(s: Series, seg: Segmentation, cycles: CycleAssignment, opts: CycleTableOptions): CycleTable {
  const st = seg.steps;
  const numbers = [...new Set(Array.from(cycles.stepCycle))].sort((a, b) => a - b);
  const t = emptyTable(numbers.length);
  const row = new Map<number, number>();
  numbers.forEach((c, r) => (row.set(c, r), (t.cycle[r] = c)));
  const groups: { ch: number[]; dis: number[]; all: number[] }[] = numbers.map(() => ({ ch: [], dis: [], all: [] }));
  for (let k = 0; k < st.length; k++) {
    const g = groups[row.get(cycles.stepCycle[k]!)!]!;
    g.all.push(k);
    if (st.direction[k] === 1) g.ch.push(k);
    else if (st.direction[k] === -1) g.dis.push(k);
  }
  const ceDisOverCh = opts.ceConvention === 'auto' ? opts.order === 'charge-first' : opts.ceConvention === 'discharge/charge';
  for (let r = 0; r < numbers.length; r++) {
    const g = groups[r]!;
    // Capacities and energies follow the vendors' and BDF's definition: charge = Σ max(dq, 0) over every
    // record of the cycle (rests and transition records included), discharge = Σ max(−dq, 0).
    const half = (idx: number[], sign: 1 | -1) => {
      let q = 0, e = 0, dur = 0, ccQ = 0, cvQ = 0, ccT = 0, allT = 0, dirQ = 0;
      for (const k of g.all) {
        q += sign > 0 ? st.chargeCapacity[k]! : st.dischargeCapacity[k]!;
        e += sign > 0 ? st.chargeEnergy[k]! : st.dischargeEnergy[k]!;
      }
      for (const k of idx) {
        const qk = sign > 0 ? st.chargeCapacity[k]! : st.dischargeCapacity[k]!;
        dur += st.duration[k]!;
        dirQ += st.capacity[k]!;
        const activeT = st.meanCurrent[k] !== 0 ? (st.capacity[k]! * 3600) / Math.abs(st.meanCurrent[k]!) : 0;
        allT += activeT;
        if (st.type[k]!.startsWith('cc-')) (ccQ += qk), (ccT += activeT);
        else if (st.type[k]!.startsWith('cv-')) cvQ += qk;
      }
      let ccNet = 0;
      for (const k of idx) if (st.type[k]!.startsWith('cc-')) ccNet += st.capacity[k]!;
      const meanI = ccT > 0 ? (ccNet * 3600) / ccT : allT > 0 ? (dirQ * 3600) / allT : NaN;
      return { q, e, dur, ccQ, cvQ, meanI, n: idx.length };
    };
    const ch = half(g.ch, 1);
    const dis = half(g.dis, -1);
    if (ch.n) {
      t.chargeCapacityAh[r] = ch.q;
      t.chargeEnergyWh[r] = ch.e;
      t.chargeAverageVoltage[r] = ch.q > 0 ? ch.e / ch.q : NaN;
      t.chargeMedianVoltage[r] = midCapacityVoltage(s, seg, g.all, 1, ch.q);
      t.endOfChargeVoltage[r] = st.endVoltage[g.ch[g.ch.length - 1]!]!;
      t.ccChargeCapacityAh[r] = ch.ccQ;
      t.cvChargeCapacityAh[r] = ch.cvQ;
      t.chargeDurationSecond[r] = ch.dur;
      t.chargeMeanCurrentA[r] = ch.meanI;
    }
    if (dis.n) {
      t.dischargeCapacityAh[r] = dis.q;
      t.dischargeEnergyWh[r] = dis.e;
      t.dischargeAverageVoltage[r] = dis.q > 0 ? dis.e / dis.q : NaN;
      t.dischargeMedianVoltage[r] = midCapacityVoltage(s, seg, g.all, -1, dis.q);
      t.endOfDischargeVoltage[r] = st.endVoltage[g.dis[g.dis.length - 1]!]!;
      t.ccDischargeCapacityAh[r] = dis.ccQ;
      t.cvDischargeCapacityAh[r] = dis.cvQ;
      t.dischargeDurationSecond[r] = dis.dur;
      t.dischargeMeanCurrentA[r] = dis.meanI;
    }
    if (opts.activeMassGram && opts.activeMassGram > 0) {
      t.chargeSpecificCapacityMahPerG[r] = (t.chargeCapacityAh[r]! * 1000) / opts.activeMassGram;
      t.dischargeSpecificCapacityMahPerG[r] = (t.dischargeCapacityAh[r]! * 1000) / opts.activeMassGram;
    }
    if (ch.n && dis.n && ch.q > 0 && dis.q > 0) {
      t.coulombicEfficiencyPercent[r] = 100 * (ceDisOverCh ? dis.q / ch.q : ch.q / dis.q);
      if (ch.e > 0 && dis.e > 0) t.energyEfficiencyPercent[r] = 100 * (ceDisOverCh ? dis.e / ch.e : ch.e / dis.e);
      t.hysteresisVolt[r] = t.chargeAverageVoltage[r]! - t.dischargeAverageVoltage[r]!;
    }
    let dur = 0;
    for (const k of g.all) dur += st.duration[k]!;
    t.durationSecond[r] = dur;
  }
  return t;
}

/**
 * Fills the C-rate columns from a nominal capacity (Ah).
 * @example
 * fillRates(table, 0.002);
 */
export function fillRates(t: CycleTable, nominalCapacityAh: number): void {
  for (let r = 0; r < t.length; r++) {
    t.chargeCRate[r] = Math.abs(t.chargeMeanCurrentA[r]!) / nominalCapacityAh;
    t.dischargeCRate[r] = Math.abs(t.dischargeMeanCurrentA[r]!) / nominalCapacityAh;
  }
}

/**
 * Fills the retention column relative to a reference cycle.
 * @example
 * fillRetention(table, 3);
 */
export function fillRetention(t: CycleTable, referenceCycle: number): void {
  let ref = NaN;
  for (let r = 0; r < t.length; r++) if (t.cycle[r] === referenceCycle) ref = t.dischargeCapacityAh[r]!;
  for (let r = 0; r < t.length; r++) t.retentionPercent[r] = ref > 0 ? (100 * t.dischargeCapacityAh[r]!) / ref : NaN;
}
