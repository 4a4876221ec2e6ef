/** `echemkit analyze cv <file>`: anodic/cathodic peaks, separation, E½, charge and scan rate per cycle. */
import { analyzeCv, tableToCsv, tableToJson, type ColumnTable, type CvOptions } from '@echemkit/analysis-cycling';
import { runTopic, scanArgs } from './common.js';
import { printReport } from './report.js';
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
  let csv: string | undefined;
  const input = scanArgs(argv, (a, next, peek) => {
    switch (a) {
      case '--vertex-tolerance': {
        const x = Number(next());
        if (!(x > 0)) throw new Error('--vertex-tolerance needs a positive number');
        opts.vertexTolerance = x;
        return true;
      }
      case '--peak-window': opts.peakWindow = pair(a, next()); return true;
      case '--baseline': opts.baselineWindow = pair(a, next()); return true;
      case '--cycles': {
        const o = next();
        if (o !== 'file' && o !== 'derived') throw new Error(`--cycles must be file or derived, got ${o}`);
        opts.useFileCycles = o === 'file';
        return true;
      }
      case '--measurement': {
        const x = Number(next());
        if (!Number.isInteger(x)) throw new Error('--measurement needs an integer');
        opts.measurement = x;
        return true;
      }
      case '--json': csv = undefined; return true;
      case '--csv': {
        const t = peek();
        csv = t === 'cycles' || t === 'sweeps' ? (next(), t) : 'cycles';
        return true;
      }
      default:
        return false;
    }
  });
  return { ...input, opts, csv };
}

const run = (argv: string[], io: CliIO): Promise<number> =>
  runTopic('cv', usage, argv, io, parse, (doc, args) => {
    const r = analyzeCv(doc, args.opts);
    if (args.csv) {
      io.stdout(tableToCsv((args.csv === 'sweeps' ? r.sweeps : r.cycles) as unknown as ColumnTable));
      return 0;
    }
    printReport(io, doc, r, { cycles: tableToJson(r.cycles as unknown as ColumnTable), sweeps: tableToJson(r.sweeps as unknown as ColumnTable) });
    return 0;
  });

export const command: AnalyzeCommand = {
  name: 'cv',
  summary: 'Cyclic voltammetry peaks: E_pa, E_pc, ΔE_p, E½, i_pa/i_pc, charge per sweep, scan rate',
  usage,
  run,
};
