import type { FormatPlugin } from '@echemkit/core';
import { parseMps } from './parse.js';
import { mpsFormat } from './sniff.js';

/**
 * Bio-Logic EC-Lab / BT-Lab settings file (`.mps`): technique sequence and parameters, no data.
 * @example
 * import { read } from 'echemkit';
 * const doc = await read(bytes, { fileName: 'run.mps' }); // doc.measurements: one settings-only entry per technique
 */
export const mpsPlugin: FormatPlugin = {
  ...mpsFormat,
  parse: parseMps,
};
