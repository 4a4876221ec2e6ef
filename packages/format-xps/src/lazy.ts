/**
 * `@echemkit/format-xps/lazy`: the package's plugins for registries, with their parsers
 * imported on first use (`FormatPlugin.load`, awaited by the host). Importing this module
 * costs only the descriptors and sniffers; xml2js is imported when a SpecsLab2 XML is read.
 * @example
 * import { lazyPlugins } from '@echemkit/format-xps/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'regular.vms' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { avantageFormat } from './avantage/sniff.js';
import { casaResultsFormat, casaTextFormat } from './casaxps/sniff.js';
import { phiCsvFormat, phiMultipakTextFormat, phiProFormat, phiSpeFormat } from './phi/sniff.js';
import { scientaTextFormat } from './scienta/sniff.js';
import { specsXmlFormat, specsXyFormat } from './specs/sniff.js';
import { vamasFormat } from './vamas/sniff.js';

const phi = () => import('./phi/plugins.js');
const casa = () => import('./casaxps/plugin.js');

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [
  lazyPlugin(vamasFormat, () => import('./vamas/plugin.js').then((m) => m.vamasPlugin)),
  lazyPlugin(phiSpeFormat, () => phi().then((m) => m.phiSpePlugin)),
  lazyPlugin(phiProFormat, () => phi().then((m) => m.phiProPlugin)),
  lazyPlugin(phiMultipakTextFormat, () => phi().then((m) => m.phiMultipakTextPlugin)),
  lazyPlugin(phiCsvFormat, () => phi().then((m) => m.phiCsvPlugin)),
  lazyPlugin(casaTextFormat, () => casa().then((m) => m.casaTextPlugin)),
  lazyPlugin(casaResultsFormat, () => casa().then((m) => m.casaResultsPlugin)),
  // Separate imports: the .xy reader does not need xml2js.
  lazyPlugin(specsXyFormat, () => import('./specs/xy.js').then((m) => ({ ...specsXyFormat, parse: m.parseSpecsXy }))),
  lazyPlugin(specsXmlFormat, () => import('./specs/xml.js').then((m) => ({ ...specsXmlFormat, parse: m.parseSpecsXml }))),
  lazyPlugin(scientaTextFormat, () => import('./scienta/plugin.js').then((m) => m.scientaTextPlugin)),
  lazyPlugin(avantageFormat, () => import('./avantage/plugin.js').then((m) => m.avantagePlugin)),
];
