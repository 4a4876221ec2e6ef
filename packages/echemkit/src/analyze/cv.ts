/** `echemkit analyze cv <file>`: anodic/cathodic peaks, separation, E½, charge and scan rate per cycle. */
import { analyzeCv, jsonReplacer, tableToCsv, tableToJson, type ColumnTable, type CvOptions } from '@echemkit/analysis-cycling';
import { runTopic } from './common.js';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze cv <file> [options]

Cyclic voltammetry: per cycle the anodic and cathodic peak potentials and currents, peak
separation, E½, current ratio, charge per sweep and the scan rate measured from the data.

Options:
  --vertex-tolerance <V>     potential reversal that marks a vertex (default 0.005)
  --peak-window <lo,hi>      search peaks only between these potentials (V)
  --baseline <lo,hi>         linear baseline fitted in this potential window (V)
  --cycles <s>               file (default when the file numbers cycles) | derived
  --measurement <i>          measurement index to analyse
  --format <id>              force the input format
  --json                     JSON output (default)
  --csv [table]              CSV of a table: cycles (default) | sweeps
`;

function pair(name: string, v: string | undefined): [number, number] {
  const p = (v ?? '').split(',').map(Number);
  if (p.length !== 2 || !p.every(Number.isFinite)) throw new Error(`${name} needs two numbers "lo,hi", got ${v ?? 'nothing'}`);
  return [p[0]!, p[1]!];
}

function parse(argv: string[]) {
  const opts: CvOptions = {};
  let file: string | undefined;
  let format: string | undefined;
  let csv: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const next = () => argv[++k];
    switch (a) {
      case '--vertex-tolerance': {
        const x = Number(next());
        if (!(x > 0)) throw new Error('--vertex-tolerance needs a positive number');
        opts.vertexTolerance = x;
        break;
      }
      case '--peak-window': opts.peakWindow = pair(a, next()); break;
      case '--baseline': opts.baselineWindow = pair(a, next()); break;
      case '--cycles': {
        const o = next();
        if (o !== 'file' && o !== 'derived') throw new Error(`--cycles must be file or derived, got ${o}`);
        opts.useFileCycles = o === 'file';
        break;
      }
      case '--measurement': {
        const x = Number(next());
        if (!Number.isInteger(x)) throw new Error('--measurement needs an integer');
        opts.measurement = x;
        break;
      }
      case '--format': format = next(); break;
      case '--json': csv = undefined; break;
      case '--csv': {
        const t = argv[k + 1];
        csv = t === 'cycles' || t === 'sweeps' ? (k++, t) : 'cycles';
        break;
      }
      default:
        if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
        if (file) throw new Error(`one input file expected, got ${file} and ${a}`);
        file = a;
    }
  }
  if (!file) throw new Error('an input file is required');
  return { file, format, opts, csv };
}

const run = (argv: string[], io: CliIO): Promise<number> =>
  runTopic('cv', usage, argv, io, parse, (doc, args) => {
    const r = analyzeCv(doc, args.opts);
    if (args.csv) {
      io.stdout(tableToCsv((args.csv === 'sweeps' ? r.sweeps : r.cycles) as unknown as ColumnTable));
      return 0;
    }
    const out = {
      method: r.method,
      parameters: r.parameters,
      packageVersion: r.packageVersion,
      input: { fileName: doc.source.fileName, format: doc.source.format },
      cycles: tableToJson(r.cycles as unknown as ColumnTable),
      sweeps: tableToJson(r.sweeps as unknown as ColumnTable),
    };
    io.stdout(JSON.stringify(out, jsonReplacer, 2) + '\n');
    return 0;
  });

export const command: AnalyzeCommand = {
  name: 'cv',
  summary: 'Cyclic voltammetry peaks: E_pa, E_pc, ΔE_p, E½, i_pa/i_pc, charge per sweep, scan rate',
  usage,
  run,
};
