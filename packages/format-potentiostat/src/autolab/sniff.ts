/** Recognises Autolab files: NOVA ASCII / FRA text exports and `.dfr` files. */
import { headLines, type FormatDescriptor } from '@echemkit/core';
import { novaSeparator } from './nova.js';

/** 1 for a quoted `Z60W Data File` title, 0.9 for a NOVA ASCII header line, else 0. */
export function sniffAutolabText(head: Uint8Array): number {
  const l1 = (headLines(head, 1)[0] ?? '').trim();
  if (/^"Z60W Data File/.test(l1)) return 1;
  return novaSeparator(l1) ? 0.9 : 0;
}

/** What a registry needs of `autolab.txt` without its parser. */
export const autolabTextFormat: FormatDescriptor = {
  id: 'autolab.txt',
  name: 'Metrohm Autolab NOVA ASCII / FRA text export',
  extensions: ['.txt', '.csv'],
  binary: false,
  sniff: sniffAutolabText,
};

/** 1 for a first line `VERSION8.0` followed by an integer count line. */
export function sniffDfr(head: Uint8Array): number {
  const l = headLines(head, 3);
  return /^VERSION\d+\.\d+\s*$/.test(l[0] ?? '') && /^\s*\d+\s*$/.test(l[1] ?? '') && /^\s*-?\d+(\.\d+)?\s*$/.test(l[2] ?? '') ? 1 : 0;
}

/** What a registry needs of `autolab.dfr` without its parser. */
export const autolabDfrFormat: FormatDescriptor = {
  id: 'autolab.dfr',
  name: 'Eco Chemie / Autolab FRA (.dfr)',
  extensions: ['.dfr'],
  binary: false,
  sniff: sniffDfr,
};
