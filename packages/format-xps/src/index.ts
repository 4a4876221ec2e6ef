/**
 * @echemkit/format-xps — XPS spectrum readers: VAMAS, PHI MultiPak .spe/.pro (+ Multipak
 * Exporter text, PHI CSV), CasaXPS text exports and results, SPECS Prodigy .xy and SpecsLab2
 * XML, Scienta SES text, Thermo Avantage .avg dumps.
 * @packageDocumentation
 */
import type { FormatPlugin } from '@echemkit/core';
import { avantagePlugin } from './avantage/plugin.js';
import { casaResultsPlugin, casaTextPlugin } from './casaxps/plugin.js';
import { phiCsvPlugin, phiMultipakTextPlugin, phiProPlugin, phiSpePlugin } from './phi/plugins.js';
import { scientaTextPlugin } from './scienta/plugin.js';
import { specsXmlPlugin, specsXyPlugin } from './specs/plugin.js';
import { vamasPlugin } from './vamas/plugin.js';

export { vamasPlugin } from './vamas/plugin.js';
export { phiSpePlugin, phiProPlugin, phiMultipakTextPlugin, phiCsvPlugin } from './phi/plugins.js';
export { casaTextPlugin, casaResultsPlugin } from './casaxps/plugin.js';
export { specsXyPlugin, specsXmlPlugin } from './specs/plugin.js';
export { scientaTextPlugin } from './scienta/plugin.js';
export { avantagePlugin } from './avantage/plugin.js';
export { parseVamasText, type VamasHeader } from './vamas/parse.js';
export { casaProcessing, parseCasaComponent, parseCasaRegion, type CasaComponent, type CasaRegion, type CasaParameter } from './vamas/casa.js';
export { readCasaResultRows, type CasaResultRow } from './casaxps/results.js';
export { intensityQuantity, bindingFromKinetic } from './spectrum.js';

/**
 * Format plugins of this package, parsers loaded (`parse` can be called at once). The `echemkit`
 * umbrella registers the same plugins from `@echemkit/format-xps/lazy` (`lazyPlugins`), whose
 * parsers are imported on first use.
 */
export const plugins: FormatPlugin[] = [
  vamasPlugin,
  phiSpePlugin,
  phiProPlugin,
  phiMultipakTextPlugin,
  phiCsvPlugin,
  casaTextPlugin,
  casaResultsPlugin,
  specsXyPlugin,
  specsXmlPlugin,
  scientaTextPlugin,
  avantagePlugin,
];
