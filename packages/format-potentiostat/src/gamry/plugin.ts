/** The Gamry `.DTA` plugin. */
import type { FormatPlugin } from '@echemkit/core';
import { parseGamryDta } from './parse.js';
import { gamryDtaFormat } from './sniff.js';

/**
 * Gamry Framework data files (EXPLAIN format: CV, CA, CP, OCP, LSV, EISPOT, VFP600 …).
 * @example
 * import { gamryDtaPlugin } from '@echemkit/format-potentiostat';
 * gamryDtaPlugin.sniff(new TextEncoder().encode('EXPLAIN\r\nTAG\tCV\r\n')); // 1
 */
export const gamryDtaPlugin: FormatPlugin = {
  ...gamryDtaFormat,
  parse: parseGamryDta,
};
