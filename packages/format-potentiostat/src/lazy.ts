/**
 * `@echemkit/format-potentiostat/lazy`: the package's plugins for registries, with their
 * parsers imported on first use (`FormatPlugin.load`, awaited by the host). Importing this
 * module costs only the descriptors and sniffers; SheetJS is imported when a PSTrace workbook
 * is read.
 * @example
 * import { lazyPlugins } from '@echemkit/format-potentiostat/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'cv.DTA' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { autolabDfrFormat, autolabTextFormat } from './autolab/sniff.js';
import { eisTableFormat, powerSuiteFormat } from './eis-csv/sniff.js';
import { gamryDtaFormat } from './gamry/sniff.js';
import { iviumIdfFormat } from './ivium/sniff.js';
import { p00Format } from './p00/sniff.js';
import { palmsensSessionFormat, palmsensXlsxFormat } from './palmsens/sniff.js';
import { parstatTextFormat, versaStudioFormat } from './parstat/sniff.js';
import { zahnerIscFormat, zahnerIsmFormat } from './zahner/sniff.js';
import { zplotFormat } from './zplot/sniff.js';

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [
  lazyPlugin(gamryDtaFormat, () => import('./gamry/plugin.js').then((m) => m.gamryDtaPlugin)),
  lazyPlugin(zplotFormat, () => import('./zplot/plugin.js').then((m) => m.zplotPlugin)),
  lazyPlugin(autolabTextFormat, () => import('./autolab/plugin.js').then((m) => m.autolabTextPlugin)),
  lazyPlugin(autolabDfrFormat, () => import('./autolab/dfr.js').then((m) => m.autolabDfrPlugin)),
  lazyPlugin(p00Format, () => import('./p00/parse.js').then((m) => m.p00Plugin)),
  lazyPlugin(iviumIdfFormat, () => import('./ivium/idf.js').then((m) => m.iviumIdfPlugin)),
  lazyPlugin(palmsensSessionFormat, () => import('./palmsens/pssession.js').then((m) => m.palmsensSessionPlugin)),
  lazyPlugin(palmsensXlsxFormat, () => import('./palmsens/xlsx.js').then((m) => m.palmsensXlsxPlugin)),
  lazyPlugin(versaStudioFormat, () => import('./parstat/par.js').then((m) => m.versaStudioPlugin)),
  lazyPlugin(parstatTextFormat, () => import('./parstat/txt.js').then((m) => m.parstatTextPlugin)),
  lazyPlugin(zahnerIsmFormat, () => import('./zahner/ism.js').then((m) => m.zahnerIsmPlugin)),
  lazyPlugin(zahnerIscFormat, () => import('./zahner/isc.js').then((m) => m.zahnerIscPlugin)),
  lazyPlugin(powerSuiteFormat, () => import('./eis-csv/plugin.js').then((m) => m.powerSuitePlugin)),
  lazyPlugin(eisTableFormat, () => import('./eis-csv/plugin.js').then((m) => m.eisTablePlugin)),
];
