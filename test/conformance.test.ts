/**
 * Conformance harness: every corpus file of every registered format parses, validates,
 * has equal column lengths, and matches its golden summary in fixtures/golden/.
 * `npm run golden:update` rewrites the summaries (review the diff!).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { readBytes, validateDocument } from '@echemkit/core';
import { describeCorpus, repoRoot } from './helpers/corpus.js';
import { claimedCases, corpusCases, registry } from './helpers/corpus-detection.js';
import { expectations } from './helpers/corpus-expectations.js';
import { diffSummaries, summarizeDocument } from './helpers/summary.js';

const update = process.env.ECHEMKIT_UPDATE_GOLDEN === '1';
const goldenDir = join(repoRoot, 'fixtures', 'golden');

describeCorpus('conformance: corpus files of registered formats', () => {
  for (const c of claimedCases()) {
    const id = c.detection!.plugin.id;
    it(`${c.entry.file} [${id}]`, async () => {
      const doc = await readBytes(c.bytes, { registry, fileName: basename(c.entry.file), format: id, sha256: true });
      expect(doc.source.format).toBe(id);
      expect(doc.source.sha256).toBe(c.entry.sha256);
      const result = validateDocument(doc);
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(result.valid).toBe(true);
      for (const m of doc.measurements) {
        const lengths = new Set(m.columns.map((col) => col.values.length));
        expect(lengths.size).toBeLessThanOrEqual(1);
      }
      const summary = summarizeDocument(doc);
      const path = join(goldenDir, `${c.entry.file}.json`);
      if (update) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, JSON.stringify(summary, null, 1) + '\n');
        return;
      }
      expect(existsSync(path), `no golden summary ${path}; run npm run golden:update and review it`).toBe(true);
      const golden = JSON.parse(readFileSync(path, 'utf8'));
      expect(diffSummaries(JSON.parse(JSON.stringify(summary)), golden)).toEqual([]);
    });
  }

  it('every file in a folder a plugin family owns is read by it', () => {
    const missing: string[] = [];
    for (const c of corpusCases()) {
      const folder = c.entry.file.split('/')[0]!;
      const own = expectations.owned[folder];
      if (!own) continue;
      const name = basename(c.entry.file);
      if (own.except?.[name]) continue;
      if (!c.detection || !own.plugins.includes(c.detection.plugin.id)) missing.push(`${c.entry.file}: ${c.detection?.plugin.id ?? c.detectionError}`);
    }
    expect(missing).toEqual([]);
  });

  it('every registered plugin reads at least one corpus file, or says why it cannot', () => {
    const used = new Set(claimedCases().map((c) => c.detection!.plugin.id));
    const unexercised = registry
      .list()
      .map((p) => p.id)
      .filter((id) => !used.has(id) && !expectations.noCorpusSample[id]);
    expect(unexercised).toEqual([]);
  });
});
