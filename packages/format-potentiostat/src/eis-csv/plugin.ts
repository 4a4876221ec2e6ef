/** Plugins for plain impedance tables: the generic f/Z′/Z″ table and the PowerSuite text export. */
import { headLines, type FormatPlugin } from '@echemkit/core';
import { decodeTextInput } from '../shared/text-input.js';
import { eisTableLayout, parseEisTable } from './generic.js';

/** 0.3 (low: vendor readers win) when the head is a frequency, Z′, Z″ table, else 0. */
export function sniffEisTable(head: Uint8Array): number {
  const lines = headLines(head, 14);
  if (lines.length > 13) lines.pop(); // the last sampled line may be cut
  if (/^(Frequency\t\s*Zre\t\s*Zimg)\s*$/.test(lines[0] ?? '')) return 0;
  return eisTableLayout(lines) ? 0.3 : 0;
}

/**
 * Generic impedance tables (frequency, Z′, Z″ with or without header; comma, semicolon or tab; decimal point or comma).
 * @example
 * import { eisTablePlugin } from '@echemkit/format-potentiostat';
 * eisTablePlugin.sniff(new TextEncoder().encode('1000,10.5,-2.1\n100,11,-3.5\n')); // 0.3
 */
export const eisTablePlugin: FormatPlugin = {
  id: 'generic.eis-csv',
  name: 'Generic impedance table (frequency, Z′, Z″)',
  extensions: ['.csv', '.txt'],
  binary: false,
  sniff: sniffEisTable,
  parse: (bytes, ctx) => parseEisTable(decodeTextInput(bytes, ctx.format), ctx),
};

/** 1 for the PowerSuite header `Frequency<TAB> Zre<TAB> Zimg`. */
export function sniffPowerSuite(head: Uint8Array): number {
  return /^Frequency\t\s*Zre\t\s*Zimg\s*$/.test(headLines(head, 1)[0] ?? '') ? 1 : 0;
}

/**
 * Princeton Applied Research PowerSuite impedance text export (`Frequency`, `Zre`, `Zimg`; Zimg signed).
 * @example
 * import { powerSuitePlugin } from '@echemkit/format-potentiostat';
 * powerSuitePlugin.sniff(new TextEncoder().encode('Frequency\t Zre\t Zimg\r\n0.1\t 4.2\t -4.9\r\n')); // 1
 */
export const powerSuitePlugin: FormatPlugin = {
  id: 'powersuite.txt',
  name: 'PAR PowerSuite impedance text export',
  extensions: ['.txt'],
  binary: false,
  sniff: sniffPowerSuite,
  parse: (bytes, ctx) => {
    const r = parseEisTable(decodeTextInput(bytes, ctx.format), ctx);
    r.software = { name: 'PowerSuite', version: null };
    r.instrument = { vendor: 'Princeton Applied Research', model: null, serialNumber: null };
    return r;
  },
};
