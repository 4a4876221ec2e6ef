/**
 * `@echemkit/format-land/lazy`: the package's plugins for registries, with their parsers
 * imported on first use (`FormatPlugin.load`, awaited by the host). Importing this module
 * costs only the descriptors and sniffers; SheetJS is imported when a workbook is read.
 * @example
 * import { lazyPlugins } from '@echemkit/format-land/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'cell.cex' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { landCexFormat } from './land-cex/sniff.js';
import { landTextFormat } from './land-txt/sniff.js';
import { landXlsxFormat } from './land-xlsx/sniff.js';

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [
  lazyPlugin(landCexFormat, () => import('./land-cex/plugin.js').then((m) => m.landCexPlugin)),
  lazyPlugin(landXlsxFormat, () => import('./land-xlsx/plugin.js').then((m) => m.landXlsxPlugin)),
  lazyPlugin(landTextFormat, () => import('./land-txt/plugin.js').then((m) => m.landTextPlugin)),
];
