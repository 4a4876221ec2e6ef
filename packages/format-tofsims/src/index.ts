/**
 * @echemkit/format-tofsims — ToF-SIMS readers: IONTOF SurfaceLab depth-profile text exports.
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { iontofTextPlugin } from './iontof/plugin.js';

export { iontofTextPlugin, sniffIontof } from './iontof/plugin.js';
export { parseIontofText } from './iontof/parse.js';
export { detectTable, splitCells, type TableLayout, type Delimiter } from './iontof/table.js';
export { splitUnit, roleOf, type ColumnRole, type HeaderCell } from './iontof/columns.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-tofsims/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [iontofTextPlugin];
