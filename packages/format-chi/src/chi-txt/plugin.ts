import type { FormatPlugin } from '@echemkit/core';
import { parseChiText } from './parse.js';
import { chiTextFormat } from './sniff.js';

/**
 * CH Instruments text export (`.txt`, `.csv`): CV, LSV, i-t, CA, CP, OCPT, A.C. Impedance, DPV, SWV …
 * Plugin option `currentConvention`: `'anodic-positive'` (default, values as written) or
 * `'cathodic-positive'` (polarographic; current and charge are negated).
 */
export const chiTextPlugin: FormatPlugin = {
  ...chiTextFormat,
  parse: parseChiText,
};
