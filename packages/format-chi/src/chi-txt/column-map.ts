/**
 * CHI column headers (`quantity/unit`, comma separated) → vocabulary quantities. Keys are the
 * exact header fields; CHI units are fixed SI, so no conversion is needed.
 */

export interface ChiColumnMapping {
  quantity: string;
  /** Unit of the values (the quantity's unit; CHI writes SI). */
  unit: string;
  /** The values are a current (or charge) whose sign follows the current convention. */
  currentSign?: boolean;
  /** The header names the negated quantity (e.g. `-Z"`): values are negated to the true sign. */
  negate?: boolean;
}

const MAP: Record<string, ChiColumnMapping> = {
  'Potential/V': { quantity: 'working_electrode_potential_volt', unit: 'V' },
  'E/V': { quantity: 'working_electrode_potential_volt', unit: 'V' },
  'Current/A': { quantity: 'current_ampere', unit: 'A', currentSign: true },
  'i/A': { quantity: 'current_ampere', unit: 'A', currentSign: true },
  'Charge/C': { quantity: 'charge_coulomb', unit: 'C', currentSign: true },
  'Time/sec': { quantity: 'test_time_second', unit: 's' },
  'Time/s': { quantity: 'test_time_second', unit: 's' },
  'T/sec': { quantity: 'test_time_second', unit: 's' },
  'Freq/Hz': { quantity: 'frequency_hertz', unit: 'Hz' },
  "Z'/ohm": { quantity: 'real_impedance_ohm', unit: 'ohm' },
  'Z"/ohm': { quantity: 'imaginary_impedance_ohm', unit: 'ohm' },
  "Z''/ohm": { quantity: 'imaginary_impedance_ohm', unit: 'ohm' },
  '-Z"/ohm': { quantity: 'imaginary_impedance_ohm', unit: 'ohm', negate: true },
  "-Z''/ohm": { quantity: 'imaginary_impedance_ohm', unit: 'ohm', negate: true },
  'Z/ohm': { quantity: 'absolute_impedance_ohm', unit: 'ohm' },
  'Phase/deg': { quantity: 'phase_degree', unit: 'deg' },
};

/** Mapping of one CHI header field, or undefined when it stays a vendor column. */
export function mapChiColumn(header: string): ChiColumnMapping | undefined {
  const h = header.trim();
  // Multi-channel instruments (CHI 1000 series) write one current per channel: `i1/A`, `i2/A` …
  if (/^i\d+\/A$/.test(h)) return { quantity: 'current_ampere', unit: 'A', currentSign: true };
  return MAP[h];
}

/** Splits `quantity/unit` at the last slash (`Diff(i/A)` has no unit part outside the parentheses). */
export function splitChiHeader(header: string): { name: string; unit: string | null } {
  const h = header.trim();
  const at = h.lastIndexOf('/');
  if (at <= 0 || h.indexOf('(') >= 0 && h.indexOf('(') < at) return { name: h, unit: null };
  return { name: h.slice(0, at), unit: h.slice(at + 1) || null };
}

/** True when a header field looks like a CHI column name (`Potential/V`, `Z'/ohm`, `Diff(i/A)`). */
export function looksLikeChiHeaderField(f: string): boolean {
  const t = f.trim();
  return t.length > 0 && t.length < 40 && t.includes('/') && !t.includes('=') && !/^[-+]?\d/.test(t) && !t.includes(':');
}

/** Normalised technique name for CHI's technique line. */
export const TECHNIQUES: Record<string, string> = {
  'Cyclic Voltammetry': 'CV',
  'Linear Sweep Voltammetry': 'LSV',
  'Tafel Plot': 'LSV',
  'A.C. Impedance': 'PEIS',
  'Impedance - Time': 'PEIS',
  'Impedance - Potential': 'PEIS',
  'Amperometric i-t Curve': 'CA',
  Chronoamperometry: 'CA',
  Chronopotentiometry: 'CP',
  'Open Circuit Potential - Time': 'OCV',
  'Differential Pulse Voltammetry': 'DPV',
  'Square Wave Voltammetry': 'SWV',
  'Normal Pulse Voltammetry': 'NPV',
};
