import type { FormatPlugin } from '@echemkit/core';

/** Format plugins of this package, registered by the `echemkit` umbrella. */
export const plugins: FormatPlugin[] = [];
