/** Recognises plain impedance tables and PowerSuite exports. */
import { headLines, type FormatDescriptor } from '@echemkit/core';
import { eisTableLayout } from './generic.js';

/** 0.3 (low: vendor readers win) when the head is a frequency, Z′, Z″ table, else 0. */
export function sniffEisTable(head: Uint8Array): number {
  const lines = headLines(head, 14);
  if (lines.length > 13) lines.pop(); // the last sampled line may be cut
  if (/^(Frequency\t\s*Zre\t\s*Zimg)\s*$/.test(lines[0] ?? '')) return 0;
  return eisTableLayout(lines) ? 0.3 : 0;
}

/** What a registry needs of `generic.eis-csv` without its parser. */
export const eisTableFormat: FormatDescriptor = {
  id: 'generic.eis-csv',
  name: 'Generic impedance table (frequency, Z′, Z″)',
  extensions: ['.csv', '.txt'],
  binary: false,
  sniff: sniffEisTable,
};

/** 1 for the PowerSuite header `Frequency<TAB> Zre<TAB> Zimg`. */
export function sniffPowerSuite(head: Uint8Array): number {
  return /^Frequency\t\s*Zre\t\s*Zimg\s*$/.test(headLines(head, 1)[0] ?? '') ? 1 : 0;
}

/** What a registry needs of `powersuite.txt` without its parser. */
export const powerSuiteFormat: FormatDescriptor = {
  id: 'powersuite.txt',
  name: 'PAR PowerSuite impedance text export',
  extensions: ['.txt'],
  binary: false,
  sniff: sniffPowerSuite,
};
