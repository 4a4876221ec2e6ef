/**
 * Every corpus file of this package's formats is recognised by the right plugin and parses into
 * a valid document; every other corpus file is refused by all sniffers of this package.
 */
import { checkDocument } from '@echemkit/core';
import { expect, it } from 'vitest';
import { describeCorpus, manifest, readCorpus } from '../../../test/helpers/corpus.js';
import { plugins } from '../src/index.js';
import { detect, OWN_FILES, run } from './util.js';

function ownFiles(): Record<string, string> {
  const out: Record<string, string> = { ...OWN_FILES };
  for (const e of manifest()) if (e.file.startsWith('gamry-dta/')) out[e.file] = 'gamry.dta';
  return out;
}

describeCorpus('corpus: detection and parsing', () => {
  const own = ownFiles();
  it('covers 21 Gamry files and 22 other files', () => {
    expect(Object.keys(own).filter((f) => f.startsWith('gamry-dta/')).length).toBe(21);
    expect(Object.keys(own).length).toBe(43);
  });
  for (const [file, id] of Object.entries(own)) {
    it(`${file} → ${id}`, () => {
      const bytes = readCorpus(file);
      expect(detect(plugins, bytes)?.id).toBe(id);
      const { result, warnings } = run(plugins.find((p) => p.id === id)!, bytes, file);
      const problems = checkDocument({ measurements: result.measurements }).filter((p) => p.severity === 'error');
      expect(problems).toEqual([]);
      if (file.endsWith('cv_data_incompleteheader.dta')) {
        expect(result.measurements.length).toBe(0);
        expect(warnings.map((w) => w.ruleId)).toContain('no-data');
      } else {
        expect(result.measurements.length).toBeGreaterThan(0);
        for (const m of result.measurements) expect(m.columns[0]!.values.length).toBeGreaterThan(0);
      }
    });
  }
  it('no plugin of this package claims any other corpus file', () => {
    const claimed: string[] = [];
    for (const e of manifest()) {
      if (own[e.file]) continue;
      const bytes = readCorpus(e.file);
      for (const p of plugins) if (p.sniff(bytes.subarray(0, 65536)) > 0) claimed.push(`${e.file} by ${p.id}`);
    }
    expect(claimed).toEqual([]);
  });
});
