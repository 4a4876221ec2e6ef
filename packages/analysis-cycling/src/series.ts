/** Picks the time series to analyse and reads its columns as float64 arrays. */
import {
  AnalysisError,
  findQuantityColumn,
  numericValues,
  quantityColumn,
  resolveVoltage,
  type Column,
  type EchemkitDocument,
  type Measurement,
} from '@echemkit/core';

/** The columns an analysis needs, as float64 arrays of one length (NaN = missing). */
export interface Series {
  /** Index of the measurement in the document. */
  measurementIndex: number;
  length: number;
  time: Float64Array;
  current: Float64Array;
  voltage: Float64Array;
  /** Name of the column used as voltage. */
  voltageColumn: string;
  /** True when the working-electrode potential stands for the cell voltage (see `resolveVoltage`). */
  voltageAssumed: boolean;
  /** True when the voltage is computed here (Ewe − Ece): the file's energy counters may refer to another potential. */
  voltageDerived: boolean;
  /** 'current_ampere', or how the current was derived when the file has none. */
  currentSource: string;
  /** The measurement itself, for the optional columns (cycle, step, capacity …). */
  measurement: Measurement;
}

const hasQuantity = (m: Measurement, q: string): boolean => m.columns.some((c) => c.quantity === q);

/**
 * True when a measurement has time, current (or dq) and a usable voltage.
 * @example
 * doc.measurements.filter(isCyclingSeries);
 */
export function isCyclingSeries(m: Measurement): boolean {
  return (
    m.kind === 'timeseries' &&
    hasQuantity(m, 'test_time_second') &&
    (hasQuantity(m, 'current_ampere') || hasQuantity(m, 'step_net_charge_ah')) &&
    cellVoltage(m) !== undefined
  );
}

/**
 * The time series of a document (by index, or the first one with time, current and voltage).
 * @example
 * const s = selectSeries(doc); // s.time, s.current, s.voltage
 */
export function selectSeries(doc: EchemkitDocument, measurementIndex?: number, preferPotential = false): Series {
  let index = measurementIndex ?? doc.measurements.findIndex(isCyclingSeries);
  if (measurementIndex !== undefined && (measurementIndex < 0 || measurementIndex >= doc.measurements.length)) {
    throw new AnalysisError(`measurement ${measurementIndex} does not exist`, {
      format: 'analysis-cycling',
      expected: `an index 0..${doc.measurements.length - 1}`,
    });
  }
  if (index < 0) {
    throw new AnalysisError('no time series with test_time_second, current_ampere and a cell voltage', {
      format: 'analysis-cycling',
      hint: 'Cycling analysis needs a time series; impedance or spectra cannot be cycled',
    });
  }
  const m = doc.measurements[index]!;
  const t = findQuantityColumn(m, 'test_time_second');
  const i = findQuantityColumn(m, 'current_ampere');
  const dq = i ? undefined : findQuantityColumn(m, 'step_net_charge_ah');
  let v: { column: Column; assumed: boolean } | undefined;
  if (preferPotential) {
    const we = findQuantityColumn(m, 'working_electrode_potential_volt');
    v = we ? { column: we, assumed: false } : cellVoltage(m);
  } else v = cellVoltage(m);
  if (!t || (!i && !dq) || !v) {
    throw new AnalysisError(`measurement ${index} lacks ${!t ? 'test_time_second' : !i ? 'current_ampere' : 'a voltage column'}`, {
      format: 'analysis-cycling',
    });
  }
  index = index < 0 ? 0 : index;
  return {
    measurementIndex: index,
    length: t.values.length,
    time: numericValues(t),
    current: i ? numericValues(i) : currentFromCharge(numericValues(t), numericValues(dq!)),
    currentSource: i ? 'current_ampere' : 'derived: step_net_charge_ah × 3600 / Δt (mean current of each interval)',
    voltage: numericValues(v.column),
    voltageColumn: v.column.name,
    voltageAssumed: v.assumed,
    voltageDerived: v.column.derived === true,
    measurement: m,
  };
}

/**
 * `resolveVoltage`, plus a derived Ewe − Ece column when the file has both potentials but no cell
 * voltage (Bio-Logic .mpr files with Ece store no Ewe-Ece column; EC-Lab computes it on export).
 */
export function cellVoltage(m: Measurement): { column: Column; assumed: boolean } | undefined {
  const r = resolveVoltage(m);
  if (r) return r;
  const we = findQuantityColumn(m, 'working_electrode_potential_volt');
  const ce = findQuantityColumn(m, 'counter_electrode_potential_volt');
  if (!we || !ce) return undefined;
  const a = numericValues(we);
  const b = numericValues(ce);
  const v = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) v[i] = a[i]! - b[i]!;
  return { column: quantityColumn('voltage_volt', v, { derived: true, name: 'derived Ewe-Ece', description: 'working minus counter electrode potential' }), assumed: false };
}

/**
 * Float64 values of the first column of a quantity, or undefined.
 * @example
 * optionalQuantity(m, 'cycle_count');
 */
export function optionalQuantity(m: Measurement, quantity: string): Float64Array | undefined {
  const c = findQuantityColumn(m, quantity);
  return c ? numericValues(c) : undefined;
}

/**
 * Values of a string column of a quantity (step_type), or undefined.
 * @example
 * optionalText(m, 'step_type')?.[0]; // 'CC_CHG'
 */
export function optionalText(m: Measurement, quantity: string): (string | null)[] | undefined {
  const c = findQuantityColumn(m, quantity);
  if (!c || ArrayBuffer.isView(c.values)) return undefined;
  return (c.values as unknown[]).map((x) => (x === null || x === undefined ? null : String(x)));
}

/**
 * Mean current of each interval from the charge passed per record (Bio-Logic GCPL .mpr files store
 * dq but no current): I_i = dq_i·3600 / (t_i − t_{i−1}); the first record takes the second's value.
 */
export function currentFromCharge(t: Float64Array, dq: Float64Array): Float64Array {
  const n = t.length;
  const out = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const dt = t[i]! - t[i - 1]!;
    out[i] = dt > 0 ? (dq[i]! * 3600) / dt : dq[i] === 0 ? 0 : NaN;
  }
  if (n > 1) out[0] = dq[0] === 0 ? 0 : out[1]!;
  return out;
}
