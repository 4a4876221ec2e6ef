import type { FormatPlugin } from '@echemkit/core';
import { parseAvantage } from './avg.js';
import { avantageFormat } from './sniff.js';

/**
 * Thermo Avantage `.avg` text dump.
 * @example
 * const doc = await read(bytes, { fileName: 'C1s.avg' });
 */
export const avantagePlugin: FormatPlugin = {
  ...avantageFormat,
  parse: parseAvantage,
};
