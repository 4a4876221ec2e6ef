/**
 * Benchmark of the Bio-Logic .mpr reader against galvani (echemdata/galvani, numpy), side by
 * side in one run. Not a test.
 *
 * 1. Generates a ~250 MB .mpr under bench/.generated/ by repeating the records of a real corpus
 *    file (point count and module length patched; time/s shifted per copy so it stays monotonic).
 * 2. Measures, each in a fresh child process under /usr/bin/time -v (peak RSS):
 *    - ours decode: the binary decoding to raw typed columns (decodeMpr), the numpy-equivalent step;
 *    - ours parse: the plugin's parse to schema columns (decode + shared Bio-Logic column layer),
 *                  from the bytes in memory (the file read apart);
 *    - ours parse-file: the same from the path, records read by offset as the CLI reads a large
 *                  file (the timer includes all reading, as galvani's parse does);
 *    - ours profile: decode vs shared column layer per column vs measurements (in-process);
 *    - ours csv:   the Node entry as a library (built dist when present, like the CLI):
 *                  read(path) (a large file is read by offset) + writeOutputFile(BDF CSV) with
 *                  CSV worker threads started before the read; no SHA-256;
 *    - ours csv1:  the same on one thread (no workers);
 *    - ours cli:   the built CLI, `echemkit convert <file> --to csv` (SHA-256, checks and the
 *                  metadata sidecar included): what a user runs (needs `npm run build`);
 *    - galvani parse: MPRfile() (numpy record array);
 *    - galvani csv: MPRfile() + pandas DataFrame.to_csv.
 *    decode, parse, parse-file and galvani parse run three times, interleaved; the median counts.
 * 3. Writes bench/results/biologic-mpr.json.
 *
 * Usage: GALVANI_PATH=/tmp/galvani npx tsx bench/biologic-mpr.ts   (galvani checkout: `fetch`
 * github:echemdata/galvani, then git archive to a folder). ECHEMKIT_BENCH_MB changes the size.
 * Worker mode (internal): tsx bench/biologic-mpr.ts --worker <decode|parse|parse-file|profile|csv|csv1> <file> [out]
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeMpr, mprPlugin, parseMpr } from '../packages/format-biologic/src/mpr/index.js';
import { fileSource } from '../packages/echemkit/src/file-source.js';
import { biologicColumn, buildBiologicMeasurements } from '../packages/format-biologic/src/index.js';
import { quietCtx, repeatMprRecords } from './generate.js';
import { timed } from './timed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'bench');

/** Reads the file (the Buffer is a Uint8Array already; new Uint8Array(buffer) would copy it). */
function readInput(file: string): { bytes: Uint8Array; readMs: number } {
  const t = performance.now();
  const bytes: Uint8Array = readFileSync(file);
  return { bytes, readMs: performance.now() - t };
}

async function worker(mode: string, file: string, out: string | undefined): Promise<void> {
  const t0 = performance.now();
  if (mode === 'csv' || mode === 'csv1') {
    // The built library when there is one (what users import; its worker is a light bundle), else the sources.
    const dist = join(root, 'packages', 'echemkit', 'dist', 'node.js');
    const api: typeof import('../packages/echemkit/src/node.js') = existsSync(dist) ? await import(pathToFileURL(dist).href) : await import('../packages/echemkit/src/node.js');
    const workers = mode === 'csv' ? api.CsvWorkers.start() : undefined;
    const t = performance.now();
    const doc = await api.read(file, { sha256: false });
    const tParse = performance.now();
    const written = await api.writeOutputFile(out!, api.bdfCsvOutput(doc), { workers });
    await workers?.close();
    const tEnd = performance.now();
    const rows = doc.measurements[0]!.columns[0]!.values.length;
    process.stdout.write(JSON.stringify({ mode, rows, readMs: 0, parseMs: tParse - t, writeMs: tEnd - tParse, totalMs: tEnd - t0, outputBytes: written }) + '\n');
    return;
  }
  if (mode === 'parse-file') {
    // From the path, as the CLI reads a large .mpr: records decoded from 256 KiB reads, never
    // the whole file in memory; the timer includes all reading (galvani's parse reads the file too).
    const fd = openSync(file, 'r');
    const t = performance.now();
    const rows = parseMpr(fileSource(fd, fstatSync(fd).size), quietCtx()).measurements[0]!.columns[0]!.values.length;
    const tEnd = performance.now();
    closeSync(fd);
    process.stdout.write(JSON.stringify({ mode, rows, readMs: 0, parseMs: tEnd - t, writeMs: 0, totalMs: tEnd - t0, outputBytes: 0 }) + '\n');
    return;
  }
  const { bytes, readMs } = readInput(file);
  const tRead = performance.now();
  if (mode === 'profile') {
    // Where parse time goes: our binary decoding vs the shared column layer, column by column.
    const d = decodeMpr(bytes, quietCtx());
    const tDecode = performance.now();
    const columnsMs: Record<string, number> = {};
    const cols = d.data.columns.map((c) => {
      const t = performance.now();
      const col = biologicColumn(c.name, c.values, { fromText: c.values instanceof Float64Array });
      columnsMs[`${c.name} (${c.dtype})`] = performance.now() - t;
      return col;
    });
    const tCols = performance.now();
    buildBiologicMeasurements(cols, { technique: 'GCPL', vendorTechnique: null, startTime: null, settings: {} });
    const tEnd = performance.now();
    process.stdout.write(JSON.stringify({ mode, rows: d.data.points, readMs, decodeMs: tDecode - tRead, sharedColumnsMs: tCols - tDecode, columnsMs, measurementsMs: tEnd - tCols }) + '\n');
    return;
  }
  // decode: binary → raw typed columns; parse: the plugin's parse to schema columns.
  const rows = mode === 'decode' ? decodeMpr(bytes, quietCtx()).data.points : mprPlugin.parse(bytes, quietCtx()).measurements[0]!.columns[0]!.values.length;
  const tEnd = performance.now();
  process.stdout.write(JSON.stringify({ mode, rows, readMs, parseMs: tEnd - tRead, writeMs: 0, totalMs: tEnd - t0, outputBytes: 0 }) + '\n');
}

interface Run {
  tool: string;
  mode: string;
  /** Timer inside the process (excludes interpreter start and imports). */
  inProcess: Record<string, number>;
  /** Wall time of the whole child process, s. */
  wallS: number;
  /** User + system CPU time of the child process, s (less sensitive to other load on a shared machine). */
  cpuS: number;
  peakRssMB: number;
}

function timedWithRss(tool: string, mode: string, cmd: string, args: string[], env?: NodeJS.ProcessEnv): Run {
  const t = timed(cmd, args, env);
  return { tool, mode, inProcess: JSON.parse(t.stdout.trim().split('\n').pop()!), wallS: t.wallS, cpuS: t.cpuS, peakRssMB: t.peakRssMB };
}

/** The run with the median in-process parse time. */
function medianRun(rs: Run[]): Run {
  return [...rs].sort((a, b) => a.inProcess.parseMs! - b.inProcess.parseMs!)[Math.floor(rs.length / 2)]!;
}

/** The built CLI end to end; its report goes to stderr, so the in-process figures are empty. */
function cliRun(cli: string, file: string, out: string): Run {
  const t = timed(process.execPath, [cli, 'convert', file, '--to', 'csv', '-o', out]);
  return { tool: 'echemkit', mode: 'cli', inProcess: { outputBytes: statSync(out).size }, wallS: t.wallS, cpuS: t.cpuS, peakRssMB: t.peakRssMB };
}

async function main(): Promise<void> {
  const corpus = process.env.ECHEMKIT_CORPUS ?? join(root, '..', 'shared', 'fixtures');
  const source = 'biologic-mpr/jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr';
  const targetMB = Number(process.env.ECHEMKIT_BENCH_MB ?? 250);
  const galvani = process.env.GALVANI_PATH ?? '/tmp/galvani';
  if (!existsSync(join(galvani, 'galvani', 'BioLogic.py'))) throw new Error(`galvani not found at ${galvani} (set GALVANI_PATH)`);
  const gen = join(here, '.generated');
  mkdirSync(gen, { recursive: true });
  const file = join(gen, 'biologic-mpr-bench.mpr');
  const big = repeatMprRecords(new Uint8Array(readFileSync(join(corpus, source))), targetMB * 1e6);
  writeFileSync(file, big);
  const bytes = statSync(file).size;
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const nodeEnv = { ...process.env, NODE_OPTIONS: '--conditions=source' };
  const self = fileURLToPath(import.meta.url);
  const py = join(here, 'biologic-mpr.galvani.py');
  const pyEnv = { ...process.env, PYTHONPATH: galvani };
  const runs: Run[] = [];
  const csvOurs = join(gen, 'biologic-mpr-bench.ours.csv');
  const csvGalvani = join(gen, 'biologic-mpr-bench.galvani.csv');
  // The parse comparisons are short and noisy on a shared machine: three interleaved rounds, the median of each.
  const parseRounds: Run[][] = [[], [], [], []];
  for (let k = 0; k < 3; k++) {
    parseRounds[0]!.push(timedWithRss('echemkit', 'decode', tsx, [self, '--worker', 'decode', file], nodeEnv));
    parseRounds[1]!.push(timedWithRss('echemkit', 'parse', tsx, [self, '--worker', 'parse', file], nodeEnv));
    parseRounds[2]!.push(timedWithRss('echemkit', 'parse-file', tsx, [self, '--worker', 'parse-file', file], nodeEnv));
    parseRounds[3]!.push(timedWithRss('galvani', 'parse', '/usr/bin/python3', [py, 'parse', file], pyEnv));
  }
  for (const round of parseRounds) runs.push(medianRun(round));
  runs.push(timedWithRss('echemkit', 'csv', tsx, [self, '--worker', 'csv', file, csvOurs], nodeEnv));
  runs.push(timedWithRss('echemkit', 'csv1', tsx, [self, '--worker', 'csv1', file, csvOurs], nodeEnv));
  runs.push(timedWithRss('galvani', 'csv', '/usr/bin/python3', [py, 'csv', file, csvGalvani], pyEnv));
  const cli = join(root, 'packages', 'echemkit', 'dist', 'cli.js');
  const csvCli = join(gen, 'biologic-mpr-bench.cli.csv');
  if (existsSync(cli)) runs.push(cliRun(cli, file, csvCli));
  const profile = timedWithRss('echemkit', 'profile', tsx, [self, '--worker', 'profile', file], nodeEnv).inProcess;
  const get = (tool: string, mode: string) => runs.find((r) => r.tool === tool && r.mode === mode)!;
  const oursDecode = get('echemkit', 'decode');
  const oursParse = get('echemkit', 'parse');
  const galParse = get('galvani', 'parse');
  const oursCsv = get('echemkit', 'csv');
  const galCsv = get('galvani', 'csv');
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg(), node: process.version, note: 'shared 2-core machine; wall times vary with the load of other jobs, CPU times less so' },
    input: { source, bytes, rows: oursParse.inProcess.rows, recordBytes: 53 },
    runs,
    profile,
    ratios: {
      decodeInProcess_galvaniOverOurs: galParse.inProcess.parseMs! / oursDecode.inProcess.parseMs!,
      decodeWall_galvaniOverOurs: galParse.wallS / oursDecode.wallS,
      parseInProcess_galvaniOverOurs: galParse.inProcess.parseMs! / oursParse.inProcess.parseMs!,
      parseWall_galvaniOverOurs: galParse.wallS / oursParse.wallS,
      parseFromFileInProcess_galvaniOverOurs: galParse.inProcess.parseMs! / get('echemkit', 'parse-file').inProcess.parseMs!,
      parseFromFileWall_galvaniOverOurs: galParse.wallS / get('echemkit', 'parse-file').wallS,
      csvWall_galvaniOverOurs: galCsv.wallS / oursCsv.wallS,
      csvCpu_galvaniOverOurs: galCsv.cpuS / oursCsv.cpuS,
      decodeCpu_galvaniOverOurs: galParse.cpuS / oursDecode.cpuS,
      parseCpu_galvaniOverOurs: galParse.cpuS / oursParse.cpuS,
      csvPeakRss_oursOverGalvani: oursCsv.peakRssMB / galCsv.peakRssMB,
      csvOneThreadWall_galvaniOverOurs: galCsv.wallS / get('echemkit', 'csv1').wallS,
      csvOneThreadPeakRss_oursOverGalvani: get('echemkit', 'csv1').peakRssMB / galCsv.peakRssMB,
      ...(runs.some((r) => r.mode === 'cli')
        ? { cliWall_galvaniCsvOverOurs: galCsv.wallS / get('echemkit', 'cli').wallS, cliPeakRss_oursOverGalvaniCsv: get('echemkit', 'cli').peakRssMB / galCsv.peakRssMB }
        : {}),
    },
    outputs: { oursCsvBytes: statSync(csvOurs).size, galvaniCsvBytes: statSync(csvGalvani).size },
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'biologic-mpr.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  for (const f of [csvOurs, csvGalvani, csvCli, csvCli.replace(/\.csv$/, '.bdf.metadata.json')]) if (existsSync(f)) unlinkSync(f);
}

if (process.argv[2] === '--worker') await worker(process.argv[3]!, process.argv[4]!, process.argv[5]);
else await main();
