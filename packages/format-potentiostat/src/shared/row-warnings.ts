/** Per-row warnings with a cap, so a damaged file with thousands of bad rows stays readable. */
import type { DiagnosticInit, ParseContext } from '@echemkit/core';

export class RowWarnings {
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly ctx: ParseContext,
    private readonly max = 20,
  ) {}
  /** Reports the first `max` warnings of each rule id; counts the rest. */
  warn(message: string, init: DiagnosticInit): void {
    const n = (this.counts.get(init.ruleId) ?? 0) + 1;
    this.counts.set(init.ruleId, n);
    if (n <= this.max) this.ctx.warn(message, init);
  }
  /** Reports how many warnings were not listed. */
  flush(): void {
    for (const [ruleId, n] of this.counts) if (n > this.max) this.ctx.warn(`${n - this.max} more '${ruleId}' warnings are not listed (${n} in all)`, { ruleId });
  }
}
