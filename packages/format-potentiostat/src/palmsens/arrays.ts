/** PalmSens data-array facts: ArrayType / unit type → vocabulary (from the corpus sessions). */
import type { ColumnRule } from '../shared/columns.js';

/** PalmSens unit type (`PalmSens.Units.X`) → unit text the converter knows. */
export const UNIT_BY_TYPE: Readonly<Record<string, string>> = {
  Time: 's',
  Volt: 'V',
  MilliVolt: 'mV',
  Ampere: 'A',
  MilliAmpere: 'mA',
  MicroAmpere: 'µA',
  NanoAmpere: 'nA',
  Coulomb: 'C',
  MilliCoulomb: 'mC',
  MicroCoulomb: 'µC',
  Hertz: 'Hz',
  ZRe: 'ohm',
  ZIm: 'ohm',
  Z: 'ohm',
  Phase: 'deg',
  Y: 'S',
  YRe: 'S',
  YIm: 'S',
  Farad: 'F',
  FahradReal: 'F',
  FahradImaginary: 'F',
};

/**
 * Rule for an array by ArrayType; `eis` switches potential/current to the DC quantities of an
 * impedance point. Quantities labelled `-Z''` / `-Phase` by PalmSens are negated to true sign.
 */
export function arrayRule(arrayType: number, quantityLabel: string | null, eis: boolean): ColumnRule | undefined {
  const neg = quantityLabel !== null && quantityLabel.startsWith('-');
  switch (arrayType) {
    case 0:
      return { quantity: 'test_time_second' };
    case 1:
      return { quantity: eis ? 'dc_potential_volt' : 'working_electrode_potential_volt' };
    case 2:
      return { quantity: eis ? 'dc_current_ampere' : 'current_ampere' };
    case 3:
      return { quantity: 'charge_coulomb' };
    case 5:
      return { quantity: 'frequency_hertz' };
    case 6:
      return { quantity: 'phase_degree', negate: neg };
    case 7:
      return { quantity: 'real_impedance_ohm' };
    case 8:
      return { quantity: 'imaginary_impedance_ohm', negate: neg };
    case 9:
      return { quantity: 'current_amplitude_ampere' };
    case 10:
      return { quantity: 'absolute_impedance_ohm' };
    case 11:
      return { quantity: 'absolute_admittance_siemens' };
    case 12:
      return { quantity: 'real_admittance_siemens' };
    case 13:
      return { quantity: 'imaginary_admittance_siemens', negate: neg };
    case 14:
      return { quantity: 'series_capacitance_farad' };
    case 34:
      return { quantity: 'potential_amplitude_volt' };
    default:
      return undefined;
  }
}

/** METHOD_ID of the PSTrace method text → normalised technique. */
export function techniqueOf(methodId: string | undefined): string {
  switch ((methodId ?? '').toLowerCase()) {
    case 'ocp':
      return 'OCV';
    case 'eis':
      return 'PEIS';
    case 'geis':
      return 'GEIS';
    case 'cv':
      return 'CV';
    case 'lsv':
      return 'LSV';
    case 'ad':
    case 'ca':
      return 'CA';
    case 'pot':
    case 'cp':
      return 'CP';
    default:
      return methodId ?? 'unknown';
  }
}
