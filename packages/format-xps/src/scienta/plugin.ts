import { headLines, type FormatPlugin } from '@echemkit/core';
import { parseScientaText } from './txt.js';

/**
 * Scienta SES text export (`.txt`).
 * @example
 * const doc = await read(bytes, { fileName: 'Ag_0001.txt' });
 */
export const scientaTextPlugin: FormatPlugin = {
  id: 'scienta.txt',
  name: 'Scienta SES text export (.txt)',
  extensions: ['.txt'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 3).map((x) => x.trim());
    return l[0] === '[Info]' && /^Number of Regions=\d+/.test(l[1] ?? '') ? 1 : 0;
  },
  parse: parseScientaText,
};
