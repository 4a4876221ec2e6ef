import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { registryOf, readBytes, validateDocument } from '@echemkit/core';

const ours = (f: string) => /^xps-(vamas|spe|other)\//.test(f);

describeCorpus('format-xps corpus', () => {
  const files = manifest().filter((e) => ours(e.file));
  it('has the XPS corpus files', () => {
    expect(files.length).toBe(18);
  });
  for (const e of files) {
    it(`detects and parses ${e.file} into a valid document`, async () => {
      const bytes = readCorpus(e.file);
      const doc = await readBytes(bytes, { registry: registryOf(plugins), fileName: e.file.split('/').pop()!, sha256: false });
      expect(doc.measurements.length).toBeGreaterThan(0);
      expect(doc.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const v = validateDocument(doc);
      expect(v.valid, JSON.stringify(v).slice(0, 400)).toBe(true);
    });
  }
  it('sniffs 0 for every other corpus file', () => {
    for (const e of manifest()) {
      if (ours(e.file)) continue;
      const head = readCorpus(e.file).subarray(0, 65536);
      for (const p of plugins) expect(p.sniff(head), `${p.id} on ${e.file}`).toBe(0);
    }
  });
});

