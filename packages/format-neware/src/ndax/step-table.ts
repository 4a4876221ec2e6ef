/**
 * The per-step table of data_step.ndc as a schema table. The file stores cycle, step
 * number, step type, step start time and first-record Index per step (no capacities in
 * ndc 11–17); the end-of-step values are added from the records and marked derived.
 */
import { quantityColumn, vendorColumn, type Column, type Table } from '@echemkit/core';
import type { NewareRecords } from '../common/records.js';
import { stepTypeCodes, stepTypeOfCode } from '../common/step-types.js';
import type { StepMember } from './split-members.js';

/** Builds the `steps` table; `stepOfRow` is the 1-based step of each record. */
export function stepTable(s: StepMember, rec: NewareRecords, stepOfRow: Int32Array | undefined): Table {
  const n = s.n;
  const count = new Int32Array(n);
  for (let k = 0; k < n; k++) count[k] = k + 1;
  const cols: Column[] = [
    quantityColumn('step_count', count, { sourceName: null, derived: true, description: 'Item number in data_step.ndc (1-based).' }),
    quantityColumn('cycle_count', s.cycle, { sourceName: 'Cycle', dtype: 'int32', description: 'Vendor cycle, stored 0-based, shown 1-based.' }),
    quantityColumn('step_id', Array.from(s.stepId, String), { sourceName: 'Step_Index', dtype: 'string' }),
    quantityColumn('step_type', Array.from(s.status, stepTypeOfCode), { sourceName: 'Status', dtype: 'string' }),
    vendorColumn('Status', null, s.status, { codes: stepTypeCodes() }),
    vendorColumn('Start Time', 's', s.startTime, { dtype: 'uint32', description: 'Test time at the step start (stored in ms).' }),
    vendorColumn('First Index', null, s.firstIndex, { dtype: 'int32', description: 'Index of the first record of the step.' }),
  ];
  if (stepOfRow) {
    // End-of-step values: the last record of each step.
    const last = new Int32Array(n).fill(-1);
    const rows = new Int32Array(n);
    for (let i = 0; i < stepOfRow.length; i++) {
      const k = stepOfRow[i]! - 1;
      if (k >= 0 && k < n) {
        last[k] = i;
        rows[k]!++;
      }
    }
    const at = (v: Float64Array | Float32Array | undefined): Float64Array => {
      const out = new Float64Array(n).fill(NaN);
      if (v) for (let k = 0; k < n; k++) if (last[k]! >= 0) out[k] = v[last[k]!]!;
      return out;
    };
    const d = { derived: true, sourceName: null };
    cols.push(vendorColumn('Records', null, rows, { ...d, description: 'Number of records of the step (derived from the records).' }));
    cols.push(quantityColumn('step_time_second', at(rec.stepTime?.values), { ...d, description: 'Step time of the last record (derived).' }));
    if (rec.capacity?.kind === 'split') {
      const c = rec.capacity;
      cols.push(quantityColumn('step_charging_capacity_ah', at(c.chgCap.values), { ...d, description: 'Value at the last record of the step (derived).' }));
      cols.push(quantityColumn('step_discharging_capacity_ah', at(c.dchgCap.values), { ...d, description: 'Value at the last record of the step (derived).' }));
      cols.push(quantityColumn('step_charging_energy_wh', at(c.chgEnergy.values), { ...d, description: 'Value at the last record of the step (derived).' }));
      cols.push(quantityColumn('step_discharging_energy_wh', at(c.dchgEnergy.values), { ...d, description: 'Value at the last record of the step (derived).' }));
    }
  }
  return { name: 'steps', description: 'Per-step table of data_step.ndc', columns: cols };
}
