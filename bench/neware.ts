/**
 * NEWARE benchmark: `.ndax → CSV` and `.nda → CSV` end to end, echemkit vs NewareNDA
 * (an independent Python reader), each in its own process so peak memory is comparable.
 *
 *   npx tsx bench/neware.ts [/path/to/NewareNDA-checkout]   (default /tmp/newarenda)
 *
 * Inputs: the largest corpus .ndax, and a .nda v29 generated in /tmp by repeating the
 * records of the corpus file new_nda_file.nda (renumbered) to ~500 000 records.
 * Writes bench/results/neware.json. Wall-clock figures include process start-up (Node +
 * start-up, Python + pandas import); in-process figures exclude them. Our side runs twice:
 * the built CLI (`echemkit convert x --to csv`, what a user runs end to end; needs
 * `npm run build`), and an esbuild bundle of bench/neware.bench-worker.ts (the library through
 * its Node entry, with in-process timings).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from './timed.js';

const root = join(import.meta.dirname, '..');
const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '../shared/fixtures');
const newarenda = process.argv[2] ?? '/tmp/newarenda';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** A larger .nda v29: header of new_nda_file.nda, then its main records repeated with new Index values. */
function generateNda(target: string, records: number): void {
  const src = new Uint8Array(readFileSync(join(corpus, 'neware-nda/new_nda_file.nda')));
  let start = -1;
  for (let i = 0; i + 90 < src.length; i++) {
    if (src[i] === 0 && src[i + 1] === 0 && src[i + 2] === 0 && src[i + 3] === 0 && src[i + 4] === 0x55 && src[i + 5] === 0 && src[i + 4 + 86] === 0x55 && src[i + 16] !== 0) {
      start = i + 4;
      break;
    }
  }
  const recs: Uint8Array[] = [];
  for (let o = start; o + 86 <= src.length; o += 86) if (src[o] === 0x55 && src[o + 1] === 0 && src[o + 82] === 0 && src[o + 85] === 0 && src[o + 12] !== 0) recs.push(src.subarray(o, o + 86));
  const out = new Uint8Array(start + records * 86);
  out.set(src.subarray(0, start));
  const dv = new DataView(out.buffer);
  for (let k = 0; k < records; k++) {
    const o = start + k * 86;
    out.set(recs[k % recs.length]!, o);
    dv.setUint32(o + 2, k + 1, true); // Index
    dv.setUint32(o + 6, Math.floor(k / recs.length), true); // cycle: one per repetition
  }
  writeFileSync(target, out);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Run {
  rows: number;
  readMs: number;
  csvMs: number;
  totalMs: number;
  maxRssMB: number;
  wallMs: number;
}

function run(cmd: string, args: string[]): Run {
  const t = performance.now();
  const out = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
  const wallMs = performance.now() - t;
  const line = out.trim().split('\n').pop()!;
  return { ...(JSON.parse(line) as Omit<Run, 'wallMs'>), wallMs };
}

/** The built CLI, end to end as a user runs it (SHA-256 of the input and the metadata sidecar included). */
function cliRun(file: string): { wallMs: number; peakRssMB: number } {
  const t = timed(process.execPath, [cli, 'convert', file, '--to', 'csv', '-o', '/tmp/neware-bench-cli.csv'], { ...process.env, NODE_OPTIONS: '' });
  return { wallMs: t.wallS * 1000, peakRssMB: t.peakRssMB };
}

function bench(label: string, file: string) {
  const ours: Run[] = [];
  const theirs: Run[] = [];
  const clis: { wallMs: number; peakRssMB: number }[] = [];
  for (let k = 0; k < RUNS; k++) {
    ours.push(run(process.execPath, [worker, file, '/tmp/neware-bench-echemkit.csv']));
    if (hasCli) clis.push(cliRun(file));
    theirs.push(run('/usr/bin/python3', ['bench/neware.bench-newarenda.py', newarenda, file, '/tmp/neware-bench-newarenda.csv']));
  }
  const cliSummary = clis.length ? { wallMs: median(clis.map((r) => r.wallMs)), peakRssMB: Math.max(...clis.map((r) => r.peakRssMB)) } : undefined;
  const sum = (rs: Run[]) => ({
    rows: rs[0]!.rows,
    inProcessMs: median(rs.map((r) => r.totalMs)),
    readMs: median(rs.map((r) => r.readMs)),
    csvMs: median(rs.map((r) => r.csvMs)),
    wallMs: median(rs.map((r) => r.wallMs)),
    peakRssMB: Math.max(...rs.map((r) => r.maxRssMB)),
  });
  const a = sum(ours);
  const b = sum(theirs);
  const res = {
    label,
    file: file.replace(corpus, '<corpus>'),
    bytes: statSync(file).size,
    echemkit: a,
    ...(cliSummary ? { echemkitCli: cliSummary } : {}),
    newarenda: b,
    speedupInProcess: b.inProcessMs / a.inProcessMs,
    speedupWall: b.wallMs / a.wallMs,
    memoryRatio: a.peakRssMB / b.peakRssMB,
    ...(cliSummary ? { speedupCliWall: b.wallMs / cliSummary.wallMs, cliMemoryRatio: cliSummary.peakRssMB / b.peakRssMB } : {}),
  };
  console.log(JSON.stringify(res, null, 1));
  return res;
}

// Run our side as a bundled ES module with plain node, as a built package would run (no tsx transpiling).
const worker = '/tmp/neware-bench-worker.mjs';
const cli = join(root, 'packages/echemkit/dist/cli.js');
const hasCli = existsSync(cli);
if (!hasCli) console.error('bench: no built CLI (npm run build): the end-to-end CLI figures are left out');
execFileSync(join(root, 'node_modules/.bin/esbuild'), ['bench/neware.bench-worker.ts', '--bundle', '--platform=node', '--format=esm', '--conditions=source', `--outfile=${worker}`, '--log-level=warning', "--banner:js=import { createRequire as __nwCreateRequire } from 'node:module'; const require = __nwCreateRequire(import.meta.url);"], { cwd: root });
const ndaxDir = join(corpus, 'neware-ndax');
const largest = readdirSync(ndaxDir)
  .map((f) => join(ndaxDir, f))
  .sort((x, y) => statSync(y).size - statSync(x).size)[0]!;
const generated = '/tmp/neware-bench-generated.nda';
generateNda(generated, Number(process.env.BENCH_NDA_RECORDS ?? 500000));
const results = {
  benchmark: 'neware',
  date: new Date().toISOString(),
  machine: { node: process.version, runs: RUNS, note: 'shared 2-core machine; medians of the runs; each conversion in its own process' },
  cases: [bench('largest corpus .ndax → BDF CSV', largest), bench('generated .nda v29 → BDF CSV', generated)],
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/neware.json'), JSON.stringify(results, null, 2) + '\n');
