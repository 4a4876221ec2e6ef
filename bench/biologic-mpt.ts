/**
 * Benchmark of the Bio-Logic .mpt reader against galvani (echemdata/galvani `MPTfile`, numpy)
 * and pandas `read_csv`, side by side in one run. Not a test.
 *
 * 1. Generates a large .mpt under bench/.generated/ by repeating the data lines of a real
 *    corpus file (gcpl.issue_211.mpt, 41 columns, EC-Lab 11.61; default ~100 MB,
 *    ECHEMKIT_BENCH_MB to change).
 * 2. Measures each tool in a fresh child process under /usr/bin/time -v (peak RSS), best of
 *    ECHEMKIT_BENCH_REPEATS (3) parses:
 *    - echemkit: `parseMpt` to columns (in-process timer around the parse only, bytes already read);
 *    - galvani:  `MPTfile()` → numpy record array;
 *    - pandas:   `read_csv(sep='\t', skiprows=N-1, encoding='latin-1')` (no unit handling at all).
 * 3. Writes bench/results/biologic-mpt.json.
 *
 * Usage: GALVANI_PATH=/tmp/h1-galvani npx tsx bench/biologic-mpt.ts
 * (galvani checkout: `fetch` github:echemdata/galvani, then git archive to a folder).
 * Worker mode (internal): tsx bench/biologic-mpt.ts --worker <file>
 */
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMpt } from '../packages/format-biologic/src/index.js';
import { mptHeaderLines, repeatTextRecords } from './generate.js';
import { timed } from './timed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Parses per tool; the best time counts (the machine is shared). */
const REPEATS = Number(process.env.ECHEMKIT_BENCH_REPEATS ?? 3);

if (process.argv[2] === '--worker') {
  const bytes = new Uint8Array(readFileSync(process.argv[3]!));
  let ms = Infinity;
  let cpuMs = Infinity;
  let r: ReturnType<typeof parseMpt> | undefined;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    r = parseMpt(bytes, { fileName: 'bench.mpt', format: 'biologic.mpt', options: {}, siblings: new Map(), warn: () => {}, info: () => {} });
    const c = process.cpuUsage(c0);
    ms = Math.min(ms, performance.now() - t0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  const cols = r!.measurements[0]!.columns;
  process.stdout.write(JSON.stringify({ parseMs: ms, cpuMs, rows: cols[0]!.values.length, columns: cols.length }) + '\n');
  process.exit(0);
}

const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const galvani = process.env.GALVANI_PATH ?? '/tmp/h1-galvani';
const targetMB = Number(process.env.ECHEMKIT_BENCH_MB ?? 100);
const source = 'biologic-mpt/gcpl.issue_211.mpt';
const genDir = join(root, 'bench', '.generated');
mkdirSync(genDir, { recursive: true });
mkdirSync(join(root, 'bench', 'results'), { recursive: true });

const src = new Uint8Array(readFileSync(join(corpus, source)));
const nHeader = mptHeaderLines(src);
const file = join(genDir, `biologic-mpt-${targetMB}MB.mpt`);
writeFileSync(file, repeatTextRecords(src, nHeader, targetMB * 1024 * 1024));
const bytes = statSync(file).size;


const py = (code: string) => timed('/usr/bin/python3', ['-c', code]);
const runs: Record<string, unknown>[] = [];

const ours = timed(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', 'biologic-mpt.ts'), '--worker', file]);
const oursIn = JSON.parse(ours.stdout.trim().split('\n').pop()!) as { parseMs: number; cpuMs: number; rows: number; columns: number };
runs.push({ tool: 'echemkit', what: 'parseMpt → typed-array columns, units converted decimal-exactly', inProcessParseMs: oursIn.parseMs, inProcessCpuMs: oursIn.cpuMs, wallS: ours.wallS, peakRssMB: ours.peakRssMB, rows: oursIn.rows });

if (existsSync(join(galvani, 'galvani', 'BioLogic.py'))) {
  const g = py(
    `import sys,time,io; sys.path.insert(0, ${JSON.stringify(galvani)}); from galvani import BioLogic\n` +
      `raw=open(${JSON.stringify(file)},'rb').read(); raw=raw if b'\\r\\n' in raw[:100] else raw.replace(b'\\n',b'\\r\\n')\n` +
      `best=1e99; cpu=1e99\nfor _ in range(${REPEATS}):\n  t=time.perf_counter(); c=time.process_time(); a,_=BioLogic.MPTfile(io.BytesIO(raw), encoding='latin1'); best=min(best,time.perf_counter()-t); cpu=min(cpu,time.process_time()-c)\n` +
      `print(best*1000, len(a), cpu*1000)`,
  );
  const [ms, rows, cpu] = g.stdout.trim().split(/\s+/).map(Number);
  runs.push({ tool: 'galvani', what: 'MPTfile → numpy record array (CRLF restored in memory first, not timed)', inProcessParseMs: ms, inProcessCpuMs: cpu, wallS: g.wallS, peakRssMB: g.peakRssMB, rows });
}
const p = py(
  `import time, pandas as pd\nbest=1e99; cpu=1e99\nfor _ in range(${REPEATS}):\n  t=time.perf_counter(); c=time.process_time(); df=pd.read_csv(${JSON.stringify(file)}, sep='\\t', skiprows=${nHeader - 1}, encoding='latin-1', index_col=False); best=min(best,time.perf_counter()-t); cpu=min(cpu,time.process_time()-c)\n` +
    `print(best*1000, len(df), cpu*1000)`,
);
const [pms, prow, pcpu] = p.stdout.trim().split(/\s+/).map(Number);
runs.push({ tool: 'pandas', what: 'read_csv (C parser), no units, no header metadata', inProcessParseMs: pms, inProcessCpuMs: pcpu, wallS: p.wallS, peakRssMB: p.peakRssMB, rows: prow });

// Ratios from CPU time (less sensitive to the load of the shared machine than wall time): > 1 = slower than echemkit.
const base = runs[0]!.inProcessCpuMs as number;
for (const r of runs) r.cpuTimeVsEchemkit = Number(((r.inProcessCpuMs as number) / base).toFixed(2));
const result = {
  date: new Date().toISOString(),
  machine: { cpus: 2, node: process.version, note: 'shared 2-core machine; numbers vary with load' },
  input: { source, bytes, headerLines: nHeader, columns: oursIn.columns, rows: oursIn.rows },
  mbPerCpuSecond: Number((bytes / 1048576 / (base / 1000)).toFixed(1)),
  mbPerWallSecond: Number((bytes / 1048576 / ((runs[0]!.inProcessParseMs as number) / 1000)).toFixed(1)),
  runs,
};
writeFileSync(join(root, 'bench', 'results', 'biologic-mpt.json'), JSON.stringify(result, null, 2) + '\n');
unlinkSync(file);
console.log(JSON.stringify(result, null, 2));
