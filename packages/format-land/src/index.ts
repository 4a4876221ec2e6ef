/**
 * @echemkit/format-land — LAND battery testers: LANDdt exports (.xlsx/.xls, .txt/.csv) and `.cex` (data version 0.1.1.0).
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { landCexPlugin } from './land-cex/plugin.js';
import { landTextPlugin } from './land-txt/plugin.js';
import { landXlsxPlugin } from './land-xlsx/plugin.js';

export { landCexPlugin } from './land-cex/plugin.js';
export { landTextPlugin } from './land-txt/plugin.js';
export { landXlsxPlugin } from './land-xlsx/plugin.js';
export { parseCex } from './land-cex/parse.js';
export { parseLandText } from './land-txt/parse.js';
export { parseLandWorkbook } from './land-xlsx/parse.js';
export { landColumnRule, splitLandHeader } from './export/header-names.js';
export { parseLandDuration } from './export/time-text.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-land/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [landCexPlugin, landXlsxPlugin, landTextPlugin];
