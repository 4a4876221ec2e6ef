/** The Scribner ZPlot `.z` plugin. */
import { headLines, type FormatPlugin } from '@echemkit/core';
import { decodeTextInput } from '../shared/text-input.js';
import { parseZplotText } from './parse.js';

/** 1 for `ZPLOT2 ASCII` or a quoted `ZPlotW`/`ZView` title on line 1. */
export function sniffZplot(head: Uint8Array): number {
  const l1 = (headLines(head, 1)[0] ?? '').trim();
  if (l1 === 'ZPLOT2 ASCII') return 1;
  return /^"(ZPlotW? Data File|ZView)/.test(l1) ? 1 : 0;
}

/**
 * Scribner ZPlot / ZView impedance text files (`ZPLOT2 ASCII` and `ZPlotW Data File` styles).
 * @example
 * import { zplotPlugin } from '@echemkit/format-potentiostat';
 * zplotPlugin.sniff(new TextEncoder().encode('ZPLOT2 ASCII\r\n')); // 1
 */
export const zplotPlugin: FormatPlugin = {
  id: 'zplot.z',
  name: 'Scribner ZPlot / ZView impedance file (.z)',
  extensions: ['.z'],
  binary: false,
  sniff: sniffZplot,
  parse: (bytes, ctx) => parseZplotText(decodeTextInput(bytes, ctx.format), ctx, { software: 'ZPlot', instrument: null }),
};
