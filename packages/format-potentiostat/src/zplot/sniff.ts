/** Recognises Scribner ZPlot / ZView text files by their first line. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** 1 for `ZPLOT2 ASCII` or a quoted `ZPlotW`/`ZView` title on line 1. */
export function sniffZplot(head: Uint8Array): number {
  const l1 = (headLines(head, 1)[0] ?? '').trim();
  if (l1 === 'ZPLOT2 ASCII') return 1;
  return /^"(ZPlotW? Data File|ZView)/.test(l1) ? 1 : 0;
}

/** What a registry needs of `zplot.z` without its parser. */
export const zplotFormat: FormatDescriptor = {
  id: 'zplot.z',
  name: 'Scribner ZPlot / ZView impedance file (.z)',
  extensions: ['.z'],
  binary: false,
  sniff: sniffZplot,
};
