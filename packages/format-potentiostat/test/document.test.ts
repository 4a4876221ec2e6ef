/**
 * Whole pipeline on every corpus file of this package: detection in a registry, the host's
 * checks, the JSON writer output validating against the echemkit schema, no error diagnostics.
 */
import { readBytes, registryOf, toJsonBytes, validateDocument } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { OWN_FILES } from './util.js';

describeCorpus('documents validate against the schema', () => {
  const files: Record<string, string> = { ...OWN_FILES };
  for (const e of manifest()) if (e.file.startsWith('gamry-dta/')) files[e.file] = 'gamry.dta';
  const registry = registryOf(plugins);
  for (const [file, id] of Object.entries(files)) {
    it(file, async () => {
      const doc = await readBytes(readCorpus(file), { registry, fileName: file.split('/').pop()!, sha256: false });
      expect(doc.source.format).toBe(id);
      expect(doc.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const json = JSON.parse(new TextDecoder().decode(toJsonBytes(doc)));
      const v = validateDocument(json);
      expect(v.valid ? [] : v.problems.slice(0, 3)).toEqual([]);
    });
  }
});
