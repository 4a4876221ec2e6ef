/**
 * Joins the split members of ndc 11–17 into records: data.ndc rows (voltage, current) are
 * the spine; runInfo items join on Index; the step of every record comes from the step
 * table's first-record Index (exact, no fill); aux values join on Index.
 *
 * Rows without a runInfo item (BTS Server 8 writes runInfo about once a minute on some
 * files) get step time and Unix time from the last stored values plus the record interval
 * `dt`: those columns are then marked derived with a diagnostic. Capacities and energies of
 * such rows stay missing unless the `fillCapacity` option asks for NewareNDA-style
 * integration (then the columns are derived too).
 */
import type { ParseContext } from '@echemkit/core';
import type { AuxCol, NewareRecords, NumCol } from '../common/records.js';
import { countStepChanges } from '../common/records.js';
import { testTimeFromStepTime } from '../common/integer-records.js';
import type { AuxValues, DataMember, RunInfoMember, StepMember } from './split-members.js';

export interface SplitInputs {
  data: DataMember;
  runInfo: RunInfoMember | undefined;
  steps: StepMember | undefined;
  aux: { values: AuxValues; label: string; kind: 'temperature' | 'voltage' | 'other'; unit: string | null; description: string }[];
  fillCapacity: boolean;
}

/** Step number (1-based item of the step table) of each record, from first-record Indexes. */
function stepOfRecords(index: Float64Array, steps: StepMember): Int32Array {
  const n = index.length;
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k + 1 < steps.n && steps.firstIndex[k + 1]! <= index[i]!) k++;
    out[i] = k + 1;
  }
  return out;
}

/** Builds the records of a split-member archive. */
export function assembleSplit(inp: SplitInputs, ctx: ParseContext): { records: NewareRecords; stepOfRow: Int32Array | undefined } {
  const { data, runInfo: ri, steps } = inp;
  const n = data.n;
  const index = data.index;
  // runInfo row of each record (-1 when none).
  const riRow = new Int32Array(n).fill(-1);
  let missing = n;
  if (ri) {
    missing = 0;
    let j = 0;
    for (let i = 0; i < n; i++) {
      while (j < ri.n && ri.index[j]! < index[i]!) j++;
      if (j < ri.n && ri.index[j] === index[i]) riRow[i] = j;
      else missing++;
    }
    if (ri.duplicates) ctx.info(`${ri.duplicates} duplicate Index value(s) in data_runInfo.ndc were dropped (first kept)`, { ruleId: 'duplicate-index' });
  }
  const stepTime = new Float64Array(n).fill(NaN);
  const unix = new Float64Array(n).fill(NaN);
  const dtCol = new Float64Array(n).fill(NaN);
  // Ah/Wh float32 stay Float32Array unless we integrate into them.
  const capF32 = ri !== undefined && ri.inAh && !inp.fillCapacity;
  const caps = [0, 1, 2, 3].map(() => (capF32 ? new Float32Array(n) : new Float64Array(n)).fill(NaN));
  const stored = new Uint8Array(n);
  let stepNo: Int32Array | undefined;
  let stepDerived = false;
  if (steps && steps.n > 0) stepNo = stepOfRecords(index, steps);
  else if (ri) {
    stepNo = new Int32Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (riRow[i]! >= 0) s = ri.step[riRow[i]!]!;
      stepNo[i] = s;
    }
    stepDerived = missing > 0;
  }
  const capScale = ri && !ri.inAh ? 1 / 3600 / 1000 : 1;
  let lastDt = NaN;
  for (let i = 0; i < n; i++) {
    const r = riRow[i]!;
    if (r >= 0 && ri) {
      stored[i] = 1;
      stepTime[i] = ri.time[r]!;
      unix[i] = ri.unix[r]!;
      dtCol[i] = ri.dt[r]!;
      lastDt = ri.dt[r]!;
      caps[0]![i] = ri.chgCap[r]! * capScale;
      caps[1]![i] = ri.dchgCap[r]! * capScale;
      caps[2]![i] = ri.chgEnergy[r]! * capScale;
      caps[3]![i] = ri.dchgEnergy[r]! * capScale;
      continue;
    }
    if (i === 0 || !ri) continue;
    // Fill from the record interval; a record that starts a step restarts the step time.
    const newStep = stepNo !== undefined && stepNo[i] !== stepNo[i - 1];
    stepTime[i] = newStep ? 0 : stepTime[i - 1]! + lastDt;
    unix[i] = unix[i - 1]! + lastDt;
    if (inp.fillCapacity) {
      const I = data.current[i]!;
      const V = data.voltage[i]!;
      const dq = (I * lastDt) / 3600;
      for (let k = 0; k < 4; k++) caps[k]![i] = newStep ? 0 : caps[k]![i - 1]!;
      if (dq > 0) {
        caps[0]![i]! += dq;
        caps[2]![i]! += dq * V;
      } else if (dq < 0) {
        caps[1]![i]! -= dq;
        caps[3]![i]! -= dq * V;
      }
    }
  }
  const filled = ri !== undefined && missing > 0;
  if (filled) {
    ctx.warn(
      `${missing} of ${n} records have no runInfo item: their step time and Unix time are computed from the last stored values and the record interval dt (columns marked derived); capacity and energy of those records are ${inp.fillCapacity ? 'integrated from current × dt (derived)' : 'left missing (option fillCapacity integrates them)'}. Column 'runInfo' tells stored rows (1) from filled ones (0)`,
      { ruleId: 'filled-from-interval', actual: String(missing) },
    );
  }
  let testTime: Float64Array | undefined;
  if (steps && steps.n > 0 && stepNo) {
    testTime = new Float64Array(n);
    // Both parts are whole milliseconds: round the sum so float noise never makes time step back.
    for (let i = 0; i < n; i++) testTime[i] = Math.round((steps.startTime[stepNo[i]! - 1]! + stepTime[i]!) * 1000) / 1000;
  }
  const timeDesc = filled ? ' Rows without a runInfo item are computed from the record interval.' : '';
  const rec: NewareRecords = {
    n,
    index,
    aux: [],
    extra: [],
  };
  if (stepNo && steps && steps.n > 0) {
    rec.cycle = new Int32Array(n);
    rec.stepId = new Int32Array(n);
    rec.status = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const k = stepNo[i]! - 1;
      rec.cycle[i] = steps.cycle[k]!;
      rec.stepId[i] = steps.stepId[k]!;
      rec.status[i] = steps.status[k]!;
    }
    rec.stepCount = { values: stepNo, derived: false, description: 'Step number as the step table numbers its items (first-record Index of each step).' };
  } else if (stepNo) {
    rec.stepCount = { values: stepDerived ? countStepChanges(n, stepNo) : stepNo, derived: stepDerived };
  }
  if (ri) {
    rec.stepTime = { values: stepTime, dtype: 'int32', sourceName: 'Time', sourceUnit: 'ms', derived: filled, description: `Step time.${timeDesc}` };
    if (testTime) rec.testTime = { values: testTime, dtype: 'float64', sourceName: 'Time', sourceUnit: 'ms', derived: true, description: `Step start time from data_step.ndc plus the step time.${timeDesc}` };
    else if (rec.stepCount) {
      // No step table: each step is taken to start where the previous one ended.
      rec.testTime = { values: testTimeFromStepTime(stepTime, rec.stepCount.values), dtype: 'float64', sourceName: 'Time', sourceUnit: 'ms', derived: true, description: `Sum of step times (the archive has no data_step.ndc).${timeDesc}` };
    }
    rec.unixTime = { values: unix, dtype: 'int32', sourceName: 'Timestamp', sourceUnit: 's + ms', derived: filled, description: `UTC.${timeDesc}` };
    const capDerived = filled && inp.fillCapacity;
    const unit = ri.inAh ? ['Ah', 'Wh'] : ['mA·s', 'mW·s'];
    const capCol = (values: Float64Array | Float32Array, name: string, u: string): NumCol => ({ values, dtype: 'float32', sourceName: name, sourceUnit: u, derived: capDerived });
    rec.capacity = {
      kind: 'split',
      chgCap: capCol(caps[0]!, 'Charge_Capacity', unit[0]!),
      dchgCap: capCol(caps[1]!, 'Discharge_Capacity', unit[0]!),
      chgEnergy: capCol(caps[2]!, 'Charge_Energy', unit[1]!),
      dchgEnergy: capCol(caps[3]!, 'Discharge_Energy', unit[1]!),
    };
    rec.extra.push({ values: dtCol, dtype: 'int32', sourceName: 'dt', sourceUnit: 's', description: 'Interval to the previous record as runInfo stores it (ms in the file).' });
    if (filled) rec.extra.push({ values: Float64Array.from(stored), dtype: 'uint8', sourceName: 'runInfo', sourceUnit: null, derived: true, description: '1 when the row has a stored runInfo item, 0 when time (and capacity) were filled.' });
  } else {
    ctx.warn('the archive has no data_runInfo.ndc: time, capacity and energy are not available', { ruleId: 'missing-member', expected: 'data_runInfo.ndc' });
  }
  rec.voltage = data.scaled
    ? { values: data.voltage, dtype: 'float32', scaleExponent: -4, sourceName: 'Voltage', sourceUnit: '0.1 mV' }
    : { values: data.voltage, dtype: 'float32', sourceName: 'Voltage', sourceUnit: 'V' };
  rec.current = data.scaled
    ? { values: data.current, dtype: 'float32', scaleExponent: -3, sourceName: 'Current', sourceUnit: 'mA' }
    : { values: data.current, dtype: 'float32', sourceName: 'Current', sourceUnit: 'A' };
  for (const a of inp.aux) rec.aux.push(joinAux(a, index));
  return { records: rec, stepOfRow: stepNo };
}

function joinAux(a: SplitInputs['aux'][number], index: Float64Array): AuxCol {
  const n = index.length;
  const av = a.values;
  const out = (av.values instanceof Float32Array ? new Float32Array(n) : new Float64Array(n)).fill(NaN);
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < av.index.length && av.index[j]! < index[i]!) j++;
    if (j < av.index.length && av.index[j] === index[i]) out[i] = av.values[j]!;
  }
  const col: AuxCol = { kind: a.kind, values: out, dtype: av.dtype, sourceName: a.label, sourceUnit: av.unit ?? a.unit, vendorName: a.label, description: a.description };
  if (av.scaleExponent !== undefined) col.scaleExponent = av.scaleExponent;
  return col;
}
