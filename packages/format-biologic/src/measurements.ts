/**
 * Measurements of one Bio-Logic run, shared by the `.mpt` and `.mpr` readers so both give
 * the same document: the time series (every row, every column) and, when rows carry a
 * frequency, one impedance measurement per frequency sweep.
 */
import {
  findQuantityColumn,
  getQuantity,
  quantityColumn,
  shiftDecimal,
  takeRows,
  uniquifyNames,
  type Column,
  type Measurement,
  type NumericArray,
  type StartTime,
} from '@echemkit/core';
import { lookupColumn } from './column-table.js';

/** What the reader knows about the run besides its columns. */
export interface BiologicRunInfo {
  /** Short technique name (GCPL, PEIS, MB …; see techniqueShortName). */
  technique: string;
  /** The technique as the file names it (`Galvanostatic Cycling with Potential Limitation`), null when absent. */
  vendorTechnique: string | null;
  startTime: StartTime | null;
  /** Vendor settings, verbatim. */
  settings: Record<string, unknown>;
  /** First point index of each loop (`.mpt` loops section, `.mpr` loop module). */
  loops?: number[];
  /** Extra facts for the time-series measurement. */
  metadata?: Record<string, unknown>;
}

/**
 * Builds the measurements of a run from the columns made by `biologicColumn`:
 * - one `timeseries` measurement with every column, plus derived `loop_count` (when loops
 *   exist) and derived `control_voltage_volt` / `control_current_ampere` split from
 *   `control/V/mA` by `mode` (mode 2 = potentiostatic → V; mode 3 = rest → no set-point, as
 *   EC-Lab's own export; other modes → mA), NaN where the other mode applies, when the file
 *   has no such columns of its own;
 * - one `impedance` measurement per frequency sweep: rows with a frequency > 0, split where
 *   non-impedance rows intervene, where the cycle number, Ns or loop changes, or where the
 *   frequency turns back (a new sweep starts at the high end again).
 *
 * Where both an instantaneous and an averaged column of one quantity exist (`I/mA` and
 * `<I>/mA`), the instantaneous one keeps the quantity name and the averaged one is named
 * `<quantity>_mean`.
 *
 * @example
 * const cols = [biologicColumn('time/s', new Float64Array([0, 1]), { fromText: true })];
 * const [ts] = buildBiologicMeasurements(cols, { technique: 'OCV', vendorTechnique: 'Open Circuit Voltage', startTime: null, settings: {} });
 * ts.kind; // 'timeseries'
 */
export function buildBiologicMeasurements(columns: Column[], info: BiologicRunInfo): Measurement[] {
  const cols = [...columns];
  const n = cols.length ? cols[0]!.values.length : 0;
  nameAveraged(cols);
  const split = splitControl(cols);
  cols.push(...split);
  const loopCol = info.loops && info.loops.length ? loopColumn(info.loops, n) : undefined;
  if (loopCol) cols.push(loopCol);
  uniquifyNames(cols);

  const technique = { name: info.technique, vendorName: info.vendorTechnique };
  const series: Measurement = {
    kind: 'timeseries',
    technique,
    startTime: info.startTime,
    settings: info.settings,
    columns: cols,
  };
  if (info.metadata && Object.keys(info.metadata).length) series.metadata = info.metadata;
  const out: Measurement[] = [series];

  const freq = findQuantityColumn({ columns: cols }, 'frequency_hertz');
  if (freq && ArrayBuffer.isView(freq.values)) {
    const sweeps = findSweeps(freq.values as NumericArray, cols, loopCol);
    sweeps.forEach(([start, end], k) => {
      const rows = new Int32Array(end - start);
      for (let i = start; i < end; i++) rows[i - start] = i;
      out.push({
        name: `sweep ${k + 1}`,
        kind: 'impedance',
        technique,
        startTime: info.startTime,
        // The settings live in the time-series measurement (measurement 0); not repeated per sweep.
        settings: {},
        metadata: { sweepIndex: k + 1, sourceRows: { first: start, last: end - 1 }, settingsIn: 'measurement 0' },
        columns: takeRows(cols, rows),
      });
    });
  }
  return out;
}

function nameAveraged(cols: Column[]): void {
  for (const c of cols) {
    if (!c.quantity || !c.sourceName || !lookupColumn(c.sourceName)?.averaged) continue;
    const instantaneous = cols.some((o) => o !== c && o.quantity === c.quantity && o.sourceName && !lookupColumn(o.sourceName)?.averaged);
    if (instantaneous) {
      const q = getQuantity(c.quantity);
      c.name = `${q.name}_mean`;
      const at = q.label.lastIndexOf(' / ');
      c.label = at > 0 ? `${q.label.slice(0, at)} (mean)${q.label.slice(at)}` : `${q.label} (mean)`;
    }
  }
}

/** control/V/mA → control_voltage_volt (mode 2) and control_current_ampere (other modes), derived. */
function splitControl(cols: Column[]): Column[] {
  const control = cols.find((c) => c.sourceName === 'control/V/mA');
  const mode = cols.find((c) => c.quantity === 'control_mode' || c.sourceName === 'mode');
  if (!control || !mode || !ArrayBuffer.isView(control.values)) return [];
  if (cols.some((c) => c.quantity === 'control_voltage_volt' || c.quantity === 'control_current_ampere')) return [];
  const v = control.values as NumericArray;
  const m = mode.values as ArrayLike<number | null>;
  const n = v.length;
  const f32 = v instanceof Float32Array;
  // Float32 set-points stay float32 in volts (half the memory of float64, same values).
  const volts = f32 ? new Float32Array(n) : new Float64Array(n);
  const amps = new Float64Array(n);
  if (v instanceof Float32Array && m instanceof Uint8Array && m.length >= n) splitFloat32(v, m, volts as Float32Array, amps);
  else {
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (m[i] === 2) {
        volts[i] = x;
        amps[i] = NaN;
      } else if (m[i] === 3 || m[i] === null || m[i] === undefined) {
        // Rest (mode 3): EC-Lab's own export writes 0 in both control/V and control/mA whatever
        // control/V/mA holds (checked on gcpl.issue_149, mb.issue_149, mb, mb.issue_223): no set-point.
        volts[i] = NaN;
        amps[i] = NaN;
      } else {
        volts[i] = NaN;
        // float32 values keep their float32 and a scale exponent; text values shift decimally.
        amps[i] = f32 ? x * 1e-3 : shiftDecimal(x, -3);
      }
    }
  }
  const src = { sourceName: 'control/V/mA', derived: true };
  const desc = 'Split from control/V/mA by mode (mode 2 = potentiostatic: V; mode 3 = rest: none; otherwise mA)';
  return [
    quantityColumn('control_voltage_volt', volts, { ...src, sourceUnit: 'V', description: desc, dtype: f32 ? 'float32' : 'float64' }),
    quantityColumn('control_current_ampere', amps, { ...src, sourceUnit: 'mA', description: desc, dtype: f32 ? 'float32' : 'float64', scaleExponent: f32 ? -3 : 0 }),
  ];
}

/** The .mpr case of splitControl (float32 set-points, flag modes): one monomorphic loop over 4.7 million rows of a 250 MB file. */
function splitFloat32(v: Float32Array, m: Uint8Array, volts: Float32Array, amps: Float64Array): void {
  for (let i = 0; i < v.length; i++) {
    const mode = m[i]!;
    if (mode === 2) {
      volts[i] = v[i]!;
      amps[i] = NaN;
    } else {
      volts[i] = NaN;
      amps[i] = mode === 3 ? NaN : v[i]! * 1e-3;
    }
  }
}

/** loop_count from the first point index of each loop. */
function loopColumn(starts: number[], n: number): Column {
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k + 1 < starts.length && starts[k + 1]! <= i) k++;
    out[i] = starts[0]! <= i ? k : 0;
  }
  return quantityColumn('loop_count', out, { derived: true, description: 'Technique loop index from the loops section / loop module' });
}

/** [start, end) row ranges of the frequency sweeps. */
function findSweeps(freq: NumericArray, cols: Column[], loopCol: Column | undefined): [number, number][] {
  const cycle = cols.find((c) => c.quantity === 'cycle_count')?.values as ArrayLike<unknown> | undefined;
  const ns = cols.find((c) => c.quantity === 'step_id')?.values as ArrayLike<unknown> | undefined;
  const loop = loopCol?.values as Int32Array | undefined;
  const out: [number, number][] = [];
  let start = -1;
  let dir = 0;
  const close = (end: number) => {
    if (start >= 0) out.push([start, end]);
    start = -1;
    dir = 0;
  };
  for (let i = 0; i < freq.length; i++) {
    const f = freq[i]!;
    if (!(f > 0) || !Number.isFinite(f)) {
      close(i);
      continue;
    }
    if (start >= 0) {
      const p = freq[i - 1]!;
      const boundary = (cycle && cycle[i] !== cycle[i - 1]) || (ns && ns[i] !== ns[i - 1]) || (loop && loop[i] !== loop[i - 1]);
      const step = Math.sign(f - p);
      if (boundary || (dir !== 0 && step !== 0 && step !== dir)) close(i);
      else if (dir === 0 && step !== 0) dir = step;
    }
    if (start < 0) start = i;
  }
  close(freq.length);
  return out;
}
