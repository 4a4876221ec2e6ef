/**
 * `@echemkit/format-neware/lazy`: the package's plugins for registries, with their parsers
 * imported on first use (`FormatPlugin.load`, awaited by the host). Importing this module
 * costs only the descriptors and sniffers; the decoders, xml2js and SheetJS are imported
 * when a file of their format is read.
 * @example
 * import { lazyPlugins } from '@echemkit/format-neware/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'cell.ndax' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { btsdaCsvFormat, btsdaXlsxFormat } from './export/sniff.js';
import { ndaFormat, ndaxFormat } from './native-sniff.js';

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [
  lazyPlugin(ndaFormat, () => import('./nda/parse.js').then((m) => m.ndaPlugin)),
  lazyPlugin(ndaxFormat, () => import('./ndax/parse.js').then((m) => m.ndaxPlugin)),
  lazyPlugin(btsdaCsvFormat, () => import('./export/csv.js').then((m) => m.btsdaCsvPlugin)),
  lazyPlugin(btsdaXlsxFormat, () => import('./export/xlsx.js').then((m) => m.btsdaXlsxPlugin)),
];
