/**
 * Cross-check against an independent reader (not a test: needs galvani and Python).
 * Compares every column our .mpr decoder reads with galvani's numpy arrays, value by value
 * (bit-identical after widening to float64), for every corpus .mpr galvani can read, and the
 * start time. Run bench/biologic-mpr.galvani-dump.py first:
 *   PYTHONPATH=/tmp/galvani /usr/bin/python3 bench/biologic-mpr.galvani-dump.py /tmp/gal ../shared/fixtures/biologic-mpr/*.mpr
 *   npx tsx bench/biologic-mpr.crosscheck.ts /tmp/gal
 * Prints one line per file and a JSON summary (written to bench/results/biologic-mpr.crosscheck.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseContext } from '@echemkit/core';
import { decodeMpr } from '../packages/format-biologic/src/mpr/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const dumpDir = process.argv[2] ?? '/tmp/gal';
const index = JSON.parse(readFileSync(join(dumpDir, 'index.json'), 'utf8')) as Record<string, { error?: string; rows?: number; timestamp?: string | null; columns?: { name: string; file: string; dtype: string }[] }>;
const ctx: ParseContext = { fileName: '', format: 'biologic.mpr', options: {}, siblings: new Map(), warn: () => {}, info: () => {} };
const summary: Record<string, unknown> = {};
let filesEqual = 0;
let filesCompared = 0;
for (const [file, g] of Object.entries(index)) {
  const d = decodeMpr(new Uint8Array(readFileSync(join(corpus, 'biologic-mpr', file))), ctx);
  if (g.error) {
    summary[file] = { galvani: g.error, ours: `${d.data.points} rows × ${d.data.columns.length} columns` };
    console.log(`${file}: galvani fails (${g.error}); ours reads ${d.data.points} rows`);
    continue;
  }
  filesCompared++;
  const problems: string[] = [];
  const nameDiffs: string[] = [];
  if (g.rows !== d.data.points) problems.push(`rows ${d.data.points} vs galvani ${g.rows}`);
  if (g.columns!.length !== d.data.columns.length) problems.push(`columns ${d.data.columns.length} vs galvani ${g.columns!.length}`);
  g.columns!.forEach((gc, k) => {
    const c = d.data.columns[k];
    if (!c) return;
    if (c.name !== gc.name.replace(/ \d+$/, '')) nameDiffs.push(`${c.id}: ${c.name} / galvani ${gc.name}`);
    const ref = new Float64Array(new Uint8Array(readFileSync(join(dumpDir, file, gc.file))).buffer);
    let bad = 0;
    for (let i = 0; i < ref.length; i++) if (!Object.is(ref[i], Number(c.values[i])) && !(Number.isNaN(ref[i]) && Number.isNaN(Number(c.values[i])))) bad++;
    if (bad) problems.push(`${c.name}: ${bad} values differ`);
  });
  const ours = d.log?.startWallMs != null ? new Date(d.log.startWallMs).toISOString().slice(0, 23) : null;
  const theirs = g.timestamp ? g.timestamp.padEnd(23, '.000').slice(0, 23).replace(/T(\d\d:\d\d:\d\d)$/, 'T$1.000') : null;
  if (theirs && ours !== (theirs.length === 19 ? `${theirs}.000` : theirs)) problems.push(`start ${ours} vs galvani ${theirs}`);
  if (!problems.length) filesEqual++;
  summary[file] = { rows: d.data.points, columns: d.data.columns.length, problems, nameDiffs };
  console.log(`${file}: ${d.data.points} rows × ${d.data.columns.length} columns ${problems.length ? 'DIFFER ' + problems.join('; ') : 'identical'}${nameDiffs.length ? ' (names: ' + nameDiffs.join(', ') + ')' : ''}`);
}
const result = { filesCompared, filesEqual, galvaniFailures: Object.values(index).filter((x) => x.error).length, files: summary };
writeFileSync(join(root, 'bench', 'results', 'biologic-mpr.crosscheck.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify({ filesCompared, filesEqual, galvaniFailures: result.galvaniFailures }));
