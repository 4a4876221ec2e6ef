/**
 * Batch fitting of many spectra (one per voltage step, loop or cycle) with warm starts:
 * each fit starts from the previous converged parameters, and the results form a table of
 * parameters against step, group and voltage.
 */
import { AnalysisError } from '@echemkit/core';
import { parseCircuit } from './circuit.js';
import { fitCircuit, type FitOptions, type FitResult } from './fit.js';
import type { LabelledSpectrum, Spectrum } from './spectrum.js';
import { VERSION } from './version.js';

/** Options of {@link fitBatch}. */
export interface BatchOptions extends FitOptions {
  /** Start each fit from the previous successful fit (default true). */
  warmStart?: boolean;
}

/** One row of a batch fit. */
export interface BatchRow {
  index: number;
  group?: number;
  voltage?: number;
  /** The fit, or the error message when this spectrum could not be fitted. */
  fit?: FitResult;
  error?: string;
}

/** Result of {@link fitBatch}. */
export interface BatchResult {
  method: 'cnls-levenberg-marquardt-batch';
  version: string;
  circuit: string;
  /** Options used (the guess is the initial one; each row's fit records its own start). */
  options: BatchOptions & { initialGuess: number[] };
  rows: BatchRow[];
  /** Table: one column per parameter value and its 1σ, plus index, group, voltage, χ². */
  table: { columns: string[]; rows: (number | null)[][] };
}

/**
 * Fits the same circuit to many spectra.
 * @example
 * const spectra = spectraFromMeasurement(measurement);       // one per loop / cycle
 * const batch = fitBatch(spectra, 'R0-p(R1,CPE1)', [1, 10, 1e-3, 0.9]);
 * batch.table.columns; // ['index', 'group', 'voltage', 'R0', 'R0_stderr', …, 'chi2']
 */
export function fitBatch(spectra: (LabelledSpectrum | Spectrum)[], circuit: string, initialGuess: ArrayLike<number>, options: BatchOptions = {}): BatchResult {
  const c = parseCircuit(circuit);
  const warm = options.warmStart ?? true;
  const constants = options.constants ?? {};
  const freeNames = c.names.filter((n) => !(n in constants));
  if (initialGuess.length !== freeNames.length) {
    throw new AnalysisError(`circuit ${c.text} needs ${freeNames.length} initial guesses, got ${initialGuess.length}`, { format: 'eis.fit', expected: freeNames.join(', ') });
  }
  let guess = Array.from(initialGuess);
  const rows: BatchRow[] = [];
  spectra.forEach((item, i) => {
    const labelled = 'spectrum' in item ? item : undefined;
    const spec = labelled ? labelled.spectrum : (item as Spectrum);
    const row: BatchRow = { index: labelled?.index ?? i };
    if (labelled?.group !== undefined) row.group = labelled.group;
    if (labelled?.voltage !== undefined) row.voltage = labelled.voltage;
    try {
      const fit = fitCircuit(spec, c, guess, options);
      row.fit = fit;
      if (warm && fit.converged && Number.isFinite(fit.chi2)) guess = fit.parameters.filter((p) => !p.fixed).map((p) => p.value);
    } catch (e) {
      row.error = e instanceof Error ? e.message : String(e);
    }
    rows.push(row);
  });
  const columns = ['index', 'group', 'voltage'];
  for (const n of c.names) columns.push(n, `${n}_stderr`);
  columns.push('chi2', 'rmse');
  const table = rows.map((r) => {
    const out: (number | null)[] = [r.index, r.group ?? null, r.voltage ?? null];
    for (let k = 0; k < c.names.length; k++) {
      const p = r.fit?.parameters[k];
      out.push(p ? p.value : null, p && Number.isFinite(p.stdError) ? p.stdError : null);
    }
    out.push(r.fit?.chi2 ?? null, r.fit?.rmse ?? null);
    return out;
  });
  return { method: 'cnls-levenberg-marquardt-batch', version: VERSION, circuit: c.text, options: { ...options, warmStart: warm, initialGuess: Array.from(initialGuess) }, rows, table: { columns, rows: table } };
}
