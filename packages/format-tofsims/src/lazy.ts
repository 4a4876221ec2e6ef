/**
 * `@echemkit/format-tofsims/lazy`: the package's plugins for registries, with their parsers
 * imported on first use (`FormatPlugin.load`, awaited by the host). Importing this module
 * costs only the descriptors and sniffers.
 * @example
 * import { lazyPlugins } from '@echemkit/format-tofsims/lazy';
 * const doc = await readBytes(bytes, { registry: registryOf(lazyPlugins), fileName: 'profile.txt' });
 */
import { lazyPlugin, type FormatPlugin } from '@echemkit/core';
import { iontofTextFormat } from './iontof/sniff.js';

/** Same plugins, same order as `plugins`, parsers loaded on demand. */
export const lazyPlugins: FormatPlugin[] = [lazyPlugin(iontofTextFormat, () => import('./iontof/plugin.js').then((m) => m.iontofTextPlugin))];
