import type { FormatPlugin } from '@echemkit/core';
import { parseMpt } from './parse.js';
import { mptFormat } from './sniff.js';

/**
 * Bio-Logic EC-Lab / BT-Lab text export (`.mpt`).
 * @example
 * import { read } from 'echemkit';
 * const doc = await read(bytes, { fileName: 'run_01_GCPL_C01.mpt' });
 * doc.measurements[0].columns.find((c) => c.name === 'current_ampere');
 */
export const mptPlugin: FormatPlugin = {
  ...mptFormat,
  parse: parseMpt,
};
