/** The Autolab text plugin: NOVA ASCII exports and the FRA `Z60W Data File` text. */
import { headLines, type FormatPlugin } from '@echemkit/core';
import { decodeTextInput } from '../shared/text-input.js';
import { parseZplotText } from '../zplot/parse.js';
import { novaSeparator, parseNovaAscii } from './nova.js';

/** 1 for a quoted `Z60W Data File` title, 0.9 for a NOVA ASCII header line, else 0. */
export function sniffAutolabText(head: Uint8Array): number {
  const l1 = (headLines(head, 1)[0] ?? '').trim();
  if (/^"Z60W Data File/.test(l1)) return 1;
  return novaSeparator(l1) ? 0.9 : 0;
}

/**
 * Metrohm Autolab text files: NOVA ASCII exports (CV, CA, EIS; `;`/tab/`,` separated) and the
 * Autolab FRA `"Z60W Data File: Version 1.1"` impedance text.
 * @example
 * import { autolabTextPlugin } from '@echemkit/format-potentiostat';
 * autolabTextPlugin.sniff(new TextEncoder().encode('"Z60W Data File: Version 1.1"\r\n')); // 1
 */
export const autolabTextPlugin: FormatPlugin = {
  id: 'autolab.txt',
  name: 'Metrohm Autolab NOVA ASCII / FRA text export',
  extensions: ['.txt', '.csv'],
  binary: false,
  sniff: sniffAutolabText,
  parse: (bytes, ctx) => {
    const text = decodeTextInput(bytes, ctx.format);
    if (/^\s*"Z60W Data File/.test(text)) return parseZplotText(text, ctx, { software: 'Autolab FRA', instrument: 'Metrohm Autolab' });
    return parseNovaAscii(text, ctx);
  },
};
