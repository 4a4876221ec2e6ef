/** The Autolab text plugin: NOVA ASCII exports and the FRA `Z60W Data File` text. */
import type { FormatPlugin } from '@echemkit/core';
import { decodeTextInput } from '../shared/text-input.js';
import { parseZplotText } from '../zplot/parse.js';
import { parseNovaAscii } from './nova.js';
import { autolabTextFormat } from './sniff.js';

export { sniffAutolabText } from './sniff.js';

/**
 * Metrohm Autolab text files: NOVA ASCII exports (CV, CA, EIS; `;`/tab/`,` separated) and the
 * Autolab FRA `"Z60W Data File: Version 1.1"` impedance text.
 * @example
 * import { autolabTextPlugin } from '@echemkit/format-potentiostat';
 * autolabTextPlugin.sniff(new TextEncoder().encode('"Z60W Data File: Version 1.1"\r\n')); // 1
 */
export const autolabTextPlugin: FormatPlugin = {
  ...autolabTextFormat,
  parse: (bytes, ctx) => {
    const text = decodeTextInput(bytes, ctx.format);
    if (/^\s*"Z60W Data File/.test(text)) return parseZplotText(text, ctx, { software: 'Autolab FRA', instrument: 'Metrohm Autolab' });
    return parseNovaAscii(text, ctx);
  },
};
