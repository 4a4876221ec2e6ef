/** Gamry column names → vocabulary quantities (facts from Gamry DTA samples and gamry-parser). */
import type { ColumnRule } from '../shared/columns.js';

/** Rules by Gamry column name; everything else stays a vendor column. */
export const gamryColumnRules: Readonly<Record<string, ColumnRule>> = {
  T: { quantity: 'test_time_second', unit: 's' },
  Time: { quantity: 'test_time_second', unit: 's' },
  Vf: { quantity: 'working_electrode_potential_volt', unit: 'V' },
  Im: { quantity: 'current_ampere', unit: 'A' },
  Ach: { quantity: 'auxiliary_voltage_volt', unit: 'V' },
  Cycle: { quantity: 'cycle_count' },
  Freq: { quantity: 'frequency_hertz', unit: 'Hz' },
  // Gamry writes the signed imaginary part (negative for capacitive behaviour).
  Zreal: { quantity: 'real_impedance_ohm', unit: 'ohm' },
  Zimag: { quantity: 'imaginary_impedance_ohm', unit: 'ohm' },
  Zmod: { quantity: 'absolute_impedance_ohm', unit: 'ohm' },
  Zphz: { quantity: 'phase_degree', unit: 'deg' },
  Idc: { quantity: 'dc_current_ampere', unit: 'A' },
  Vdc: { quantity: 'dc_potential_volt', unit: 'V' },
  Imod: { quantity: 'current_amplitude_ampere', unit: 'A' },
  Vmod: { quantity: 'potential_amplitude_volt', unit: 'V' },
  // VFP600 acquisition tables.
  Voltage: { quantity: 'working_electrode_potential_volt', unit: 'V' },
  Current: { quantity: 'current_ampere', unit: 'A' },
};

/** Unit text → unit the converter knows: `V vs. Ref.` is volts, `°` is degrees. */
export function gamryUnit(unit: string): string | null {
  const u = unit.trim();
  if (u === '' || u === '#' || u === 'bits') return null;
  if (/^V\b/.test(u)) return 'V';
  if (u === '°' || u === 'deg' || u === '�') return 'deg';
  return u;
}

/** Normalised technique name for a Gamry TAG. */
export function gamryTechnique(tag: string): string {
  const t = tag.toUpperCase();
  if (t === 'EISPOT' || t === 'EISMON') return 'PEIS';
  if (t === 'EISGALV') return 'GEIS';
  if (t === 'CV' || t === 'RCV') return 'CV';
  if (t === 'CHRONOA' || t === 'COLLECTCHRONOA') return 'CA';
  if (t === 'CHRONOP') return 'CP';
  if (t === 'CORPOT') return 'OCV';
  if (t === 'LSV') return 'LSV';
  if (t.startsWith('PWR800')) return 'cycling';
  return tag;
}
