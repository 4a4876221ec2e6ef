/** `analyzeCycling`: the whole cycling analysis of a document in one call. */
import { AnalysisError, quantityColumn, type Column, type EchemkitDocument } from '@echemkit/core';
import { selectSeries, type Series } from './series.js';
import { segment, type Segmentation, type SegmentOptions } from './segment.js';
import { assignCycles, type CycleAssignment, type CycleOrder } from './cycles.js';
import { buildCycleTable, fillRates, fillRetention, type CeConvention, type CycleTable } from './cycle-table.js';
import { rateCapability, type RateTable } from './rate.js';
import { differentialAnalysis, type DifferentialOptions, type DifferentialResult } from './differential.js';
import { linearFit, median } from './stats.js';
import { PACKAGE_VERSION } from './version.js';

export interface CyclingOptions extends SegmentOptions {
  /** Measurement index (default: the first time series with time, current and voltage). */
  measurement?: number;
  /** Active mass, g (default: document.sample.activeMassGram). */
  activeMassGram?: number;
  /** Nominal capacity, Ah (default: document.sample.nominalCapacityAh, else from the first cycles). */
  nominalCapacityAh?: number;
  /** Without a nominal capacity: median discharge capacity of this many first complete cycles. Default 1. */
  nominalFromFirstCycles?: number;
  /** 'auto' (default) = file's cycle_count when present; 'file'; 'derived'. */
  cycleSource?: 'auto' | 'file' | 'derived';
  /** Which half opens a cycle when cycles are derived. Default 'charge-first'. */
  order?: CycleOrder;
  /** Coulombic-efficiency convention. Default 'auto' (Q_out/Q_in: charge-first → Q_dis/Q_ch). */
  ceConvention?: CeConvention;
  /** Cycle the retention refers to. Default: the first complete cycle after `formationCycles`. */
  referenceCycle?: number;
  /** Complete cycles treated as formation (skipped for the reference). Default 0. */
  formationCycles?: number;
  /** Report retention this many cycles after the reference. Default [] (the last cycle is always reported). */
  retentionAfter?: number[];
  /** Cycle range [first, last] of the voltage-decay fit. Default: reference cycle … last complete cycle. */
  voltageDecayRange?: [number, number];
  /** Rate grouping: relative tolerance (default 0.1) and basis (default 'discharge'). */
  rateTolerance?: number;
  rateBasis?: 'discharge' | 'charge';
  /** Differential analysis options; `false` skips dQ/dV. */
  differential?: DifferentialOptions | false;
}

export interface CyclingSummary {
  /** First cycle with both a charge and a discharge. */
  firstCompleteCycle: number | null;
  initialChargeCapacityAh: number;
  initialDischargeCapacityAh: number;
  initialChargeSpecificCapacityMahPerG: number;
  initialDischargeSpecificCapacityMahPerG: number;
  /** Coulombic efficiency of the first complete cycle, %. */
  initialCoulombicEfficiencyPercent: number;
  referenceCycle: number | null;
  lastCompleteCycle: number | null;
  retentionAtLastCyclePercent: number;
  retentionAfter: { cycles: number; cycle: number; retentionPercent: number }[];
  /** Slope of the average discharge voltage vs cycle, mV/cycle, with its standard error. */
  voltageDecay: { slopeMvPerCycle: number; slopeStdErrMvPerCycle: number; interceptVolt: number; rSquared: number; firstCycle: number; lastCycle: number; n: number };
  nominalCapacityAh: number;
  nominalCapacitySource: string;
  activeMassGram: number | null;
}

export interface CyclingResult {
  method: string;
  parameters: Record<string, unknown>;
  packageVersion: string;
  cycles: CycleTable;
  summary: CyclingSummary;
  rateCapability: RateTable;
  steps: Segmentation['steps'];
  /** Cycle number of every step. */
  stepCycle: Int32Array;
  differential: DifferentialResult | null;
  /** Derived per-record columns, marked derived: step_count, step_type, cycle_count (when derived), and the
   * cell voltage (Ewe − Ece) or current (dq/Δt) when they had to be derived. */
  derivedColumns: Column[];
}

/**
 * Derived per-record columns of a segmentation: `step_count`, `step_type` and (when derived) `cycle_count`,
 * all `derived: true`, ready to append to a measurement under distinct names.
 * @example
 * m.columns.push(...segmentationColumns(seg, cycles));
 */
export function segmentationColumns(seg: Segmentation, cycles: CycleAssignment): Column[] {
  const n = seg.recordStep.length;
  const stepCount = new Int32Array(n);
  const type: string[] = new Array(n);
  const cyc = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = seg.recordStep[i]!;
    stepCount[i] = k + 1;
    type[i] = seg.steps.type[k]!;
    cyc[i] = cycles.stepCycle[k]!;
  }
  const out = [
    quantityColumn('step_count', stepCount, { derived: true, name: 'derived_step_count', description: 'Steps found by echemkit segmentation' }),
    quantityColumn('step_type', type, { derived: true, name: 'derived_step_type', description: 'Step type found by echemkit segmentation' }),
  ];
  if (cycles.derived) out.push(quantityColumn('cycle_count', cyc, { derived: true, name: 'derived_cycle_count', description: `Cycles ${cycles.source}` }));
  return out;
}

/**
 * Cycling analysis of a converted document: steps, cycles, per-cycle table, summary (initial
 * capacity, ICE, retention, voltage decay), rate capability and dQ/dV / dV/dQ with peak tracking.
 * @example
 * const r = analyzeCycling(doc, { activeMassGram: 0.0123, order: 'discharge-first' });
 * r.cycles.dischargeSpecificCapacityMahPerG[0];
 * r.summary.voltageDecay.slopeMvPerCycle;
 */
export function analyzeCycling(doc: EchemkitDocument, options: CyclingOptions = {}): CyclingResult {
  const s: Series = selectSeries(doc, options.measurement);
  if (s.length < 2) throw new AnalysisError('the time series has fewer than 2 records', { format: 'analysis-cycling' });
  const seg = segment(s, options);
  const order = options.order ?? 'charge-first';
  const cycleSource = options.cycleSource ?? 'auto';
  const cycles = assignCycles(s, seg.steps, cycleSource, order);
  if (cycleSource === 'file' && cycles.derived) throw new AnalysisError('cycleSource "file" but the measurement has no cycle_count column', { format: 'analysis-cycling' });
  const mass = options.activeMassGram ?? doc.sample?.activeMassGram ?? null;
  const ceConvention = options.ceConvention ?? 'auto';
  const table = buildCycleTable(s, seg, cycles, { activeMassGram: mass, ceConvention, order });

  const complete: number[] = [];
  for (let r = 0; r < table.length; r++) if (table.chargeCapacityAh[r]! > 0 && table.dischargeCapacityAh[r]! > 0) complete.push(r);

  // nominal capacity → C-rates
  let nominal = options.nominalCapacityAh ?? doc.sample?.nominalCapacityAh ?? NaN;
  let nominalSource = options.nominalCapacityAh !== undefined ? 'option' : Number.isFinite(nominal) ? 'document.sample.nominalCapacityAh' : '';
  if (!(nominal > 0)) {
    const k = Math.max(1, options.nominalFromFirstCycles ?? 1);
    const rows = complete.slice(0, k);
    nominal = median(rows.map((r) => table.dischargeCapacityAh[r]!));
    nominalSource = `median discharge capacity of the first ${rows.length} complete cycle(s)`;
  }
  if (nominal > 0) fillRates(table, nominal);

  // reference cycle → retention
  const formation = options.formationCycles ?? 0;
  const refRow = options.referenceCycle !== undefined ? table.cycle.indexOf(options.referenceCycle) : complete[formation] ?? -1;
  const referenceCycle = refRow >= 0 ? table.cycle[refRow]! : null;
  if (referenceCycle !== null) fillRetention(table, referenceCycle);

  const first = complete.length ? complete[0]! : -1;
  const lastRow = complete.length ? complete[complete.length - 1]! : -1;
  const retentionAfter = (options.retentionAfter ?? []).map((nc) => {
    const cyc = (referenceCycle ?? 0) + nc;
    const r = table.cycle.indexOf(cyc);
    return { cycles: nc, cycle: cyc, retentionPercent: r >= 0 ? table.retentionPercent[r]! : NaN };
  });

  // voltage decay
  const [d0, d1] = options.voltageDecayRange ?? [referenceCycle ?? -Infinity, lastRow >= 0 ? table.cycle[lastRow]! : Infinity];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = 0; r < table.length; r++) {
    const c = table.cycle[r]!;
    if (c >= d0 && c <= d1 && Number.isFinite(table.dischargeAverageVoltage[r]!)) (xs.push(c), ys.push(table.dischargeAverageVoltage[r]!));
  }
  const fit = linearFit(xs, ys);

  const summary: CyclingSummary = {
    firstCompleteCycle: first >= 0 ? table.cycle[first]! : null,
    initialChargeCapacityAh: first >= 0 ? table.chargeCapacityAh[first]! : NaN,
    initialDischargeCapacityAh: first >= 0 ? table.dischargeCapacityAh[first]! : NaN,
    initialChargeSpecificCapacityMahPerG: first >= 0 ? table.chargeSpecificCapacityMahPerG[first]! : NaN,
    initialDischargeSpecificCapacityMahPerG: first >= 0 ? table.dischargeSpecificCapacityMahPerG[first]! : NaN,
    initialCoulombicEfficiencyPercent: first >= 0 ? table.coulombicEfficiencyPercent[first]! : NaN,
    referenceCycle,
    lastCompleteCycle: lastRow >= 0 ? table.cycle[lastRow]! : null,
    retentionAtLastCyclePercent: lastRow >= 0 ? table.retentionPercent[lastRow]! : NaN,
    retentionAfter,
    voltageDecay: {
      slopeMvPerCycle: fit.slope * 1000,
      slopeStdErrMvPerCycle: fit.slopeStdErr * 1000,
      interceptVolt: fit.intercept,
      rSquared: fit.rSquared,
      firstCycle: xs.length ? xs[0]! : NaN,
      lastCycle: xs.length ? xs[xs.length - 1]! : NaN,
      n: fit.n,
    },
    nominalCapacityAh: nominal,
    nominalCapacitySource: nominalSource,
    activeMassGram: mass,
  };
  const rateTolerance = options.rateTolerance ?? 0.1;
  const rateBasis = options.rateBasis ?? 'discharge';
  const differential = options.differential === false ? null : differentialAnalysis(s, seg, cycles, options.differential ?? {});
  return {
    method:
      'echemkit cycling analysis (analysis.md §0, §4): steps from vendor step columns or current state, cycles from the file or derived, ' +
      'capacities and energies from the file counters or trapezoidal integration, average voltage = energy / capacity, ' +
      'voltage decay by least squares, dQ/dV on a uniform voltage grid',
    parameters: {
      measurement: s.measurementIndex,
      voltageColumn: s.voltageColumn,
      voltageAssumedFromWorkingElectrode: s.voltageAssumed,
      currentSource: s.currentSource,
      ...seg.parameters,
      cycleSource: cycles.source,
      order,
      ceConvention: ceConvention === 'auto' ? (order === 'charge-first' ? 'auto: discharge/charge' : 'auto: charge/discharge') : ceConvention,
      activeMassGram: mass,
      nominalCapacityAh: nominal,
      nominalCapacitySource: nominalSource,
      referenceCycle,
      formationCycles: formation,
      voltageDecayRange: [d0, d1],
      rateTolerance,
      rateBasis,
      differential: options.differential === false ? false : { gridStepVolt: 0.001, smoothing: 'savgol', windowVolt: 0.021, polyOrder: 3, gaussianFwhmVolt: 0.01, dvdqPoints: 1000, dvdqWindowFraction: 0.02, signed: false, trackWindowVolt: 0.03, peaks: { minProminenceFraction: 0.05, minSeparation: 0.02 }, ...(options.differential ?? {}) },
    },
    packageVersion: PACKAGE_VERSION,
    cycles: table,
    summary,
    rateCapability: rateCapability(table, rateTolerance, rateBasis),
    steps: seg.steps,
    stepCycle: cycles.stepCycle,
    differential,
    derivedColumns: [
      ...segmentationColumns(seg, cycles),
      ...(s.voltageDerived ? [quantityColumn('voltage_volt', s.voltage, { derived: true, name: 'derived_voltage_volt', description: 'Ewe − Ece' })] : []),
      ...(s.currentSource !== 'current_ampere' ? [quantityColumn('current_ampere', s.current, { derived: true, name: 'derived_current_ampere', description: s.currentSource })] : []),
    ],
  };
}
