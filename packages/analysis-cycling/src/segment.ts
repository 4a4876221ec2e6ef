/**
 * Segmentation of a cycling time series into typed steps, shared by the cycling, GITT and DCIR
 * analyses (see ../shared/docs/analysis.md §0). Steps follow the vendor's step column when present
 * (split further where the current changes sign or the cycle column changes), else runs of equal
 * state (rest / charge / discharge) and changes of control mode. Each step is typed; a CC-CV step
 * (vendor type or unknown) is split where the voltage becomes constant and the current decays.
 */
import { optionalQuantity, optionalText, type Series } from './series.js';
import { chargeIncrements, stateOf, type Increments } from './increments.js';

/** Step types. `charge`/`discharge` = current flows but neither constant current nor constant voltage. */
export type StepType =
  | 'cc-charge'
  | 'cc-discharge'
  | 'cv-charge'
  | 'cv-discharge'
  | 'cp-charge'
  | 'cp-discharge'
  | 'pulse-charge'
  | 'pulse-discharge'
  | 'charge'
  | 'discharge'
  | 'rest'
  | 'ocv'
  | 'eis';

/** Segmentation options (all optional). */
export interface SegmentOptions {
  /** |I| ≤ this is rest, A. Default max(1e-6 A, 1e-3·max|I|). */
  currentTolerance?: number;
  /** Use vendor step columns (step_count, step_id, control_mode) when present. Default true. */
  useFileSteps?: boolean;
  /** Relative current spread still counted as constant current. Default 0.05. */
  constantCurrentTolerance?: number;
  /** Voltage band counted as constant voltage, V. Default 0.002. */
  constantVoltageTolerance?: number;
  /** A current step between two rests at most this long is a pulse, s. Default 60. */
  pulseMaxSeconds?: number;
  /** `'auto'` uses the file's capacity/energy counters, `'computed'` integrates current. Default 'auto'. */
  capacitySource?: 'auto' | 'computed';
}

/** The parameters actually used. */
export interface SegmentParameters {
  currentTolerance: number;
  useFileSteps: boolean;
  constantCurrentTolerance: number;
  constantVoltageTolerance: number;
  pulseMaxSeconds: number;
  capacitySource: 'auto' | 'computed';
  /** Which columns defined the step boundaries. */
  boundarySource: string;
  chargeSource: string;
  energySource: string;
}

/** One row per step (column arrays). Row ranges are [start, end) record indexes. */
export interface StepTable {
  length: number;
  start: Int32Array;
  end: Int32Array;
  type: StepType[];
  /** +1 charge, −1 discharge, 0 rest/OCV/EIS. */
  direction: Int8Array;
  /** The vendor step id/number at the step's first record (null when the file has none). */
  fileStep: (string | null)[];
  startTime: Float64Array;
  /** s, from the previous record's time (when the step began) to the last record. */
  duration: Float64Array;
  /** Ah, magnitude of the net charge passed. */
  capacity: Float64Array;
  /** Wh, magnitude of the net energy passed. */
  energy: Float64Array;
  /** Ah passed in the charge direction: Σ max(dq, 0) over the records (the BDF/vendor charging capacity). */
  chargeCapacity: Float64Array;
  /** Ah passed in the discharge direction: Σ max(−dq, 0). */
  dischargeCapacity: Float64Array;
  /** Wh, Σ max(dE, 0) and Σ max(−dE, 0). */
  chargeEnergy: Float64Array;
  dischargeEnergy: Float64Array;
  /** A, signed mean over the records with current (charge / time under current). */
  meanCurrent: Float64Array;
  startVoltage: Float64Array;
  endVoltage: Float64Array;
}

/** Segmentation of a series. */
export interface Segmentation {
  steps: StepTable;
  /** Step index of every record. */
  recordStep: Int32Array;
  /** Per-record state: 1 charge, −1 discharge, 0 rest. */
  recordState: Int8Array;
  increments: Increments;
  parameters: SegmentParameters;
}

/**
 * Default rest threshold of analysis.md §0: max(1e-6 A, 1e-3·max|I|).
 * @example
 * defaultCurrentTolerance(new Float64Array([0, 2])); // 0.002
 */
export function defaultCurrentTolerance(current: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < current.length; i++) {
    const a = Math.abs(current[i]!);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return Math.max(1e-6, 1e-3 * m);
}

/**
 * Maps a vendor step-type text to a step type (undefined when unknown); 'cccv' asks for a split.
 * @example
 * stepTypeFromText('CC_DChg', -1); // 'cc-discharge'
 */
export function stepTypeFromText(text: string | null, direction: number): StepType | 'cccv' | undefined {
  if (!text) return undefined;
  const t = text.toLowerCase().replace(/[\s_-]+/g, '');
  const dir = direction >= 0 ? 'charge' : 'discharge';
  if (/eis|imped|peis|geis/.test(t)) return 'eis';
  if (/ocv|opencircuit/.test(t)) return 'ocv';
  if (/rest|pause|wait|relax/.test(t)) return 'rest';
  if (direction === 0) return undefined;
  if (/cccv|ccv/.test(t)) return 'cccv';
  if (/pulse/.test(t)) return `pulse-${dir}`;
  if (/^cv|cv(chg|dchg|dch|charge|discharge)|constantvoltage/.test(t)) return `cv-${dir}`;
  if (/^cp|cp(chg|dchg|dch)|power/.test(t)) return `cp-${dir}`;
  if (/^cc|cc(chg|dchg|dch)|constantcurrent|galv/.test(t)) return `cc-${dir}`;
  return undefined;
}

/** Bio-Logic control_mode codes: 1 galvanostatic, 2 potentiostatic, 3 rest. */
function typeFromControlMode(code: number, direction: number): StepType | undefined {
  const dir = direction >= 0 ? 'charge' : 'discharge';
  if (code === 3) return direction === 0 ? 'rest' : undefined;
  if (direction === 0) return undefined;
  if (code === 1) return `cc-${dir}`;
  if (code === 2) return `cv-${dir}`;
  return undefined;
}

/** Keys whose change starts a new step; text or numeric columns. */
function boundaryKeys(s: Series, useFile: boolean): { keys: ArrayLike<unknown>[]; source: string; fileSteps: boolean } {
  const m = s.measurement;
  const keys: ArrayLike<unknown>[] = [];
  const names: string[] = [];
  const cyc = optionalQuantity(m, 'cycle_count');
  if (cyc) {
    keys.push(cyc);
    names.push('cycle_count');
  }
  if (useFile) {
    const stepCount = optionalQuantity(m, 'step_count');
    const stepIdCol = m.columns.find((c) => c.quantity === 'step_id');
    const mode = optionalQuantity(m, 'control_mode');
    if (stepCount) (keys.push(stepCount), names.push('step_count'));
    else if (stepIdCol) (keys.push(stepIdCol.values as ArrayLike<unknown>), names.push('step_id'));
    // a change of control mode (rest → galvanostatic → potentiostatic) is a new step even within one step number
    if (mode) (keys.push(mode), names.push('control_mode'));
  }
  const fileSteps = names.length > (cyc ? 1 : 0);
  const how = fileSteps ? ' + current sign changes' : ' + current state (rest / charge / discharge runs)';
  return { keys, source: names.length ? names.join(' + ') + how : 'current state (rest / charge / discharge runs)', fileSteps };
}

/**
 * Splits a series into typed steps.
 * @example
 * const seg = segment(selectSeries(doc));
 * seg.steps.type[0]; // 'cc-charge'
 */
export function segment(s: Series, options: SegmentOptions = {}): Segmentation {
  const n = s.length;
  const tol = options.currentTolerance ?? defaultCurrentTolerance(s.current);
  const useFile = options.useFileSteps ?? true;
  const ccTol = options.constantCurrentTolerance ?? 0.05;
  const cvTol = options.constantVoltageTolerance ?? 0.002;
  const pulseMax = options.pulseMaxSeconds ?? 60;
  const capacitySource = options.capacitySource ?? 'auto';
  const inc = chargeIncrements(s, tol, capacitySource);
  const state = new Int8Array(n);
  for (let i = 0; i < n; i++) state[i] = stateOf(s.current[i]!, tol);

  const { keys, source, fileSteps: hasFileSteps } = boundaryKeys(s, useFile);
  const stepIdCol = s.measurement.columns.find((c) => c.quantity === 'step_id');
  const stepIds = stepIdCol ? (stepIdCol.values as ArrayLike<unknown>) : undefined;
  const stepTypes = optionalText(s.measurement, 'step_type');
  const modes = optionalQuantity(s.measurement, 'control_mode');

  // 1. raw boundaries
  const starts: number[] = [];
  let lastNonRest = 0;
  for (let i = 0; i < n; i++) {
    let boundary = i === 0;
    if (!boundary) for (const k of keys) if (k[i] !== k[i - 1] && !(Number.isNaN(k[i]) && Number.isNaN(k[i - 1]))) boundary = true;
    if (!boundary) {
      if (hasFileSteps) boundary = state[i] !== 0 && lastNonRest !== 0 && state[i] !== lastNonRest;
      else boundary = state[i] !== state[i - 1];
    }
    if (boundary) {
      starts.push(i);
      lastNonRest = 0;
    }
    if (state[i] !== 0) lastNonRest = state[i]!;
  }

  // 2. type each raw step, splitting CC-CV steps
  const segs: { start: number; end: number; type: StepType }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k]!;
    const b = k + 1 < starts.length ? starts[k + 1]! : n;
    let dir = 0;
    let pos = 0;
    let neg = 0;
    for (let i = a; i < b; i++) (state[i] > 0 ? pos++ : state[i] < 0 ? neg++ : 0);
    dir = pos === 0 && neg === 0 ? 0 : pos >= neg ? 1 : -1;
    let vendorType: StepType | 'cccv' | undefined;
    if (stepTypes) for (let i = a; i < b && vendorType === undefined; i++) vendorType = stepTypeFromText(stepTypes[i] ?? null, dir);
    if (vendorType === undefined && modes) vendorType = typeFromControlMode(modes[a]!, dir);
    if (dir === 0) {
      segs.push({ start: a, end: b, type: vendorType === 'ocv' || vendorType === 'eis' ? vendorType : 'rest' });
      continue;
    }
    const dirName = dir > 0 ? 'charge' : 'discharge';
    if (vendorType !== undefined && vendorType !== 'cccv' && vendorType !== 'rest' && vendorType !== 'ocv') {
      segs.push({ start: a, end: b, type: vendorType });
      continue;
    }
    const split = findCvStart(s, a, b, ccTol, cvTol);
    if (split > a) {
      segs.push({ start: a, end: split, type: `cc-${dirName}` as StepType });
      segs.push({ start: split, end: b, type: `cv-${dirName}` as StepType });
    } else segs.push({ start: a, end: b, type: vendorType === 'cccv' ? (`cc-${dirName}` as StepType) : classify(s, a, b, dirName, ccTol, cvTol, state) });
  }

  // 3. pulses: short current steps between rests
  for (let k = 1; k + 1 < segs.length; k++) {
    const g = segs[k]!;
    if (!/charge$/.test(g.type) || /^cv/.test(g.type)) continue;
    const before = segs[k - 1]!.type;
    const after = segs[k + 1]!.type;
    const rest = (t: StepType) => t === 'rest' || t === 'ocv';
    const dur = s.time[g.end - 1]! - s.time[Math.max(0, g.start - 1)]!;
    if (rest(before) && rest(after) && dur <= pulseMax) g.type = g.type.endsWith('discharge') ? 'pulse-discharge' : 'pulse-charge';
  }

  // 4. step table
  const m = segs.length;
  const steps: StepTable = {
    length: m,
    start: new Int32Array(m),
    end: new Int32Array(m),
    type: new Array<StepType>(m),
    direction: new Int8Array(m),
    fileStep: new Array<string | null>(m),
    startTime: new Float64Array(m),
    duration: new Float64Array(m),
    capacity: new Float64Array(m),
    energy: new Float64Array(m),
    chargeCapacity: new Float64Array(m),
    dischargeCapacity: new Float64Array(m),
    chargeEnergy: new Float64Array(m),
    dischargeEnergy: new Float64Array(m),
    meanCurrent: new Float64Array(m),
    startVoltage: new Float64Array(m),
    endVoltage: new Float64Array(m),
  };
  const recordStep = new Int32Array(n);
  const stepTime = hasFileSteps ? optionalQuantity(s.measurement, 'step_time_second') : undefined;
  for (let k = 0; k < m; k++) {
    const { start: a, end: b, type } = segs[k]!;
    steps.start[k] = a;
    steps.end[k] = b;
    steps.type[k] = type;
    steps.direction[k] = type.endsWith('discharge') ? -1 : type.endsWith('charge') ? 1 : 0;
    const id = stepIds ? stepIds[a] : undefined;
    steps.fileStep[k] = id === undefined || id === null || (typeof id === 'number' && Number.isNaN(id)) ? null : String(id);
    const t0 = s.time[Math.max(0, a - 1)]!;
    steps.startTime[k] = t0;
    // the vendor's step time, when present, says how long the step had run at each record (NEWARE logs the
    // first record of a step at step time 0, after the previous step's last record)
    if (stepTime && Number.isFinite(stepTime[b - 1]!) && (a === 0 || stepTime[a]! <= stepTime[a - 1]!)) steps.duration[k] = stepTime[b - 1]!;
    else if (stepTime && a > 0 && Number.isFinite(stepTime[b - 1]! - stepTime[a - 1]!)) steps.duration[k] = stepTime[b - 1]! - stepTime[a - 1]!;
    else steps.duration[k] = s.time[b - 1]! - t0;
    let q = 0;
    let e = 0;
    let active = 0;
    let qp = 0, qn = 0, ep = 0, en = 0;
    for (let i = a; i < b; i++) {
      recordStep[i] = k;
      const dq = inc.charge[i]!;
      const de = inc.energy[i]!;
      q += dq;
      e += de;
      if (dq > 0) qp += dq;
      else qn -= dq;
      if (de > 0) ep += de;
      else en -= de;
      if (state[i] !== 0 && i > 0) {
        const dt = s.time[i]! - s.time[i - 1]!;
        if (dt > 0) active += dt;
      }
    }
    steps.capacity[k] = Math.abs(q);
    steps.energy[k] = Math.abs(e);
    steps.chargeCapacity[k] = qp;
    steps.dischargeCapacity[k] = qn;
    steps.chargeEnergy[k] = ep;
    steps.dischargeEnergy[k] = en;
    steps.meanCurrent[k] = active > 0 ? (q * 3600) / active : steps.direction[k] === 0 ? 0 : s.current[a]!;
    steps.startVoltage[k] = s.voltage[a]!;
    steps.endVoltage[k] = s.voltage[b - 1]!;
  }
  return {
    steps,
    recordStep,
    recordState: state,
    increments: inc,
    parameters: {
      currentTolerance: tol,
      useFileSteps: useFile,
      constantCurrentTolerance: ccTol,
      constantVoltageTolerance: cvTol,
      pulseMaxSeconds: pulseMax,
      capacitySource,
      boundarySource: source,
      chargeSource: inc.chargeSource,
      energySource: inc.energySource,
    },
  };
}

/** Median (upper) of |x| over the records [a, b), by quickselect on a scratch copy: O(n). */
function medianAbs(x: Float64Array, a: number, b: number): number {
  const v = new Float64Array(b - a);
  let m = 0;
  for (let i = a; i < b; i++) if (Number.isFinite(x[i]!)) v[m++] = Math.abs(x[i]!);
  if (!m) return NaN;
  const k = m >> 1;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const pivot = v[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (v[i]! < pivot) i++;
      while (v[j]! > pivot) j--;
      if (i <= j) {
        const t = v[i]!;
        v[i] = v[j]!;
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return v[k]!;
}

/**
 * First record of the constant-voltage tail of a current step, or `a` when there is none. The tail is
 * the trailing run within `cvTol` of the last voltage; CV begins at its first record where the voltage
 * has stopped moving (|ΔV| ≤ cvTol/20) or the current has fallen below (1 − ccTol)·I_cc, and the current
 * must have decayed by the end (else the step is plain CC ending at a voltage).
 */
function findCvStart(s: Series, a: number, b: number, ccTol: number, cvTol: number): number {
  if (b - a < 5) return a;
  const V = s.voltage;
  const vEnd = V[b - 1]!;
  let k = b - 1;
  while (k > a && Math.abs(V[k - 1]! - vEnd) <= cvTol) k--;
  if (k <= a + 1) return a; // the whole step sits at one voltage: a CV step, not CC-CV
  const iCc = medianAbs(s.current, a, k);
  if (Math.abs(s.current[b - 1]!) > (1 - 2 * ccTol) * iCc) return a; // current did not decay: still CC
  const lim = (1 - ccTol) * iCc;
  let j = k;
  while (j < b && Math.abs(s.current[j]!) >= lim && Math.abs(V[j]! - V[j - 1]!) > 0.05 * cvTol) j++;
  if (b - j < 3 || j - a < 2) return a;
  return j;
}

/** CC when ≥ 90 % of the records are within ccTol of the median current, CV likewise for voltage, else generic. */
function classify(s: Series, a: number, b: number, dirName: 'charge' | 'discharge', ccTol: number, cvTol: number, state: Int8Array): StepType {
  const iMed = medianAbs(s.current, a, b);
  const vMed = medianAbs(s.voltage, a, b);
  let cc = 0;
  let cv = 0;
  let nActive = 0;
  for (let i = a; i < b; i++) {
    if (state[i] === 0) continue;
    nActive++;
    if (Math.abs(Math.abs(s.current[i]!) - iMed) <= ccTol * iMed) cc++;
    if (Math.abs(Math.abs(s.voltage[i]!) - vMed) <= cvTol) cv++;
  }
  if (nActive && cc >= 0.9 * nActive) return `cc-${dirName}`;
  if (nActive >= 3 && cv >= 0.9 * nActive) return `cv-${dirName}`;
  return dirName;
}
