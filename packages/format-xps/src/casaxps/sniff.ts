/** Recognises CasaXPS text exports and quantification result tables by their first lines. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** What a registry needs of `casaxps.txt` without its parser. */
export const casaTextFormat: FormatDescriptor = {
  id: 'casaxps.txt',
  name: 'CasaXPS text export (.txt)',
  extensions: ['.txt'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 3);
    return /^Cycle \d+:/.test(l[0] ?? '') && /^\tCharacteristic Energy/.test(l[1] ?? '') ? 1 : 0;
  },
};

/** What a registry needs of `casaxps.csv` without its parser. */
export const casaResultsFormat: FormatDescriptor = {
  id: 'casaxps.csv',
  name: 'CasaXPS quantification results (.csv/.txt)',
  extensions: ['.csv'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 6);
    return l.some((x) => /^Name\tPosition\tFWHM\tRaw Area\t/.test(x)) ? 1 : 0;
  },
};
