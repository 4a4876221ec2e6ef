/**
 * `@echemkit/format-biologic/lazy`: the package's plugins for registries, with their parsers
 * imported on first use (`FormatPlugin.load`, awaited by the host). Importing this module
 * costs only the descriptors and sniffers; binary-parser is imported when an `.mpr` is read.
 * @example
 * import { lazyPlugins } from '@echemkit/format-biologic/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'cell_C01.mpr' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { mplFormat } from './mpl/sniff.js';
import { mprFormat } from './mpr/sniff.js';
import { mpsFormat } from './mps/sniff.js';
import { mptFormat } from './mpt/sniff.js';

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [
  lazyPlugin(mptFormat, () => import('./mpt/plugin.js').then((m) => m.mptPlugin)),
  lazyPlugin(mpsFormat, () => import('./mps/plugin.js').then((m) => m.mpsPlugin)),
  lazyPlugin(mplFormat, () => import('./mpl/parse.js').then((m) => m.mplPlugin)),
  lazyPlugin(mprFormat, () => import('./mpr/index.js').then((m) => m.mprPlugin)),
];
