/**
 * @echemkit/format-biologic — Bio-Logic EC-Lab / BT-Lab readers (.mpt text export, .mps
 * settings; .mpr binary) and the shared Bio-Logic column layer.
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { mprPlugin } from './mpr/index.js';
import { mptPlugin } from './mpt/plugin.js';
import { mpsPlugin } from './mps/plugin.js';
import { mplPlugin } from './mpl/parse.js';

export { mprPlugin, decodeMpr, parseMpr } from './mpr/index.js';

export { biologicColumn, biologicUnitExponent, type BiologicRawValues, type BiologicColumnOptions } from './columns.js';
export { lookupColumn, knownColumnNames, normaliseName, unitCut, type ColumnEntry, type ColumnKind } from './column-table.js';
export { buildBiologicMeasurements, type BiologicRunInfo } from './measurements.js';
export { techniqueShortName, isKnownTechnique } from './techniques.js';
export { I_RANGE_LABELS, iRangeCodes } from './i-range.js';
export { mptPlugin } from './mpt/plugin.js';
export { parseMpt, MPT_MAGICS, type MptOptions } from './mpt/parse.js';
export { mpsPlugin } from './mps/plugin.js';
export { parseMps, parseMpsText, MPS_MAGICS, type MpsSettings, type MpsTechnique } from './mps/parse.js';
export { mplPlugin, parseMpl, MPL_MAGICS } from './mpl/parse.js';
export { findMpsSibling, settingsFromSibling } from './mps/sibling.js';
export { parseBiologicDate } from './text/dates.js';
export { parseHeaderLines, type ParsedHeader, type HeaderBlock, type HeaderValue, type ParameterRow } from './text/header.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-biologic/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [mptPlugin, mpsPlugin, mplPlugin, mprPlugin];
