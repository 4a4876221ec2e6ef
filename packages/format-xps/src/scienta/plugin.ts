import type { FormatPlugin } from '@echemkit/core';
import { scientaTextFormat } from './sniff.js';
import { parseScientaText } from './txt.js';

/**
 * Scienta SES text export (`.txt`).
 * @example
 * const doc = await read(bytes, { fileName: 'Ag_0001.txt' });
 */
export const scientaTextPlugin: FormatPlugin = {
  ...scientaTextFormat,
  parse: parseScientaText,
};
