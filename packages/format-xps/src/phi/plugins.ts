import type { FormatPlugin } from '@echemkit/core';
import { parsePhiCsv } from './csv.js';
import { parseMultipakText } from './multipak-txt.js';
import { phiCsvFormat, phiMultipakTextFormat, phiProFormat, phiSpeFormat } from './sniff.js';
import { parsePhi } from './spe.js';

/**
 * PHI MultiPak spectra (`.spe`): ASCII header + float32/float64 traces.
 * @example
 * const doc = await read(bytes, { fileName: 'sample.spe' }); // one spectrum per SpectralRegDef
 */
export const phiSpePlugin: FormatPlugin = {
  ...phiSpeFormat,
  parse: parsePhi,
};

/**
 * PHI MultiPak depth profiles (`.pro`): spectra per cycle and region plus a `depth-profile`.
 * @example
 * const doc = await read(bytes, { fileName: 'profile.pro' });
 */
export const phiProPlugin: FormatPlugin = {
  ...phiProFormat,
  parse: parsePhi,
};

/**
 * Text from ULVAC-PHI's Multipak Exporter.
 * @example
 * const doc = await read(bytes, { fileName: 'export.txt' });
 */
export const phiMultipakTextPlugin: FormatPlugin = {
  ...phiMultipakTextFormat,
  parse: parseMultipakText,
};

/**
 * PHI CSV export (`BE/eV,<name>` header).
 * @example
 * const doc = await read(bytes, { fileName: 'C1s.csv' });
 */
export const phiCsvPlugin: FormatPlugin = {
  ...phiCsvFormat,
  parse: parsePhiCsv,
};
