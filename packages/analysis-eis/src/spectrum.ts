/**
 * Impedance spectra as plain arrays, taken from echemkit `impedance` measurements, plus
 * the preprocessing helpers commonly applied before fitting (impedance.py
 * `ignoreBelowX`, `cropFrequencies`).
 */
import { AnalysisError, findQuantityColumn, numericValues, resolveVoltage, type Measurement } from '@echemkit/core';

/** One impedance spectrum: frequency (Hz), Z′ and Z″ (Ω, true sign: negative for capacitive). */
export interface Spectrum {
  f: Float64Array;
  re: Float64Array;
  im: Float64Array;
}

/** Which impedance of a measurement to use: the working electrode (default), the cell, or the counter electrode. */
export type ImpedanceSource = 'working' | 'cell' | 'counter';

const PREFIX: Record<ImpedanceSource, string> = { working: '', cell: 'cell_', counter: 'counter_electrode_' };

/**
 * The spectrum of a measurement (all rows); rows with a missing value are dropped.
 * @example
 * const { f, re, im } = spectrumFromMeasurement(doc.measurements[0]);
 */
export function spectrumFromMeasurement(m: Measurement, options: { source?: ImpedanceSource } = {}): Spectrum {
  return spectraFromMeasurement(m, { ...options, split: 'none' })[0]!.spectrum;
}

/** A spectrum cut out of a measurement, with what identifies it. */
export interface LabelledSpectrum {
  spectrum: Spectrum;
  /** 0-based position in the measurement. */
  index: number;
  /** First row and end row (exclusive) in the measurement. */
  rows: [number, number];
  /** Value of the grouping column (cycle, loop or sweep number), when split by one. */
  group?: number;
  /** Mean voltage over the spectrum (V), when recorded; `voltageQuantity` says which column. */
  voltage?: number;
  /** `voltage_volt`, `working_electrode_potential_volt` or `dc_potential_volt`. */
  voltageQuantity?: string;
  /** Rows dropped because a value was missing. */
  dropped: number;
}

/** How to split a measurement holding several spectra. */
export type SplitMode = 'auto' | 'none' | 'loop' | 'cycle' | 'sweep' | 'frequency-reset';

const GROUP_QUANTITY: Record<'loop' | 'cycle' | 'sweep', string> = { loop: 'loop_count', cycle: 'cycle_count', sweep: 'sweep_index' };

/**
 * Splits a measurement into spectra, one per loop / cycle / sweep (a multi-loop PEIS file
 * holds one per voltage step). `auto` uses the first of loop, cycle and sweep columns that
 * changes, else starts a new spectrum where the frequency jumps back by more than 10×.
 * @example
 * for (const s of spectraFromMeasurement(m)) console.log(s.index, s.voltage, s.spectrum.f.length);
 */
export function spectraFromMeasurement(m: Measurement, options: { source?: ImpedanceSource; split?: SplitMode } = {}): LabelledSpectrum[] {
  const prefix = PREFIX[options.source ?? 'working'];
  const fCol = findQuantityColumn(m, 'frequency_hertz');
  const reCol = findQuantityColumn(m, `${prefix}real_impedance_ohm`);
  const imCol = findQuantityColumn(m, `${prefix}imaginary_impedance_ohm`);
  if (!fCol || !reCol || !imCol) {
    throw new AnalysisError('measurement has no impedance spectrum', {
      format: 'eis',
      expected: `columns frequency_hertz, ${prefix}real_impedance_ohm, ${prefix}imaginary_impedance_ohm`,
      actual: m.columns.map((c) => c.name).join(', '),
      hint: 'use an impedance measurement (PEIS, GEIS, EIS …)',
    });
  }
  const f = numericValues(fCol);
  const re = numericValues(reCol);
  const im = numericValues(imCol);
  const n = f.length;
  // Cell voltage when known; else the working-electrode (or DC) potential that labels the step.
  const vCol = resolveVoltage(m)?.column ?? findQuantityColumn(m, 'working_electrode_potential_volt') ?? findQuantityColumn(m, 'dc_potential_volt');
  const volt = vCol ? numericValues(vCol) : undefined;
  // Boundaries of the spectra.
  const starts: number[] = [0];
  let groupValues: Float64Array | undefined;
  const mode = options.split ?? 'auto';
  if (mode !== 'none') {
    const tryGroup = (kind: 'loop' | 'cycle' | 'sweep'): boolean => {
      const col = findQuantityColumn(m, GROUP_QUANTITY[kind]);
      if (!col) return false;
      const v = numericValues(col);
      let changes = false;
      for (let i = 1; i < n; i++) {
        if (v[i] !== v[i - 1] && !(Number.isNaN(v[i]!) && Number.isNaN(v[i - 1]!))) {
          starts.push(i);
          changes = true;
        }
      }
      if (changes || mode === kind) groupValues = v;
      return changes;
    };
    let done = false;
    if (mode === 'auto') done = tryGroup('loop') || tryGroup('cycle') || tryGroup('sweep');
    else if (mode !== 'frequency-reset') done = tryGroup(mode);
    if (!done && (mode === 'auto' || mode === 'frequency-reset')) {
      let dir = 0;
      for (let i = 1; i < n; i++) {
        const a = f[i - 1]!;
        const b = f[i]!;
        if (!(a > 0) || !(b > 0)) continue;
        if (dir === 0 && b !== a) dir = b < a ? -1 : 1;
        // A reset is a jump against the sweep direction by more than a decade.
        if ((dir < 0 && b > 10 * a) || (dir > 0 && a > 10 * b)) {
          starts.push(i);
          dir = 0;
        }
      }
    }
  }
  const out: LabelledSpectrum[] = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s]!;
    const to = s + 1 < starts.length ? starts[s + 1]! : n;
    const keep: number[] = [];
    for (let i = from; i < to; i++) if (Number.isFinite(f[i]!) && Number.isFinite(re[i]!) && Number.isFinite(im[i]!) && f[i]! > 0) keep.push(i);
    const k = keep.length;
    const spec: Spectrum = { f: new Float64Array(k), re: new Float64Array(k), im: new Float64Array(k) };
    let vs = 0;
    let vn = 0;
    for (let j = 0; j < k; j++) {
      const i = keep[j]!;
      spec.f[j] = f[i]!;
      spec.re[j] = re[i]!;
      spec.im[j] = im[i]!;
      if (volt && Number.isFinite(volt[i]!)) {
        vs += volt[i]!;
        vn++;
      }
    }
    const entry: LabelledSpectrum = { spectrum: spec, index: out.length, rows: [from, to], dropped: to - from - k };
    if (groupValues) entry.group = groupValues[from]!;
    if (vn) {
      entry.voltage = vs / vn;
      entry.voltageQuantity = vCol!.quantity!;
    }
    if (k > 0) out.push(entry);
  }
  if (!out.length) throw new AnalysisError('impedance measurement has no complete rows', { format: 'eis', expected: 'rows with frequency > 0 and finite Z', hint: 'the spectrum is empty or every row misses a value' });
  return out;
}

/**
 * Keeps only points with Z″ < 0 (drops inductive points), like impedance.py `ignoreBelowX`.
 * @example
 * const capacitive = ignoreBelowX(spectrum);
 */
export function ignoreBelowX(s: Spectrum): Spectrum {
  return selectPoints(s, (i) => s.im[i]! < 0);
}

/**
 * Keeps points with fmin ≤ f ≤ fmax, like impedance.py `cropFrequencies`.
 * @example
 * const cropped = cropFrequencies(spectrum, 0.1, 1e4);
 */
export function cropFrequencies(s: Spectrum, fmin = 0, fmax = Infinity): Spectrum {
  return selectPoints(s, (i) => s.f[i]! >= fmin && s.f[i]! <= fmax);
}

function selectPoints(s: Spectrum, keep: (i: number) => boolean): Spectrum {
  const idx: number[] = [];
  for (let i = 0; i < s.f.length; i++) if (keep(i)) idx.push(i);
  const pick = (a: Float64Array) => Float64Array.from(idx, (i) => a[i]!);
  return { f: pick(s.f), re: pick(s.re), im: pick(s.im) };
}

/**
 * Checks a spectrum given by the caller: equal lengths, finite values, positive frequencies;
 * throws an `AnalysisError` saying which point is wrong.
 * @example
 * checkSpectrum({ f, re, im });
 */
export function checkSpectrum(s: Spectrum, what = 'spectrum'): void {
  const n = s.f.length;
  if (s.re.length !== n || s.im.length !== n) throw new AnalysisError(`${what}: f, re and im have different lengths (${n}, ${s.re.length}, ${s.im.length})`, { format: 'eis' });
  for (let i = 0; i < n; i++) {
    if (!(s.f[i]! > 0) || !Number.isFinite(s.f[i]!)) throw new AnalysisError(`${what}: frequency at point ${i} is ${s.f[i]}`, { format: 'eis', expected: 'positive finite frequencies' });
    if (!Number.isFinite(s.re[i]!) || !Number.isFinite(s.im[i]!)) throw new AnalysisError(`${what}: impedance at point ${i} is not finite`, { format: 'eis', expected: 'finite Z′ and Z″' });
  }
}
