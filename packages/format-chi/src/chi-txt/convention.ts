/**
 * Current sign convention of a CHI export. The text export does not state it. The CHI
 * software can show polarographic (cathodic positive) or IUPAC (anodic positive) plots; the
 * real CHI760E exports of the corpus store anodic current as positive (hydrogen-evolution
 * currents are negative, and capacitive current is positive on positive-going sweeps), so
 * "as written = anodic positive" is assumed unless the caller says otherwise.
 */
import { FormatError, type ParseContext } from '@echemkit/core';

export type CurrentConvention = 'anodic-positive' | 'cathodic-positive';

export interface ConventionChoice {
  convention: CurrentConvention;
  source: 'option' | 'assumed';
}

/** The convention from `ctx.options.currentConvention`, else the assumed one (with an info diagnostic). */
export function chooseConvention(ctx: ParseContext, hasCurrent: boolean): ConventionChoice {
  const opt = ctx.options['currentConvention'];
  if (opt !== undefined) {
    if (opt !== 'anodic-positive' && opt !== 'cathodic-positive') {
      throw new FormatError('unknown option value currentConvention', {
        format: ctx.format,
        expected: "'anodic-positive' or 'cathodic-positive'",
        actual: JSON.stringify(opt),
      });
    }
    return { convention: opt, source: 'option' };
  }
  if (hasCurrent) {
    ctx.info('the export does not state its current sign convention; anodic current positive (IUPAC) is assumed, values are kept as written', {
      ruleId: 'current-convention-assumed',
      note: "pass the plugin option { currentConvention: 'cathodic-positive' } for exports written in the polarographic convention (they are then negated)",
    });
  }
  return { convention: 'anodic-positive', source: 'assumed' };
}

/**
 * Consistency check on a cyclic voltammogram: capacitive current follows the sweep direction,
 * so in anodic-positive data the mean current of positive-going points exceeds that of
 * negative-going points. Returns the difference (A); its sign is the evidence.
 */
export function sweepHysteresis(potential: Float64Array, current: Float64Array): number | undefined {
  let up = 0;
  let nUp = 0;
  let down = 0;
  let nDown = 0;
  for (let i = 1; i < potential.length; i++) {
    const d = potential[i]! - potential[i - 1]!;
    if (d > 0) {
      up += current[i]!;
      nUp++;
    } else if (d < 0) {
      down += current[i]!;
      nDown++;
    }
  }
  if (nUp < 3 || nDown < 3) return undefined;
  return up / nUp - down / nDown;
}
