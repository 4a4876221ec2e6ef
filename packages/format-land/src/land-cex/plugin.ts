import type { FormatPlugin } from '@echemkit/core';
import { parseCex } from './parse.js';
import { landCexFormat } from './sniff.js';

/** LAND binary data file (`.cex`), data version 0.1.1.0 only; other versions get an UnsupportedVersionError. */
export const landCexPlugin: FormatPlugin = {
  ...landCexFormat,
  parse: parseCex,
};
