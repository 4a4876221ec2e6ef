/**
 * @echemkit/format-potentiostat — readers for potentiostat and impedance files: Gamry
 * `.DTA`, Scribner ZPlot `.z`, Metrohm Autolab (NOVA ASCII, FRA text, `.dfr`), `.P00`, Ivium
 * `.idf`, PalmSens `.pssession` and PSTrace xlsx, PAR VersaStudio `.par` and PARSTAT text,
 * Zahner `.ism`/`.isc`, PowerSuite text and generic EIS tables.
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { autolabDfrPlugin } from './autolab/dfr.js';
import { autolabTextPlugin } from './autolab/plugin.js';
import { eisTablePlugin, powerSuitePlugin } from './eis-csv/plugin.js';
import { gamryDtaPlugin } from './gamry/plugin.js';
import { iviumIdfPlugin } from './ivium/idf.js';
import { p00Plugin } from './p00/parse.js';
import { palmsensSessionPlugin } from './palmsens/pssession.js';
import { palmsensXlsxPlugin } from './palmsens/xlsx.js';
import { versaStudioPlugin } from './parstat/par.js';
import { parstatTextPlugin } from './parstat/txt.js';
import { zahnerIscPlugin } from './zahner/isc.js';
import { zahnerIsmPlugin } from './zahner/ism.js';
import { zplotPlugin } from './zplot/plugin.js';

export { gamryDtaPlugin } from './gamry/plugin.js';
export { parseGamryDta } from './gamry/parse.js';
export { zplotPlugin } from './zplot/plugin.js';
export { parseZplotText } from './zplot/parse.js';
export { autolabTextPlugin } from './autolab/plugin.js';
export { parseNovaAscii } from './autolab/nova.js';
export { autolabDfrPlugin, parseDfr } from './autolab/dfr.js';
export { eisTablePlugin, powerSuitePlugin } from './eis-csv/plugin.js';
export { parseEisTable } from './eis-csv/generic.js';
export { p00Plugin, parseP00 } from './p00/parse.js';
export { iviumIdfPlugin, parseIdf } from './ivium/idf.js';
export { palmsensSessionPlugin, parsePsSession } from './palmsens/pssession.js';
export { palmsensXlsxPlugin, parsePalmsensXlsx } from './palmsens/xlsx.js';
export { versaStudioPlugin, parseVersaStudio } from './parstat/par.js';
export { parstatTextPlugin, parseParstatText } from './parstat/txt.js';
export { zahnerIsmPlugin, parseIsm } from './zahner/ism.js';
export { zahnerIscPlugin, parseIsc } from './zahner/isc.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-potentiostat/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [
  gamryDtaPlugin,
  zplotPlugin,
  autolabTextPlugin,
  autolabDfrPlugin,
  p00Plugin,
  iviumIdfPlugin,
  palmsensSessionPlugin,
  palmsensXlsxPlugin,
  versaStudioPlugin,
  parstatTextPlugin,
  zahnerIsmPlugin,
  zahnerIscPlugin,
  powerSuitePlugin,
  eisTablePlugin,
];
