import { headLines, type FormatPlugin } from '@echemkit/core';
import { parseAvantage } from './avg.js';

/**
 * Thermo Avantage `.avg` text dump.
 * @example
 * const doc = await read(bytes, { fileName: 'C1s.avg' });
 */
export const avantagePlugin: FormatPlugin = {
  id: 'avantage.avg',
  name: 'Thermo Avantage text dump (.avg)',
  extensions: ['.avg'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 200);
    const hasAxes = l.some((x) => /^\s*\$(SPACEAXES|DATAAXES)/.test(x));
    return hasAxes && l.some((x) => /space ax/i.test(x)) ? 0.9 : 0;
  },
  parse: parseAvantage,
};
