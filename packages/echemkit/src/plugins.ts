/**
 * Every format plugin echemkit ships, in one registry. New format packages add one import here.
 *
 * The registry holds each package's lazy plugins (`@echemkit/format-<vendor>/lazy`): their
 * descriptors and sniffers only. A parser, and what it needs (SheetJS, xml2js, binary-parser …),
 * is imported when a file of its format is read (`FormatPlugin.load`, awaited by `read`).
 */
import { FormatRegistry, type FormatPlugin } from '@echemkit/core';
import { lazyPlugins as biologic } from '@echemkit/format-biologic/lazy';
import { lazyPlugins as chi } from '@echemkit/format-chi/lazy';
import { lazyPlugins as land } from '@echemkit/format-land/lazy';
import { lazyPlugins as neware } from '@echemkit/format-neware/lazy';
import { lazyPlugins as potentiostat } from '@echemkit/format-potentiostat/lazy';
import { lazyPlugins as tofsims } from '@echemkit/format-tofsims/lazy';
import { lazyPlugins as xps } from '@echemkit/format-xps/lazy';

/**
 * All shipped plugins, in detection-independent order. Their parsers load on demand: call
 * `await plugin.load?.()` before `plugin.parse` when not reading through `read`/`readBytes`.
 */
export const allPlugins: readonly FormatPlugin[] = [...biologic, ...neware, ...land, ...chi, ...potentiostat, ...xps, ...tofsims];

/** A fresh registry holding every shipped plugin (add your own with `register`). */
export function defaultRegistry(): FormatRegistry {
  return new FormatRegistry(allPlugins);
}
