/**
 * Technique names: EC-Lab / BT-Lab long names (as the `.mpt`, `.mps` and `.mpl` headers
 * write them) → the short names EC-Lab uses in file names and menus. The `.mpr` reader maps
 * its technique ids to the same short names.
 */
const LONG_TO_SHORT: Readonly<Record<string, string>> = {
  'galvanostatic cycling with potential limitation': 'GCPL',
  'potentio electrochemical impedance spectroscopy': 'PEIS',
  'galvano electrochemical impedance spectroscopy': 'GEIS',
  'staircase potentio electrochemical impedance spectroscopy': 'SPEIS',
  'staircase galvano electrochemical impedance spectroscopy': 'SGEIS',
  'modulo bat': 'MB',
  'modulo pot': 'MP',
  'open circuit voltage': 'OCV',
  'chronoamperometry / chronocoulometry': 'CA',
  'chronoamperometry': 'CA',
  'chronopotentiometry': 'CP',
  'cyclic voltammetry': 'CV',
  'cyclic voltammetry advanced': 'CVA',
  'linear sweep voltammetry': 'LSV',
  'wait': 'WAIT',
  'ir compensation (peis)': 'ZIR',
  'manual ir compensation': 'MIR',
  'constant current': 'CoC',
  'constant voltage': 'CoV',
  'constant power': 'CoP',
  'constant resistance': 'CoR',
  'battery capacity determination': 'BCD',
  'potentiodynamic cycling with galvanostatic acceleration': 'PCGA',
  'galvanostatic intermittent titration technique': 'GITT',
  'potentiostatic intermittent titration technique': 'PITT',
  'loop': 'LOOP',
  'trigger in': 'TI',
  'trigger out': 'TO',
  'differential pulse voltammetry': 'DPV',
  'square wave voltammetry': 'SWV',
  'normal pulse voltammetry': 'NPV',
  'chronoamperometry with current limitation': 'CALimit',
  'special galvanostatic cycling with potential limitation': 'SGCPL',
};

/**
 * The short technique name for an EC-Lab long name; the trimmed input when unknown.
 * @example
 * techniqueShortName('Galvanostatic Cycling with Potential Limitation'); // 'GCPL'
 */
export function techniqueShortName(longName: string): string {
  const t = longName.trim();
  return LONG_TO_SHORT[t.toLowerCase()] ?? t;
}

/**
 * True when `longName` is a technique name EC-Lab writes (used to recognise header lines).
 * @example
 * isKnownTechnique('Modulo Bat'); // true
 */
export function isKnownTechnique(longName: string): boolean {
  return LONG_TO_SHORT[longName.trim().toLowerCase()] !== undefined;
}
