/** Plugins for plain impedance tables: the generic f/Z′/Z″ table and the PowerSuite text export. */
import type { FormatPlugin } from '@echemkit/core';
import { decodeTextInput } from '../shared/text-input.js';
import { parseEisTable } from './generic.js';
import { eisTableFormat, powerSuiteFormat } from './sniff.js';

export { sniffEisTable, sniffPowerSuite } from './sniff.js';

/**
 * Generic impedance tables (frequency, Z′, Z″ with or without header; comma, semicolon or tab; decimal point or comma).
 * @example
 * import { eisTablePlugin } from '@echemkit/format-potentiostat';
 * eisTablePlugin.sniff(new TextEncoder().encode('1000,10.5,-2.1\n100,11,-3.5\n')); // 0.3
 */
export const eisTablePlugin: FormatPlugin = {
  ...eisTableFormat,
  parse: (bytes, ctx) => parseEisTable(decodeTextInput(bytes, ctx.format), ctx),
};

/**
 * Princeton Applied Research PowerSuite impedance text export (`Frequency`, `Zre`, `Zimg`; Zimg signed).
 * @example
 * import { powerSuitePlugin } from '@echemkit/format-potentiostat';
 * powerSuitePlugin.sniff(new TextEncoder().encode('Frequency\t Zre\t Zimg\r\n0.1\t 4.2\t -4.9\r\n')); // 1
 */
export const powerSuitePlugin: FormatPlugin = {
  ...powerSuiteFormat,
  parse: (bytes, ctx) => {
    const r = parseEisTable(decodeTextInput(bytes, ctx.format), ctx);
    r.software = { name: 'PowerSuite', version: null };
    r.instrument = { vendor: 'Princeton Applied Research', model: null, serialNumber: null };
    return r;
  },
};
