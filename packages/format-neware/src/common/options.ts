/** Plugin options shared by the NEWARE readers. */
import type { ParseContext } from '@echemkit/core';
import type { CycleMode } from './cycle.js';

/** `cycleMode` option ('chg' | 'dchg' | 'auto'), default 'chg'. */
export function cycleModeOption(ctx: ParseContext): CycleMode {
  const m = ctx.options.cycleMode;
  return m === 'dchg' || m === 'auto' ? m : 'chg';
}
