import type { FormatPlugin } from '@echemkit/core';
import { parseLandWorkbook } from './parse.js';
import { sniffLandWorkbook } from './sniff.js';

/** LANDdt Excel export (`.xlsx`, `.xls`): Record sheets concatenated, step/cycle sheets kept as tables. */
export const landXlsxPlugin: FormatPlugin = {
  id: 'land.xlsx',
  name: 'LAND LANDdt Excel export (.xlsx, .xls)',
  extensions: ['.xlsx', '.xls'],
  binary: true,
  sniff: sniffLandWorkbook,
  parse: parseLandWorkbook,
};
