/**
 * Benchmark of the potentiostat readers against reference Python readers, side by side in one
 * run. Not a test.
 *
 * 1. Generates files under bench/.generated/ by repeating the data rows of real corpus files
 *    (default ~50 MB, ECHEMKIT_BENCH_MB to change; the gamry-parser case is 4 MB because that
 *    reader is quadratic in the table length):
 *    - Gamry DTA from gamry-dta/CHRONOA.DTA (10 columns incl. the `Over` flag string);
 *    - NOVA ASCII from autolab/File021_CV.txt (`;` separator, decimal comma, 10 columns).
 * 2. Measures each tool in a fresh child process under /usr/bin/time -v (peak RSS):
 *    - echemkit: parseGamryDta / the autolab.txt plugin to typed-array columns (timer around
 *      the parse only, bytes already read);
 *    - gamry-parser (bcliang/gamry-parser `GamryParser.load()`, pandas) for the DTA;
 *    - pandas read_csv (C parser; tab / `;` + decimal=',') as a floor: no header, no units.
 * 3. Writes bench/results/potentiostat.json.
 *
 * Usage: GAMRY_PARSER_PATH=/tmp/gp npx tsx bench/potentiostat.ts
 * (gamry-parser checkout: `fetch` github:bcliang/gamry-parser, then git archive to a folder).
 * Worker mode (internal): tsx bench/potentiostat.ts --worker <plugin id> <file>
 */
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plugins } from '../packages/format-potentiostat/src/index.js';
import { repeatTextRecords } from './generate.js';
import { timed } from './timed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[2] === '--worker') {
  const plugin = plugins.find((p) => p.id === process.argv[3])!;
  const bytes = new Uint8Array(readFileSync(process.argv[4]!));
  const t0 = performance.now();
  const r = plugin.parse(bytes, { fileName: 'bench', format: plugin.id, options: {}, siblings: new Map(), warn: () => {}, info: () => {} });
  const ms = performance.now() - t0;
  const cols = r.measurements[0]!.columns;
  process.stdout.write(JSON.stringify({ parseMs: ms, rows: cols[0]!.values.length, columns: cols.length }) + '\n');
  process.exit(0);
}

const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
const gamryParser = process.env.GAMRY_PARSER_PATH ?? '/tmp/gp';
const targetMB = Number(process.env.ECHEMKIT_BENCH_MB ?? 50);
const genDir = join(root, 'bench', '.generated');
mkdirSync(genDir, { recursive: true });
mkdirSync(join(root, 'bench', 'results'), { recursive: true });

const py = (code: string) => timed('/usr/bin/python3', ['-c', code]);
const lastNumbers = (s: string) => s.trim().split('\n').pop()!.split(/\s+/).map(Number);

interface Case {
  name: string;
  /** Size of the generated file in MB. */
  mb: number;
  source: string;
  headerLines: number;
  plugin: string;
  references: { tool: string; what: string; code: (file: string) => string; available: boolean }[];
}

const cases: Case[] = [
  {
    // gamry-parser concatenates the table text line by line (quadratic), so this case stays small.
    name: 'gamry-dta',
    mb: 4,
    source: 'gamry-dta/CHRONOA.DTA',
    headerLines: 75,
    plugin: 'gamry.dta',
    references: [
      {
        tool: 'gamry-parser',
        what: 'GamryParser.load() → pandas DataFrames (header + curves)',
        available: existsSync(join(gamryParser, 'gamry_parser', 'gamryparser.py')),
        code: (f) =>
          `import sys,time; sys.path.insert(0, ${JSON.stringify(gamryParser)}); import gamry_parser as gp\n` +
          `t=time.perf_counter(); p=gp.GamryParser(${JSON.stringify(f)}); p.load(); print((time.perf_counter()-t)*1000, len(p.curves[0]))`,
      },
      {
        tool: 'pandas',
        what: 'read_csv (C parser, tab), no header metadata, no units',
        available: true,
        code: (f) =>
          `import time, pandas as pd\nt=time.perf_counter(); df=pd.read_csv(${JSON.stringify(f)}, sep='\\t', skiprows=[*range(73), 74], encoding='latin-1')\n` +
          `print((time.perf_counter()-t)*1000, len(df))`,
      },
    ],
  },
  {
    name: 'gamry-dta-large',
    mb: targetMB,
    source: 'gamry-dta/CHRONOA.DTA',
    headerLines: 75,
    plugin: 'gamry.dta',
    references: [
      {
        tool: 'pandas',
        what: 'read_csv (C parser, tab), no header metadata, no units',
        available: true,
        code: (f) =>
          `import time, pandas as pd\nt=time.perf_counter(); df=pd.read_csv(${JSON.stringify(f)}, sep='\\t', skiprows=[*range(73), 74], encoding='latin-1')\n` +
          `print((time.perf_counter()-t)*1000, len(df))`,
      },
    ],
  },
  {
    name: 'nova-ascii',
    mb: targetMB,
    source: 'autolab/File021_CV.txt',
    headerLines: 1,
    plugin: 'autolab.txt',
    references: [
      {
        tool: 'pandas',
        what: "read_csv (C parser, sep=';', decimal=','), no units",
        available: true,
        code: (f) => `import time, pandas as pd\nt=time.perf_counter(); df=pd.read_csv(${JSON.stringify(f)}, sep=';', decimal=',', encoding='utf-8')\nprint((time.perf_counter()-t)*1000, len(df))`,
      },
    ],
  },
];

const results: Record<string, unknown>[] = [];
for (const c of cases) {
  const src = new Uint8Array(readFileSync(join(corpus, c.source)));
  const file = join(genDir, `${c.name}-${c.mb}MB.txt`);
  writeFileSync(file, repeatTextRecords(src, c.headerLines, c.mb * 1024 * 1024));
  const bytes = statSync(file).size;
  const runs: Record<string, unknown>[] = [];
  const ours = timed(process.execPath, ['--conditions=source', '--import', 'tsx', join(root, 'bench', 'potentiostat.ts'), '--worker', c.plugin, file]);
  const o = JSON.parse(ours.stdout.trim().split('\n').pop()!) as { parseMs: number; rows: number; columns: number };
  runs.push({ tool: 'echemkit', what: `${c.plugin} plugin → typed-array columns, units and quantities mapped`, inProcessParseMs: o.parseMs, wallS: ours.wallS, peakRssMB: ours.peakRssMB, rows: o.rows });
  for (const ref of c.references) {
    if (!ref.available) continue;
    const r = py(ref.code(file));
    const [ms, rows] = lastNumbers(r.stdout);
    runs.push({ tool: ref.tool, what: ref.what, inProcessParseMs: ms, wallS: r.wallS, peakRssMB: r.peakRssMB, rows });
  }
  const base = o.parseMs;
  for (const r of runs) r.speedVsEchemkit = Number(((r.inProcessParseMs as number) / base).toFixed(2));
  results.push({ case: c.name, input: { source: c.source, bytes, columns: o.columns, rows: o.rows }, mbPerSecond: Number((bytes / 1048576 / (base / 1000)).toFixed(1)), runs });
  unlinkSync(file);
}
const out = {
  date: new Date().toISOString(),
  machine: { cpus: 2, node: process.version, note: 'shared 2-core machine; numbers vary with load. speedVsEchemkit = reference time / echemkit time (>1: echemkit faster)' },
  results,
};
writeFileSync(join(root, 'bench', 'results', 'potentiostat.json'), JSON.stringify(out, null, 2) + '\n');
console.log(JSON.stringify(out, null, 2));
