/**
 * NewareRecords → schema columns: BDF quantities where NEWARE's field has one (capacities
 * and energies in STEP scope: NEWARE resets them at every step), vendor columns otherwise.
 */
import { quantityColumn, vendorColumn, uniquifyNames, type Column, type ColumnOptions, type ParseContext } from '@echemkit/core';
import { btsdaCycleNumbers, type CycleMode } from './cycle.js';
import type { NewareRecords, NumCol } from './records.js';
import { STEP_TYPE_VENDOR_NAMES, stepTypeCodes, stepTypeOfCode } from './step-types.js';

function opts(c: NumCol, extra: ColumnOptions = {}): ColumnOptions {
  const o: ColumnOptions = { sourceName: c.derived ? null : c.sourceName, sourceUnit: c.derived ? null : c.sourceUnit, derived: c.derived ?? false, ...extra };
  if (c.dtype) o.dtype = c.dtype;
  if (c.scaleExponent !== undefined) o.scaleExponent = c.scaleExponent;
  if (c.description) o.description = c.description;
  return o;
}

/**
 * Text of each row's code, one string per distinct code shared between rows. Codes come in
 * long runs (one step is many records), so each run is written with one native `fill`.
 */
function runStrings(values: Int32Array | Uint8Array, text: (code: number) => string): string[] {
  const n = values.length;
  const out = new Array<string>(n);
  const cache = new Map<number, string>();
  const wide = values instanceof Int32Array;
  let i = 0;
  while (i < n) {
    const v = values[i]!;
    const j = wide ? runEnd32(values, i) : runEnd8(values as Uint8Array, i);
    let s = cache.get(v);
    if (s === undefined) cache.set(v, (s = text(v)));
    out.fill(s, i, j);
    i = j;
  }
  return out;
}

// End of the run of equal values from `i`: one scan per array type, so that neither is
// deoptimised by the other's element kind.
function runEnd32(values: Int32Array, i: number): number {
  const v = values[i]!;
  let j = i + 1;
  while (j < values.length && values[j] === v) j++;
  return j;
}

function runEnd8(values: Uint8Array, i: number): number {
  const v = values[i]!;
  let j = i + 1;
  while (j < values.length && values[j] === v) j++;
  return j;
}

/** Options of the record → column conversion. */
export interface ColumnBuildOptions {
  /** Mode of the derived BTSDA cycle column (default 'chg'). */
  cycleMode?: CycleMode;
}

/** Builds the measurement columns of decoded records. Reports unknown step-type codes once. */
export function recordColumns(r: NewareRecords, ctx: ParseContext, options: ColumnBuildOptions = {}): Column[] {
  const cols: Column[] = [];
  cols.push(quantityColumn('record_index', r.index, { sourceName: 'Index', dtype: 'uint32' }));
  if (r.testTime) cols.push(quantityColumn('test_time_second', r.testTime.values, opts(r.testTime)));
  if (r.stepTime) cols.push(quantityColumn('step_time_second', r.stepTime.values, opts(r.stepTime)));
  if (r.unixTime) cols.push(quantityColumn('unix_time_second', r.unixTime.values, opts(r.unixTime)));
  if (r.localTime) {
    cols.push(vendorColumn('Date', null, r.localTime, { dtype: 'string', description: 'Local wall-clock date and time of the record as the file stores it (no time zone).' }));
  }
  if (r.cycle) {
    cols.push(quantityColumn('cycle_count', r.cycle, { sourceName: 'Cycle', dtype: 'uint32', description: "Vendor (hardware) cycle number; the file stores it 0-based, shown 1-based as BTSDA does." }));
  }
  if (r.status) {
    const mode = options.cycleMode ?? 'chg';
    cols.push(
      vendorColumn('Cycle (BTSDA)', null, btsdaCycleNumbers(r.status, mode), {
        derived: true,
        displayName: 'Cycle (BTSDA)',
        description: `Cycle renumbered like BTSDA's cycle statistics (mode '${mode}': a new cycle starts at the first ${mode === 'dchg' ? 'discharge after a charge' : 'charge after a discharge'}). Derived; the vendor's own number is cycle_count.`,
      }),
    );
    (cols[cols.length - 1]!).sourceName = null;
  }
  if (r.stepCount) {
    const o: ColumnOptions = { sourceName: r.stepCount.derived ? null : 'Step', derived: r.stepCount.derived, dtype: 'uint32' };
    if (r.stepCount.description) o.description = r.stepCount.description;
    cols.push(quantityColumn('step_count', r.stepCount.values, o));
  }
  if (r.stepId) cols.push(quantityColumn('step_id', runStrings(r.stepId, String), { sourceName: 'Step_Index', dtype: 'string' }));
  if (r.status) {
    const unknown: number[] = [];
    const names = runStrings(r.status, (c) => {
      if (!STEP_TYPE_VENDOR_NAMES[c]) unknown.push(c);
      return stepTypeOfCode(c);
    });
    for (const c of unknown) {
      ctx.warn(`step type code ${c} is not in the code table; kept as UNKNOWN_${c} (raw code in column Status)`, { ruleId: 'unknown-step-type', actual: String(c) });
    }
    cols.push(quantityColumn('step_type', names, { sourceName: 'Status', dtype: 'string' }));
    cols.push(vendorColumn('Status', null, r.status, { codes: stepTypeCodes(), description: 'Step type code as stored in the file.' }));
  }
  if (r.voltage) cols.push(quantityColumn('voltage_volt', r.voltage.values, opts(r.voltage)));
  if (r.current) cols.push(quantityColumn('current_ampere', r.current.values, opts(r.current)));
  const cap = r.capacity;
  if (cap?.kind === 'split') {
    cols.push(quantityColumn('step_charging_capacity_ah', cap.chgCap.values, opts(cap.chgCap)));
    cols.push(quantityColumn('step_discharging_capacity_ah', cap.dchgCap.values, opts(cap.dchgCap)));
    cols.push(quantityColumn('step_charging_energy_wh', cap.chgEnergy.values, opts(cap.chgEnergy)));
    cols.push(quantityColumn('step_discharging_energy_wh', cap.dchgEnergy.values, opts(cap.dchgEnergy)));
  } else if (cap?.kind === 'signed') {
    cols.push(quantityColumn('step_net_capacity_ah', cap.netCap.values, opts(cap.netCap)));
    cols.push(quantityColumn('step_net_energy_wh', cap.netEnergy.values, opts(cap.netEnergy)));
  }
  if (r.range) cols.push(vendorColumn('Range', null, r.range, { description: 'Current range code of the record (selects the scaling of current, capacity and energy).' }));
  let t = 0;
  let v = 0;
  for (const a of r.aux) {
    if (a.kind === 'temperature' && t < 5) {
      t++;
      cols.push(quantityColumn(`temperature_t${t}_celsius`, a.values, opts(a)));
    } else if (a.kind === 'voltage') {
      v++;
      cols.push(quantityColumn('auxiliary_voltage_volt', a.values, opts(a, v > 1 ? { name: `auxiliary_voltage_volt_${v}`, label: `Auxiliary Voltage ${v} / V` } : {})));
    } else {
      cols.push(vendorColumn(a.vendorName, a.sourceUnit, a.values, opts(a)));
    }
  }
  for (const e of r.extra) cols.push(vendorColumn(e.sourceName, e.sourceUnit, e.values, opts(e)));
  uniquifyNames(cols);
  return cols;
}
