import type { FormatPlugin } from '@echemkit/core';
import { parseLandWorkbook } from './parse.js';
import { landXlsxFormat } from './sniff.js';

/** LANDdt Excel export (`.xlsx`, `.xls`): Record sheets concatenated, step/cycle sheets kept as tables. */
export const landXlsxPlugin: FormatPlugin = {
  ...landXlsxFormat,
  parse: parseLandWorkbook,
};
