/**
 * Benchmark of the LANDdt text-export reader against pandas `read_csv`, side by side. Not a test.
 * No real LAND file is public: the input is a synthetic LANDdt export (11 tab-separated columns
 * as public LANDdt readers list them, h:mm:ss step times, local date-times; default ~20 MB,
 * ECHEMKIT_BENCH_MB) written to bench/.generated/.
 * - echemkit: `parseLandText` to columns (mA → A, mAh → Ah decimal-exactly, h:mm:ss → s, text kept);
 * - pandas:   `read_csv(sep='\t')` (no unit handling, times left as text).
 * Writes bench/results/land-txt.json. Usage: npx tsx bench/land-txt.ts
 */
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLandText } from '../packages/format-land/src/index.js';
import { timed } from './timed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPEATS = Number(process.env.ECHEMKIT_BENCH_REPEATS ?? 3);

if (process.argv[2] === '--worker') {
  const bytes = new Uint8Array(readFileSync(process.argv[3]!));
  let ms = Infinity;
  let r: ReturnType<typeof parseLandText> | undefined;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = performance.now();
    r = parseLandText(bytes, { fileName: 'bench.txt', format: 'land.txt', options: {}, siblings: new Map(), warn: () => {}, info: () => {} });
    ms = Math.min(ms, performance.now() - t0);
  }
  const cols = r!.measurements[0]!.columns;
  process.stdout.write(JSON.stringify({ parseMs: ms, rows: cols[0]!.values.length, columns: cols.length }) + '\n');
  process.exit(0);
}

const targetMB = Number(process.env.ECHEMKIT_BENCH_MB ?? 20);
const genDir = join(root, 'bench', '.generated');
mkdirSync(genDir, { recursive: true });
mkdirSync(join(root, 'bench', 'results'), { recursive: true });

// Synthetic export: a 1 h charge / 1 h discharge cycle sampled every 10 s, repeated.
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (s: number) => `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
const lines = ['Index\tTestTime/Sec.\tStepTime/Sec.\tVoltage/V\tCurrent/mA\tCapacity/mAh\tSCapacity/mAh/g\tEnergy/mWh\tSEnergy/Wh/kg\tSysTime\tState'];
let bytesSoFar = lines[0]!.length;
for (let i = 0; bytesSoFar < targetMB * 1024 * 1024; i++) {
  const t = i * 10;
  const step = t % 7200;
  const charge = step < 3600;
  const st = charge ? step : step - 3600;
  const v = (charge ? 3.2 + st / 4000 : 4.1 - st / 4000).toFixed(4);
  const cur = charge ? '0.2500' : '-0.2500';
  const cap = ((st * 0.25) / 3600).toFixed(4);
  const d = new Date(Date.UTC(2021, 0, 1) + t * 1000);
  const sys = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const line = `${i + 1}\t${t}\t${clock(st)}\t${v}\t${cur}\t${cap}\t${(Number(cap) * 71.4).toFixed(3)}\t${(Number(cap) * 3.6).toFixed(4)}\t${(Number(cap) * 250).toFixed(3)}\t${sys}\t${charge ? 'CCC' : 'CCD'}`;
  lines.push(line);
  bytesSoFar += line.length + 2;
}
const file = join(genDir, `land-txt-${targetMB}MB.txt`);
writeFileSync(file, lines.join('\r\n') + '\r\n');
const bytes = statSync(file).size;


const runs: Record<string, unknown>[] = [];
const ours = timed(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', 'land-txt.ts'), '--worker', file]);
const oursIn = JSON.parse(ours.stdout.trim().split('\n').pop()!) as { parseMs: number; rows: number; columns: number };
runs.push({ tool: 'echemkit', what: 'parseLandText → typed-array columns, units converted, h:mm:ss → s, text columns kept', inProcessParseMs: oursIn.parseMs, wallS: ours.wallS, peakRssMB: ours.peakRssMB, rows: oursIn.rows });
const p = timed('/usr/bin/python3', ['-c', `import time, pandas as pd\nbest=1e99\nfor _ in range(${REPEATS}):\n  t=time.perf_counter(); df=pd.read_csv(${JSON.stringify(file)}, sep='\\t'); best=min(best,time.perf_counter()-t)\nprint(best*1000, len(df))`]);
const [pms, prow] = p.stdout.trim().split(/\s+/).map(Number);
runs.push({ tool: 'pandas', what: 'read_csv (C parser), no units, times and dates left as text', inProcessParseMs: pms, wallS: p.wallS, peakRssMB: p.peakRssMB, rows: prow });

const base = runs[0]!.inProcessParseMs as number;
for (const r of runs) r.speedVsEchemkit = Number(((r.inProcessParseMs as number) / base).toFixed(2));
const result = {
  date: new Date().toISOString(),
  machine: { cpus: 2, node: process.version, note: 'shared 2-core machine; numbers vary with load' },
  input: { source: 'synthetic LANDdt text export (no public real file)', bytes, columns: oursIn.columns, rows: oursIn.rows },
  mbPerSecond: Number((bytes / 1048576 / (base / 1000)).toFixed(1)),
  runs,
};
writeFileSync(join(root, 'bench', 'results', 'land-txt.json'), JSON.stringify(result, null, 2) + '\n');
unlinkSync(file);
console.log(JSON.stringify(result, null, 2));
