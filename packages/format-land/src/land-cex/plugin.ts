import type { FormatPlugin } from '@echemkit/core';
import { hasCexMagic, parseCex } from './parse.js';

/** LAND binary data file (`.cex`), data version 0.1.1.0 only; other versions get an UnsupportedVersionError. */
export const landCexPlugin: FormatPlugin = {
  id: 'land.cex',
  name: 'LAND Monitor data file (.cex)',
  extensions: ['.cex'],
  binary: true,
  // The magic decides (other versions are recognised too, so the user gets the version error).
  sniff: (head) => (hasCexMagic(head) ? 1 : 0),
  parse: parseCex,
};
