/** Shared building blocks of the XPS readers: intensity quantities, energy axes, settings values. */
import { quantityColumn, vendorColumn, type Column } from '@echemkit/core';

/** Values ≥ 1e37 are CasaXPS/VAMAS "not specified" sentinels. */
export const NOT_SPECIFIED = 1e37;

/** True when a number is a "not specified" sentinel. */
export function isNotSpecified(x: number): boolean {
  return Math.abs(x) >= NOT_SPECIFIED * 0.999;
}

/**
 * The vocabulary quantity of an intensity column from its label and unit as the vendor wrote
 * them: count rates (c/s, cps, counts/s, "per second") → intensity_count_per_second, plain
 * counts → intensity_count, anything else → intensity_arbitrary.
 */
export function intensityQuantity(label: string, unit: string | null): string {
  const l = label.trim().toLowerCase();
  const u = (unit ?? '').trim().toLowerCase();
  if (/^(c\/s|cps|counts\/s|counts per second|1\/s)$/.test(u) || /per second|\bcps\b|counts\/s|c\/s/.test(l)) return 'intensity_count_per_second';
  if (/^(counts?|cts)$/.test(u) || /^(counts?|cts)$/.test(l)) return 'intensity_count';
  return 'intensity_arbitrary';
}

/** An intensity column of the quantity chosen by {@link intensityQuantity}, keeping the vendor's name and unit. */
export function intensityColumn(label: string, unit: string | null, values: Float64Array | Float32Array, name?: string): Column {
  return quantityColumn(intensityQuantity(label, unit), values, { sourceName: label, sourceUnit: unit, ...(name ? { name } : {}) });
}

/** Number of decimals written in a numeric text (`-0.1250` → 4, `1e-3` → 3). */
export function decimalsOf(text: string): number {
  const t = text.trim();
  const m = /^[-+]?\d*(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(t);
  if (!m) return 12;
  const frac = m[1]?.length ?? 0;
  const exp = m[2] ? Number(m[2]) : 0;
  return Math.max(0, Math.min(15, frac - exp));
}

/**
 * A regular axis start + i·step, rounded to the decimals the file used for start and step, so
 * the values equal what the vendor's own exporter prints (974.0 − 3·0.1 = 973.7, not 973.6999…).
 */
export function regularAxis(start: number, step: number, n: number, decimals: number): Float64Array {
  const out = new Float64Array(n);
  const d = Math.min(12, decimals);
  const f = 10 ** d;
  for (let i = 0; i < n; i++) out[i] = Math.round((start + i * step) * f) / f;
  return out;
}

/** Binding energies from kinetic energies: BE = hν − KE (no work-function term, the CasaXPS convention). */
export function bindingFromKinetic(kinetic: Float64Array, sourceEnergy: number): Float64Array {
  const out = new Float64Array(kinetic.length);
  // Round to 1e-9 eV so 1486.61 − 736.61 prints as 750, not 749.9999999999999.
  for (let i = 0; i < kinetic.length; i++) out[i] = Math.round((sourceEnergy - kinetic[i]!) * 1e9) / 1e9;
  return out;
}

/** Energy columns for an axis given in kinetic or binding energy; the other one is derived when the source energy is known. */
export function energyColumns(
  axis: Float64Array,
  kind: 'kinetic' | 'binding' | 'other',
  sourceName: string,
  sourceUnit: string | null,
  sourceEnergy: number | null,
): Column[] {
  if (kind === 'kinetic') {
    const cols = [quantityColumn('kinetic_energy_electronvolt', axis, { sourceName, sourceUnit })];
    if (sourceEnergy !== null && Number.isFinite(sourceEnergy)) cols.unshift(quantityColumn('binding_energy_electronvolt', bindingFromKinetic(axis, sourceEnergy), { derived: true }));
    return cols;
  }
  if (kind === 'binding') return [quantityColumn('binding_energy_electronvolt', axis, { sourceName, sourceUnit })];
  return [vendorColumn(sourceName, sourceUnit, axis)];
}

/** Which energy an axis label names. */
export function energyKind(label: string): 'kinetic' | 'binding' | 'other' {
  const l = label.toLowerCase();
  if (l.includes('kinetic') || /^k\.?e\.?$/.test(l.trim())) return 'kinetic';
  if (l.includes('binding') || /^b\.?e\.?$/.test(l.trim())) return 'binding';
  return 'other';
}

/** A settings value: a finite number when the text is one, null for "not specified" sentinels, else the trimmed text. */
export function settingValue(text: string): string | number | null {
  const t = text.trim();
  if (t !== '' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    const n = Number(t);
    if (isNotSpecified(n)) return null;
    return n;
  }
  return t;
}

/**
 * Reads whitespace-separated numbers of one line into `out` (reused between rows, so no
 * per-row arrays); returns how many were read, or −1 when a token is not a number.
 */
export function readNumberRow(line: string, out: Float64Array): number {
  let n = 0;
  let i = 0;
  const len = line.length;
  while (i < len) {
    while (i < len && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= len) break;
    let j = i;
    while (j < len && line.charCodeAt(j) !== 32 && line.charCodeAt(j) !== 9) j++;
    if (n >= out.length) return -1;
    const v = Number(line.slice(i, j));
    if (Number.isNaN(v)) return -1;
    out[n++] = v;
    i = j;
  }
  return n;
}
