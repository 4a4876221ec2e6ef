/**
 * @echemkit/format-chi — CH Instruments text exports.
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { chiTextPlugin } from './chi-txt/plugin.js';

export { chiTextPlugin } from './chi-txt/plugin.js';
export { parseChiText } from './chi-txt/parse.js';
export { sniffChiText } from './chi-txt/sniff.js';
export { parseChiDateLine } from './chi-txt/date-line.js';
export type { CurrentConvention } from './chi-txt/convention.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-chi/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [chiTextPlugin];
