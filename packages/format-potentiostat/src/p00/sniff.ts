/** Recognises `.P00` impedance text files. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** The `f/Hz` column line. */
export const isHeader = (l: string) => /^\s*f\/Hz\s*\t/.test(l);

/** 0.9 for `Procedure :` on line 1 and an `f/Hz` column line in the head, else 0. */
export function sniffP00(head: Uint8Array): number {
  const l = headLines(head, 30);
  return /^Procedure\s*:/.test(l[0] ?? '') && l.some(isHeader) ? 0.9 : 0;
}

/** What a registry needs of `generic.p00` without its parser. */
export const p00Format: FormatDescriptor = {
  id: 'generic.p00',
  name: 'Impedance spectrum text (.P00)',
  extensions: ['.p00'],
  binary: false,
  sniff: sniffP00,
};
