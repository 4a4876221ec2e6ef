/** Recognises Scienta SES text exports by their `[Info]` header. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** What a registry needs of `scienta.txt` without its parser. */
export const scientaTextFormat: FormatDescriptor = {
  id: 'scienta.txt',
  name: 'Scienta SES text export (.txt)',
  extensions: ['.txt'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 3).map((x) => x.trim());
    return l[0] === '[Info]' && /^Number of Regions=\d+/.test(l[1] ?? '') ? 1 : 0;
  },
};
