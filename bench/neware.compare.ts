/**
 * Full comparison of the NEWARE readers with NewareNDA on every corpus file, all rows:
 * run bench/neware.newarenda-dump.py first (it writes /tmp/neware-ref/*.csv), then
 *   npx tsx --conditions source bench/neware.compare.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readBytes, registryOf } from '@echemkit/core';
import { plugins } from '@echemkit/format-neware';
import { compareRows } from '../packages/format-neware/test/reference.js';

const corpus = process.env.ECHEMKIT_CORPUS ?? join(import.meta.dirname, '../../shared/fixtures');
const fill = process.argv.includes('--fill');

function parseCsv(text: string): { columns: string[]; rows: (number | string | null)[][] } {
  const lines = text.split('\n').filter(Boolean);
  const columns = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) =>
    l.split(',').map((s) => {
      if (s === '') return null;
      const x = Number(s);
      return Number.isNaN(x) ? s : x;
    }),
  );
  return { columns, rows };
}

for (const dir of ['neware-nda', 'neware-ndax']) {
  for (const f of readdirSync(join(corpus, dir)).sort()) {
    const ref = parseCsv(readFileSync(`/tmp/neware-ref/${f}.csv`, 'utf8'));
    const doc = await readBytes(new Uint8Array(readFileSync(join(corpus, dir, f))), { registry: registryOf(plugins), fileName: f, pluginOptions: { 'neware.ndax': { fillCapacity: fill } } });
    const n = doc.measurements[0]!.columns[0]!.values.length;
    const rep = compareRows(doc, f, ref.columns, ref.rows, ref.rows.map((_, i) => i));
    const summary = Object.entries(rep)
      .map(([k, r]) => `${k}:${r.compared - r.mismatches}/${r.compared}${r.first ? ` first@${r.first.row} ours=${String(r.first.ours)} theirs=${String(r.first.theirs)}` : ''}`)
      .join('  ');
    console.log(`${f}: rows ours=${n} NewareNDA=${ref.rows.length}\n   ${summary}`);
  }
}
