/**
 * Bio-Logic EC-Lab / BT-Lab binary `.mpr` reader.
 * @example
 * import { mprPlugin } from '@echemkit/format-biologic';
 * mprPlugin.sniff(bytes.subarray(0, 64)); // 1
 */
import type { FormatPlugin } from '@echemkit/core';
import { parseMpr } from './parse.js';
import { mprFormat } from './sniff.js';

export { decodeMpr, parseMpr, type DecodedMpr } from './parse.js';
export { COLUMN_IDS, FLAG_IDS, NEW_GENERATION_OVERRIDES, type ColumnIdInfo, type MprDtype } from './column-ids.js';
export type { RawMprColumn } from './records.js';

/** The `.mpr` plugin (`biologic.mpr`). */
export const mprPlugin: FormatPlugin = {
  ...mprFormat,
  parse: parseMpr,
  parseSource: parseMpr,
};
