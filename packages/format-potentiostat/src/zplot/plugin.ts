/** The Scribner ZPlot `.z` plugin. */
import type { FormatPlugin } from '@echemkit/core';
import { decodeTextInput } from '../shared/text-input.js';
import { parseZplotText } from './parse.js';
import { zplotFormat } from './sniff.js';

export { sniffZplot } from './sniff.js';

/**
 * Scribner ZPlot / ZView impedance text files (`ZPLOT2 ASCII` and `ZPlotW Data File` styles).
 * @example
 * import { zplotPlugin } from '@echemkit/format-potentiostat';
 * zplotPlugin.sniff(new TextEncoder().encode('ZPLOT2 ASCII\r\n')); // 1
 */
export const zplotPlugin: FormatPlugin = {
  ...zplotFormat,
  parse: (bytes, ctx) => parseZplotText(decodeTextInput(bytes, ctx.format), ctx, { software: 'ZPlot', instrument: null }),
};
