import { startsWithAscii, type FormatDescriptor } from '@echemkit/core';

/** First lines of an `.mpl`. */
export const MPL_MAGICS = ['EC-Lab LOG FILE', 'BT-Lab LOG FILE'] as const;

/** What a registry needs of `biologic.mpl` without its parser. */
export const mplFormat: FormatDescriptor = {
  id: 'biologic.mpl',
  name: 'Bio-Logic EC-Lab log (.mpl)',
  extensions: ['.mpl'],
  binary: false,
  sniff: (head) => (MPL_MAGICS.some((m) => startsWithAscii(head, m)) ? 1 : 0),
};
