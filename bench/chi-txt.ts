/**
 * Benchmark of the CH Instruments text reader against pandas `read_csv`, side by side. Not a test.
 *
 * 1. Generates a large CHI export under bench/.generated/ by repeating the data lines of the
 *    real corpus file chi-txt/CV-1T.txt (CHI760E, 2 columns; default ~20 MB, ECHEMKIT_BENCH_MB).
 * 2. Measures each tool in a fresh child process under /usr/bin/time -v (peak RSS), best of
 *    ECHEMKIT_BENCH_REPEATS (3) parses:
 *    - echemkit: `parseChiText` to columns (timer around the parse only; includes header,
 *      settings, the derived segment index and the convention check);
 *    - pandas:   `read_csv(skiprows=header)` of the data block only (no header metadata).
 * 3. Writes bench/results/chi-txt.json.
 *
 * Usage: npx tsx bench/chi-txt.ts   (worker mode, internal: --worker <file>)
 */
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChiText } from '../packages/format-chi/src/index.js';
import { repeatTextRecords } from './generate.js';
import { timed } from './timed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPEATS = Number(process.env.ECHEMKIT_BENCH_REPEATS ?? 3);

if (process.argv[2] === '--worker') {
  const bytes = new Uint8Array(readFileSync(process.argv[3]!));
  let ms = Infinity;
  let r: ReturnType<typeof parseChiText> | undefined;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = performance.now();
    r = parseChiText(bytes, { fileName: 'bench.txt', format: 'chi.txt', options: {}, siblings: new Map(), warn: () => {}, info: () => {} });
    ms = Math.min(ms, performance.now() - t0);
  }
  const cols = r!.measurements[0]!.columns;
  process.stdout.write(JSON.stringify({ parseMs: ms, rows: cols[0]!.values.length, columns: cols.length }) + '\n');
  process.exit(0);
}

const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const targetMB = Number(process.env.ECHEMKIT_BENCH_MB ?? 20);
const source = 'chi-txt/CV-1T.txt';
const genDir = join(root, 'bench', '.generated');
mkdirSync(genDir, { recursive: true });
mkdirSync(join(root, 'bench', 'results'), { recursive: true });

const src = new Uint8Array(readFileSync(join(corpus, source)));
// Header: everything up to and including the blank line after `Potential/V, Current/A`.
const lines = new TextDecoder().decode(src).split('\n');
const headerLines = lines.findIndex((l) => l.startsWith('Potential/V')) + 2;
const file = join(genDir, `chi-txt-${targetMB}MB.txt`);
writeFileSync(file, repeatTextRecords(src, headerLines, targetMB * 1024 * 1024));
const bytes = statSync(file).size;


const runs: Record<string, unknown>[] = [];
const ours = timed(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', 'chi-txt.ts'), '--worker', file]);
const oursIn = JSON.parse(ours.stdout.trim().split('\n').pop()!) as { parseMs: number; rows: number; columns: number };
runs.push({ tool: 'echemkit', what: 'parseChiText → typed-array columns, settings, derived segment_index', inProcessParseMs: oursIn.parseMs, wallS: ours.wallS, peakRssMB: ours.peakRssMB, rows: oursIn.rows });

const p = timed('/usr/bin/python3', [
  '-c',
  `import time, pandas as pd\nbest=1e99\nfor _ in range(${REPEATS}):\n  t=time.perf_counter(); df=pd.read_csv(${JSON.stringify(file)}, skiprows=${headerLines}, header=None, names=['E','I'], skipinitialspace=True); best=min(best,time.perf_counter()-t)\n` +
    `print(best*1000, len(df))`,
]);
const [pms, prow] = p.stdout.trim().split(/\s+/).map(Number);
runs.push({ tool: 'pandas', what: 'read_csv (C parser) of the data block, no header metadata', inProcessParseMs: pms, wallS: p.wallS, peakRssMB: p.peakRssMB, rows: prow });

const base = runs[0]!.inProcessParseMs as number;
for (const r of runs) r.speedVsEchemkit = Number(((r.inProcessParseMs as number) / base).toFixed(2));
const result = {
  date: new Date().toISOString(),
  machine: { cpus: 2, node: process.version, note: 'shared 2-core machine; numbers vary with load' },
  input: { source, bytes, headerLines, columns: oursIn.columns, rows: oursIn.rows },
  mbPerSecond: Number((bytes / 1048576 / (base / 1000)).toFixed(1)),
  runs,
};
writeFileSync(join(root, 'bench', 'results', 'chi-txt.json'), JSON.stringify(result, null, 2) + '\n');
unlinkSync(file);
console.log(JSON.stringify(result, null, 2));
