/** Getting binding energy and intensity out of `spectrum` measurements. */
import { AnalysisError, findQuantityColumn, numericValues, type Measurement } from '@echemkit/core';

const INTENSITY = ['intensity_count_per_second', 'intensity_count', 'intensity_arbitrary'];

/** Binding energies and the main intensity of a spectrum (BE derived from KE when only KE and hν are known). */
export function spectrumXY(m: Measurement): { energy: Float64Array; intensity: Float64Array; intensityQuantity: string } {
  const be = findQuantityColumn(m, 'binding_energy_electronvolt');
  let energy: Float64Array | null = be ? numericValues(be) : null;
  if (!energy) {
    const ke = findQuantityColumn(m, 'kinetic_energy_electronvolt');
    const hv = Number(m.metadata?.sourceEnergyElectronvolt);
    if (ke && Number.isFinite(hv)) energy = numericValues(ke).map((k) => hv - k);
  }
  if (!energy) throw new AnalysisError(`measurement ${m.name ?? ''} has no binding energy`, { format: 'analysis-surface', hint: 'XPS analyses need binding energies (or kinetic energies and the source energy)' });
  for (const q of INTENSITY) {
    const c = findQuantityColumn(m, q);
    if (c) return { energy, intensity: numericValues(c), intensityQuantity: q };
  }
  throw new AnalysisError(`measurement ${m.name ?? ''} has no intensity column`, { format: 'analysis-surface' });
}

/** Spectra of a document whose region/name matches (case- and space-insensitive), e.g. `C1s` matches `C 1s`. */
export function findSpectra(measurements: Measurement[], region?: string): Measurement[] {
  const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[\s_]/g, '');
  const spectra = measurements.filter((m) => m.kind === 'spectrum' && m.columns.length > 0);
  if (!region) return spectra;
  const r = norm(region);
  return spectra.filter((m) => norm(m.metadata?.region) === r || norm(m.name) === r || norm(m.metadata?.region).startsWith(r));
}
