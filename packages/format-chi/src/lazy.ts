/**
 * `@echemkit/format-chi/lazy`: the package's plugins for registries, with their parsers
 * imported on first use (`FormatPlugin.load`, awaited by the host). Importing this module
 * costs only the descriptors and sniffers.
 * @example
 * import { lazyPlugins } from '@echemkit/format-chi/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'cv.txt' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { chiTextFormat } from './chi-txt/sniff.js';

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [lazyPlugin(chiTextFormat, () => import('./chi-txt/plugin.js').then((m) => m.chiTextPlugin))];
