/**
 * @echemkit/format-neware — NEWARE `.nda`, `.ndax` and BTSDA CSV/Excel exports.
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { ndaPlugin } from './nda/parse.js';
import { ndaxPlugin } from './ndax/parse.js';
import { btsdaCsvPlugin } from './export/csv.js';
import { btsdaXlsxPlugin } from './export/xlsx.js';

export { ndaPlugin, parseNda } from './nda/parse.js';
export { sniffNda, sniffNdax } from './native-sniff.js';
export { btsdaCsvPlugin, parseBtsdaCsv, sniffBtsdaCsv } from './export/csv.js';
export { btsdaXlsxPlugin, parseBtsdaXlsx, sniffBtsdaXlsx } from './export/xlsx.js';
export { ndaxPlugin, parseNdax, type NdaxOptions } from './ndax/parse.js';
export { btsdaCycleNumbers, type CycleMode } from './common/cycle.js';
export { STEP_TYPE_VENDOR_NAMES, stepTypeOfCode } from './common/step-types.js';
export { rangeExponent } from './common/current-range.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-neware/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [ndaPlugin, ndaxPlugin, btsdaCsvPlugin, btsdaXlsxPlugin];
