import type { FormatPlugin } from '@echemkit/core';
import { parseIontofText } from './parse.js';
import { iontofTextFormat } from './sniff.js';

export { sniffIontof } from './sniff.js';

/**
 * IONTOF SurfaceLab depth-profile text export (`.txt`, `.csv`, `.dat`).
 * @example
 * const doc = await read(bytes, { fileName: 'profile.txt' }); // one `depth-profile` measurement
 */
export const iontofTextPlugin: FormatPlugin = {
  ...iontofTextFormat,
  parse: parseIontofText,
};
