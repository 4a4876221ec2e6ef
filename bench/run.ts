/**
 * `npm run bench`: generates large inputs by repeating the records of real corpus files
 * (default ~250 MB, ECHEMKIT_BENCH_MB to change), then measures each in a fresh child
 * process (parse to columns, and conversion to BDF CSV) and writes MB/s, rows/s and peak RSS
 * per format to bench/results/foundation.json. Package benchmarks (side by side with
 * reference tools) live in bench/<package>.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mptHeaderLines, repeatMprRecords, repeatTextRecords } from './generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const targetMB = Number(process.env.ECHEMKIT_BENCH_MB ?? 250);
const genDir = join(root, 'bench', '.generated');
mkdirSync(genDir, { recursive: true });
mkdirSync(join(root, 'bench', 'results'), { recursive: true });

interface BenchCase {
  id: string;
  format: string;
  source: string;
  ext: string;
  generate(bytes: Uint8Array, targetBytes: number): Uint8Array;
}

const cases: BenchCase[] = [
  { id: 'biologic-mpt-gcpl', format: 'biologic.mpt', source: 'biologic-mpt/gcpl.issue_211.mpt', ext: '.mpt', generate: (b, t) => repeatTextRecords(b, mptHeaderLines(b), t) },
  { id: 'biologic-mpr-gcpl', format: 'biologic.mpr', source: 'biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr', ext: '.mpr', generate: repeatMprRecords },
];

function measure(file: string, format: string, mode: string): Record<string, number | string> {
  const out = join(genDir, `out-${mode}.tmp`);
  const text = execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', 'measure.ts'), file, format, mode, out], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(text.trim().split('\n').pop()!);
}

const results: unknown[] = [];
for (const c of cases) {
  const src = join(corpus, c.source);
  if (!existsSync(src)) {
    console.error(`skip ${c.id}: ${src} missing`);
    continue;
  }
  const file = join(genDir, `${c.id}-${targetMB}MB${c.ext}`);
  if (!existsSync(file)) writeFileSync(file, c.generate(new Uint8Array(readFileSync(src)), targetMB * 1024 * 1024));
  const size = statSync(file).size;
  for (const mode of ['parse', 'csv']) {
    const r = measure(file, c.format, mode);
    const seconds = (mode === 'parse' ? Number(r.parseMs) : Number(r.totalMs)) / 1000;
    const row = { case: c.id, format: c.format, mode, inputMB: size / 1048576, rows: r.rows, seconds, MBps: size / 1048576 / seconds, rowsPerSecond: Number(r.rows) / seconds, peakRssMB: r.maxRssMB, detail: r };
    results.push(row);
    console.log(`${c.id} ${mode}: ${row.MBps.toFixed(1)} MB/s, ${(row.rowsPerSecond / 1e6).toFixed(2)} M rows/s, peak RSS ${Number(r.maxRssMB).toFixed(0)} MB`);
  }
}
writeFileSync(join(root, 'bench', 'results', 'foundation.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, targetMB, results }, null, 2) + '\n');
