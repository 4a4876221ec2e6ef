import type { FormatPlugin } from '@echemkit/core';
import { parseLandText } from './parse.js';
import { landTextFormat } from './sniff.js';

/** LANDdt text export (`.txt` tab-separated, `.csv`), English or Chinese headers. */
export const landTextPlugin: FormatPlugin = {
  ...landTextFormat,
  parse: parseLandText,
};
