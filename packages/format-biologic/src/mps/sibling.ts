/** Attaching the settings of an `.mps` that lies beside an `.mpr` / `.mpt`. */
import { decodeText, isEchemkitError, type ParseContext } from '@echemkit/core';
import { parseMpsText, type MpsSettings } from './parse.js';

/**
 * The name of the `.mps` sibling that belongs to `fileName`, if the caller provided one.
 * EC-Lab names data files `<settings>_<nn>_<TECH>_C<nn>.mpr`; exported files keep the stem.
 * @example
 * findMpsSibling('run_02_CA_C01.mpt', new Map([['run.mps', new Uint8Array()]])); // 'run.mps'
 */
export function findMpsSibling(fileName: string, siblings: ReadonlyMap<string, Uint8Array>): string | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.[^.]*$/, '');
  const candidates = [stem, stem.replace(/_\d+_[A-Za-z0-9]+_C[A-Za-z0-9]*\d+$/, ''), stem.replace(/_C[A-Za-z0-9]*\d+$/, '')].map((s) => `${s}.mps`);
  const names = [...siblings.keys()];
  for (const c of candidates) {
    const hit = names.find((n) => n.toLowerCase() === c.toLowerCase());
    if (hit) return hit;
  }
  const mps = names.filter((n) => /\.mps$/i.test(n));
  return mps.length === 1 ? mps[0] : undefined;
}

/**
 * Parsed settings of the `.mps` sibling of the file being read, or undefined. A broken
 * sibling gives a warning, never an error: the data file is still read.
 * @example
 * const mps = settingsFromSibling(ctx); // ctx.fileName 'run_01_GCPL_C01.mpr', siblings with 'run.mps'
 * mps?.techniques[0].name; // 'GCPL'
 */
export function settingsFromSibling(ctx: ParseContext): (MpsSettings & { file: string }) | undefined {
  if (!ctx.siblings || ctx.siblings.size === 0) return undefined;
  const name = findMpsSibling(ctx.fileName, ctx.siblings);
  if (!name) return undefined;
  try {
    const parsed = parseMpsText(decodeText(ctx.siblings.get(name)!).text);
    ctx.info(`settings attached from ${name}`, { ruleId: 'mps-attached' });
    return { file: name, ...parsed };
  } catch (e) {
    if (!isEchemkitError(e)) throw e;
    ctx.warn(`settings file ${name} not attached: ${e.message}`, { ruleId: 'mps-unreadable' });
    return undefined;
  }
}
