/**
 * Access to the shared corpus of real instrument files (../shared/fixtures beside the
 * project, or $ECHEMKIT_CORPUS). When it is missing, corpus tests skip with a visible
 * message, except under CI=true where a missing corpus fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = process.env.ECHEMKIT_CORPUS ? resolve(process.env.ECHEMKIT_CORPUS) : resolve(repoRoot, '../shared/fixtures');
export const corpusAvailable = existsSync(join(corpusDir, 'MANIFEST.tsv'));

export interface ManifestEntry {
  /** Path relative to the corpus root, e.g. `biologic-mpr/ca.mpr`. */
  file: string;
  format: string;
  technique: string;
  sha256: string;
  bytes: number;
  /** Ground-truth partner file name (same folder or the sibling format folder), '' when none. */
  pair: string;
  notes: string;
}

let cached: ManifestEntry[] | undefined;

/** Entries of MANIFEST.tsv (empty when the corpus is missing). */
export function manifest(): ManifestEntry[] {
  if (cached) return cached;
  if (!corpusAvailable) return (cached = []);
  const lines = readFileSync(join(corpusDir, 'MANIFEST.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const head = lines[0]!.split('\t');
  const col = (name: string) => head.indexOf(name);
  cached = lines.slice(1).map((l) => {
    const f = l.split('\t');
    return {
      file: f[col('file')] ?? '',
      format: f[col('format')] ?? '',
      technique: f[col('technique')] ?? '',
      sha256: f[col('sha256')] ?? '',
      bytes: Number(f[col('bytes')] ?? 0),
      pair: f[col('pair')] ?? '',
      notes: f[col('notes')] ?? '',
    };
  });
  return cached;
}

/** Absolute path of a corpus file. */
export function corpusPath(rel: string): string {
  return join(corpusDir, rel);
}

/** Bytes of a corpus file. */
export function readCorpus(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(rel)));
}

/**
 * `describe` for tests that need the corpus: skips with a visible message when it is
 * missing, and fails under CI=true.
 */
export function describeCorpus(name: string, fn: () => void): void {
  if (corpusAvailable) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(`corpus not found at ${corpusDir} (set ECHEMKIT_CORPUS); under CI=true a missing corpus is a failure`);
    });
    return;
  }
  console.warn(`[echemkit] SKIPPING corpus tests "${name}": corpus not found at ${corpusDir} (set ECHEMKIT_CORPUS)`);
  describe.skip(`${name} (corpus missing at ${corpusDir})`, fn);
}
