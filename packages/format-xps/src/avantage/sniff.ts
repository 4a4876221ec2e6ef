/** Recognises Thermo Avantage `.avg` dumps by their `$SPACEAXES`/`$DATAAXES` sections. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** What a registry needs of `avantage.avg` without its parser. */
export const avantageFormat: FormatDescriptor = {
  id: 'avantage.avg',
  name: 'Thermo Avantage text dump (.avg)',
  extensions: ['.avg'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 200);
    const hasAxes = l.some((x) => /^\s*\$(SPACEAXES|DATAAXES)/.test(x));
    return hasAxes && l.some((x) => /space ax/i.test(x)) ? 0.9 : 0;
  },
};
