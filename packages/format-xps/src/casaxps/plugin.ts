import { headLines, type FormatPlugin } from '@echemkit/core';
import { parseCasaResults } from './results.js';
import { parseCasaText } from './txt.js';

/**
 * CasaXPS text export (spectra, components, background, envelope; residual exports too).
 * @example
 * const doc = await read(bytes, { fileName: 'export.txt' });
 */
export const casaTextPlugin: FormatPlugin = {
  id: 'casaxps.txt',
  name: 'CasaXPS text export (.txt)',
  extensions: ['.txt'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 3);
    return /^Cycle \d+:/.test(l[0] ?? '') && /^\tCharacteristic Energy/.test(l[1] ?? '') ? 1 : 0;
  },
  parse: parseCasaText,
};

/**
 * CasaXPS quantification results table (tab-separated "Name Position FWHM Raw Area …").
 * @example
 * const doc = await read(bytes, { fileName: 'results.csv' }); // one measurement whose table holds the peaks
 */
export const casaResultsPlugin: FormatPlugin = {
  id: 'casaxps.csv',
  name: 'CasaXPS quantification results (.csv/.txt)',
  extensions: ['.csv'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 6);
    return l.some((x) => /^Name\tPosition\tFWHM\tRaw Area\t/.test(x)) ? 1 : 0;
  },
  parse: parseCasaResults,
};
