/** Which registered plugin reads each corpus file, and which corpus folders a plugin family must cover. */
import { basename } from 'node:path';
import { isEchemkitError, type Detection } from '@echemkit/core';
import { defaultRegistry } from 'echemkit';
import { corpusAvailable, manifest, readCorpus, type ManifestEntry } from './corpus.js';
import { expectations } from './corpus-expectations.js';

export interface CorpusCase {
  entry: ManifestEntry;
  bytes: Uint8Array;
  detection?: Detection;
  detectionError?: string;
}

export const registry = defaultRegistry();

let cases: CorpusCase[] | undefined;

/** Every manifest entry with its bytes and detection result. */
export function corpusCases(): CorpusCase[] {
  if (cases) return cases;
  if (!corpusAvailable) return (cases = []);
  cases = manifest().map((entry) => {
    const bytes = readCorpus(entry.file);
    try {
      const detection = registry.detect(bytes, basename(entry.file));
      return { entry, bytes, detection };
    } catch (e) {
      if (!isEchemkitError(e)) throw e;
      return { entry, bytes, detectionError: (e as Error).message };
    }
  });
  return cases;
}

/** Corpus files a registered plugin claims (by content, or by extension in a folder it owns). */
export function claimedCases(): CorpusCase[] {
  return corpusCases().filter((c) => {
    if (!c.detection) return false;
    if (c.detection.by === 'content') return true;
    const folder = c.entry.file.split('/')[0]!;
    return expectations.owned[folder] !== undefined;
  });
}
