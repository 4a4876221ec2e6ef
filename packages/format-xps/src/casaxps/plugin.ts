import type { FormatPlugin } from '@echemkit/core';
import { parseCasaResults } from './results.js';
import { casaResultsFormat, casaTextFormat } from './sniff.js';
import { parseCasaText } from './txt.js';

/**
 * CasaXPS text export (spectra, components, background, envelope; residual exports too).
 * @example
 * const doc = await read(bytes, { fileName: 'export.txt' });
 */
export const casaTextPlugin: FormatPlugin = {
  ...casaTextFormat,
  parse: parseCasaText,
};

/**
 * CasaXPS quantification results table (tab-separated "Name Position FWHM Raw Area …").
 * @example
 * const doc = await read(bytes, { fileName: 'results.csv' }); // one measurement whose table holds the peaks
 */
export const casaResultsPlugin: FormatPlugin = {
  ...casaResultsFormat,
  parse: parseCasaResults,
};
