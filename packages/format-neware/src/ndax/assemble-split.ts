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

/**
 * Step of each record from the step table's first-record Indexes (the record's step is the last
 * one whose first Index is ≤ the record's), with the step's cycle, step id and type: written per
 * step with native `fill`s, the step boundaries found by binary search when the first Indexes
 * increase (always, in practice), otherwise by a walk over the records.
 */
function stepsOfRows(index: Float64Array, steps: StepMember, stepNo: Int32Array, cycle: Int32Array, stepId: Int32Array, status: Uint8Array): void {
  const n = index.length;
  const first = steps.firstIndex;
  const stN = steps.n;
  let sorted = true;
  for (let k = 1; k < stN; k++) if (!(first[k]! >= first[k - 1]!)) sorted = false;
  if (sorted) {
    let a = 0;
    for (let k = 0; k < stN && a < n; k++) {
      const b = k + 1 < stN ? lowerBound(index, first[k + 1]!, a) : n;
      if (b > a) {
        stepNo.fill(k + 1, a, b);
        fillStep(steps, k, a, b, cycle, stepId, status);
        a = b;
      }
    }
    return;
  }
  let k = 0;
  let runK = 0;
  let runStart = 0;
  for (let i = 0; i < n; i++) {
    const idx = index[i]!;
    while (k + 1 < stN && first[k + 1]! <= idx) k++;
    stepNo[i] = k + 1;
    if (k !== runK) {
      fillStep(steps, runK, runStart, i, cycle, stepId, status);
      runK = k;
      runStart = i;
    }
  }
  if (n > 0) fillStep(steps, runK, runStart, n, cycle, stepId, status);
}

/** First row ≥ `from` whose Index is ≥ `value` (Indexes increase). */
function lowerBound(index: Float64Array, value: number, from: number): number {
  let lo = from;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fillStep(steps: StepMember, k: number, from: number, to: number, cycle: Int32Array, stepId: Int32Array, status: Uint8Array): void {
  cycle.fill(steps.cycle[k]!, from, to);
  stepId.fill(steps.stepId[k]!, from, to);
  status.fill(steps.status[k]!, from, to);
}

/**
 * The per-record pass of .ndax reading: joins runInfo on Index, fills rows without runInfo
 * from the record interval and derives the test time. `stepNo` is given (step table) or
 * written here (from runInfo when there is no step table). Columns arrive NaN-filled where a
 * row without runInfo stays missing. Returns the number of rows without runInfo and, when
 * there are any, the `runInfo` column (1 stored, 0 filled), created at the first such row.
 */
function fillFromRunInfo(
  inp: SplitInputs,
  ri: RunInfoMember,
  stepNo: Int32Array,
  stepTime: Float64Array,
  unix: Float64Array,
  dtCol: Float64Array,
  testTime: Float64Array | undefined,
  caps: (Float64Array | Float32Array)[],
): { missing: number; stored: Float64Array | undefined } {
  const { data, steps, fillCapacity } = inp;
  const n = data.n;
  const index = data.index;
  const riN = ri.n;
  const riIndex = ri.index;
  const c0 = caps[0]!;
  const c1 = caps[1]!;
  const c2 = caps[2]!;
  const c3 = caps[3]!;
  const capScale = ri.inAh ? 1 : 1 / 3600 / 1000;
  const fromSteps = testTime !== undefined;
  const start = steps?.startTime;
  let missing = 0;
  let stored: Float64Array | undefined;
  let j = 0;
  let s = 0;
  // Step time and Unix time of the previous row (NaN until the first stored row).
  let st = NaN;
  let u = NaN;
  let lastDt = NaN;
  for (let i = 0; i < n; i++) {
    const idx = index[i]!;
    while (j < riN && riIndex[j]! < idx) j++;
    if (j < riN && riIndex[j] === idx) {
      if (stored) stored[i] = 1;
      lastDt = ri.dt[j]!;
      st = ri.time[j]!;
      u = ri.unix[j]!;
      dtCol[i] = lastDt;
      c0[i] = ri.chgCap[j]! * capScale;
      c1[i] = ri.dchgCap[j]! * capScale;
      c2[i] = ri.chgEnergy[j]! * capScale;
      c3[i] = ri.dchgEnergy[j]! * capScale;
      if (!fromSteps) stepNo[i] = s = ri.step[j]!;
    } else {
      if (missing++ === 0) {
        stored = new Float64Array(n);
        stored.fill(1, 0, i);
      }
      if (!fromSteps) stepNo[i] = s;
      if (i > 0) {
        // Fill from the record interval; a record that starts a step restarts the step time.
        const newStep = stepNo[i] !== stepNo[i - 1];
        st = newStep ? 0 : st + lastDt;
        u += lastDt;
        if (fillCapacity) integrate(data, i, lastDt, newStep, c0, c1, c2, c3);
      }
    }
    stepTime[i] = st;
    unix[i] = u;
    // Both parts are whole milliseconds: round the sum so float noise never makes time step back.
    if (fromSteps) testTime![i] = Math.round((start![stepNo[i]! - 1]! + st) * 1000) / 1000;
  }
  return { missing, stored };
}

/** NewareNDA-style capacity and energy of a row without runInfo: the previous row's plus current × dt. */
function integrate(data: DataMember, i: number, dt: number, newStep: boolean, c0: Float64Array | Float32Array, c1: Float64Array | Float32Array, c2: Float64Array | Float32Array, c3: Float64Array | Float32Array): void {
  const I = data.current[i]!;
  const V = data.voltage[i]!;
  const dq = (I * dt) / 3600;
  c0[i] = newStep ? 0 : c0[i - 1]!;
  c1[i] = newStep ? 0 : c1[i - 1]!;
  c2[i] = newStep ? 0 : c2[i - 1]!;
  c3[i] = newStep ? 0 : c3[i - 1]!;
  if (dq > 0) {
    c0[i]! += dq;
    c2[i]! += dq * V;
  } else if (dq < 0) {
    c1[i]! -= dq;
    c3[i]! -= dq * V;
  }
}

/** Builds the records of a split-member archive. */
export function assembleSplit(inp: SplitInputs, ctx: ParseContext): { records: NewareRecords; stepOfRow: Int32Array | undefined } {
  const { data, runInfo: ri, steps } = inp;
  const n = data.n;
  const index = data.index;
  const hasSteps = steps !== undefined && steps.n > 0;
  if (ri?.duplicates) ctx.info(`${ri.duplicates} duplicate Index value(s) in data_runInfo.ndc were dropped (first kept)`, { ruleId: 'duplicate-index' });
  // Step number (1-based item of the step table) of each record, from first-record Indexes;
  // without a step table, the runInfo step of the last stored row.
  const stepNo = hasSteps || ri ? new Int32Array(n) : undefined;
  let cycle: Int32Array | undefined;
  let stepId: Int32Array | undefined;
  let status: Uint8Array | undefined;
  if (hasSteps) {
    cycle = new Int32Array(n);
    stepId = new Int32Array(n);
    status = new Uint8Array(n);
  }
  let missing = n;
  let stepTime: Float64Array | undefined;
  let unix: Float64Array | undefined;
  let dtCol: Float64Array | undefined;
  let testTime: Float64Array | undefined;
  let caps: (Float64Array | Float32Array)[] = [];
  let stored: Float64Array | undefined;
  if (hasSteps) stepsOfRows(index, steps, stepNo!, cycle!, stepId!, status!);
  if (ri) {
    stepTime = new Float64Array(n);
    unix = new Float64Array(n);
    dtCol = new Float64Array(n).fill(NaN);
    if (hasSteps) testTime = new Float64Array(n);
    // Ah/Wh float32 stay Float32Array unless we integrate into them.
    const capF32 = ri.inAh && !inp.fillCapacity;
    caps = [0, 1, 2, 3].map(() => (capF32 ? new Float32Array(n) : new Float64Array(n)).fill(NaN));
    ({ missing, stored } = fillFromRunInfo(inp, ri, stepNo!, stepTime, unix, dtCol, testTime, caps));
  }
  const stepDerived = !hasSteps && ri !== undefined && missing > 0;
  const filled = ri !== undefined && missing > 0;
  if (filled) {
    ctx.warn(
      `${missing} of ${n} records have no runInfo item: their step time and Unix time are computed from the last stored values and the record interval dt (columns marked derived); capacity and energy of those records are ${inp.fillCapacity ? 'integrated from current × dt (derived)' : 'left missing (option fillCapacity integrates them)'}. Column 'runInfo' tells stored rows (1) from filled ones (0)`,
      { ruleId: 'filled-from-interval', actual: String(missing) },
    );
  }
  const timeDesc = filled ? ' Rows without a runInfo item are computed from the record interval.' : '';
  const rec: NewareRecords = {
    n,
    index,
    aux: [],
    extra: [],
  };
  if (hasSteps) {
    rec.cycle = cycle!;
    rec.stepId = stepId!;
    rec.status = status!;
    rec.stepCount = { values: stepNo!, derived: false, description: 'Step number as the step table numbers its items (first-record Index of each step).' };
  } else if (stepNo) {
    rec.stepCount = { values: stepDerived ? countStepChanges(n, stepNo) : stepNo, derived: stepDerived };
  }
  if (ri && stepTime && unix && dtCol) {
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
    if (stored) rec.extra.push({ values: stored, dtype: 'uint8', sourceName: 'runInfo', sourceUnit: null, derived: true, description: '1 when the row has a stored runInfo item, 0 when time (and capacity) were filled.' });
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
  const values = av.values;
  let out: Float64Array | Float32Array;
  if (av.index === null) {
    // Values by slot: when the data member has no empty slot (Index = row + 1, i.e. the last
    // Index is n), the column is the slot array itself; otherwise pick each record's slot.
    if (n === 0 || (index[n - 1] === n && values.length >= n)) out = values.subarray(0, n);
    else {
      out = values instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
      const m = values.length;
      for (let i = 0; i < n; i++) {
        const slot = index[i]! - 1;
        out[i] = slot < m ? values[slot]! : NaN;
      }
    }
  } else {
    out = (values instanceof Float32Array ? new Float32Array(n) : new Float64Array(n)).fill(NaN);
    const ai = av.index;
    const m = ai.length;
    let j = 0;
    for (let i = 0; i < n; i++) {
      const idx = index[i]!;
      while (j < m && ai[j]! < idx) j++;
      if (j < m && ai[j] === idx) out[i] = values[j]!;
    }
  }
  const col: AuxCol = { kind: a.kind, values: out, dtype: av.dtype, sourceName: a.label, sourceUnit: av.unit ?? a.unit, vendorName: a.label, description: a.description };
  if (av.scaleExponent !== undefined) col.scaleExponent = av.scaleExponent;
  return col;
}
