/**
 * Charge referencing (docs/analysis.md §6.1): shift binding energies by ΔE = E_ref − E_obs so the
 * adventitious C 1s C–C/C–H component sits at E_ref (284.8 eV by default).
 */
import { AnalysisError, quantityColumn, findQuantityColumn, numericValues, type Measurement } from '@echemkit/core';
import { provenance, type Provenance } from '../version.js';
import { fitXps, type FitOptions } from './fit.js';
import { spectrumXY } from './spectrum.js';

export interface ChargeReference extends Provenance {
  /** ΔE added to every binding energy (eV). */
  shift: number;
  observed: number;
  reference: number;
}

/**
 * The shift for an observed reference position.
 * @example
 * chargeShift(285.6).shift; // -0.8 (to 284.8 eV)
 */
export function chargeShift(observed: number, reference = 284.8): ChargeReference {
  if (!Number.isFinite(observed)) throw new AnalysisError('the observed reference position is not a number', { format: 'analysis-surface' });
  return { ...provenance('charge referencing to a reference binding energy', { reference, observed }), shift: Math.round((reference - observed) * 1e9) / 1e9, observed, reference };
}

/**
 * Fits the C 1s region (the lowest-BE component of `peaks` is C–C/C–H unless `component` says
 * otherwise) and returns the shift that puts that component at `reference`.
 * @example
 * const ref = chargeReferenceFromC1s(c1s, { peaks: [{ name: 'C–C', position: 285.5 }, { name: 'C–O', position: 287 }] });
 */
export function chargeReferenceFromC1s(c1s: Measurement, opts: Partial<FitOptions> & { reference?: number; component?: string } = {}): ChargeReference & { fit: ReturnType<typeof fitXps> } {
  const { energy, intensity } = spectrumXY(c1s);
  let peaks = opts.peaks;
  if (!peaks?.length) {
    // One C–C/C–H peak at the maximum of the region.
    let k = 0;
    for (let i = 1; i < intensity.length; i++) if (intensity[i]! > intensity[k]!) k = i;
    peaks = [{ name: 'C–C/C–H', position: energy[k]!, fwhm: 1.2 }];
  }
  const fit = fitXps(energy, intensity, { ...opts, peaks });
  const target = opts.component ? fit.components.find((c) => c.name === opts.component) : fit.components.reduce((a, b) => (b.position < a.position ? b : a));
  if (!target) throw new AnalysisError(`no component named ${opts.component}`, { format: 'analysis-surface' });
  const ref = chargeShift(target.position, opts.reference ?? 284.8);
  return { ...ref, parameters: { ...ref.parameters, component: target.name, fit: fit.parameters }, fit };
}

/**
 * A copy of a spectrum with charge-referenced binding energies (a derived column replacing the
 * original binding-energy column, whose values stay in `metadata.chargeReference`).
 * @example
 * const fixed = applyChargeShift(o1s, ref.shift);
 */
export function applyChargeShift(m: Measurement, shift: number, reference?: ChargeReference): Measurement {
  const be = findQuantityColumn(m, 'binding_energy_electronvolt');
  const { energy } = spectrumXY(m);
  const shifted = energy.map((e) => Math.round((e + shift) * 1e9) / 1e9);
  const col = quantityColumn('binding_energy_electronvolt', shifted, { derived: true, description: `charge referenced: ${shift >= 0 ? '+' : ''}${shift} eV` });
  const columns = be ? m.columns.map((c) => (c === be ? col : c)) : [col, ...m.columns];
  return { ...m, columns, metadata: { ...(m.metadata ?? {}), chargeReference: { shift, reference: reference ?? null, originalFirst: be ? numericValues(be)[0] : null } } };
}
