/** Every format plugin echemkit ships, in one registry. New format packages add one import here. */
import { FormatRegistry, type FormatPlugin } from '@echemkit/core';
import { plugins as biologic } from '@echemkit/format-biologic';
import { plugins as chi } from '@echemkit/format-chi';
import { plugins as land } from '@echemkit/format-land';
import { plugins as neware } from '@echemkit/format-neware';
import { plugins as potentiostat } from '@echemkit/format-potentiostat';
import { plugins as tofsims } from '@echemkit/format-tofsims';
import { plugins as xps } from '@echemkit/format-xps';

/** All shipped plugins, in detection-independent order. */
export const allPlugins: readonly FormatPlugin[] = [...biologic, ...neware, ...land, ...chi, ...potentiostat, ...xps, ...tofsims];

/** A fresh registry holding every shipped plugin (add your own with `register`). */
export function defaultRegistry(): FormatRegistry {
  return new FormatRegistry(allPlugins);
}
