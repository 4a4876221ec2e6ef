import type { FormatPlugin } from '@echemkit/core';
import { parseLandText } from './parse.js';
import { sniffLandText } from './sniff.js';

/** LANDdt text export (`.txt` tab-separated, `.csv`), English or Chinese headers. */
export const landTextPlugin: FormatPlugin = {
  id: 'land.txt',
  name: 'LAND LANDdt text export (.txt, .csv)',
  extensions: ['.txt', '.csv'],
  binary: false,
  sniff: sniffLandText,
  parse: parseLandText,
};
