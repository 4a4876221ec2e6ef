/** `echemkit analyze cycling <file>`: per-cycle table, summary, rate capability and dQ/dV peaks. */
import {
  analyzeCycling,
  CYCLE_TABLE_UNITS,
  tableToCsv,
  tableToJson,
  type ColumnTable,
  type CyclingOptions,
} from '@echemkit/analysis-cycling';
import { numberArg, runTopic, scanArgs } from './common.js';
import { printReport } from './report.js';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze cycling <file> [options]

Cycles, capacities, efficiencies, energies, voltages, retention, voltage decay,
rate capability and dQ/dV peaks of a cycling test (any supported format or an echemkit JSON document).

Options:
  --mass <g>                 active mass in grams (default: the file's metadata)
  --nominal-capacity <Ah>    nominal capacity for C-rates (default: metadata, else cycle 1's discharge)
  --order <o>                charge-first (default) | discharge-first, when cycles are derived
  --cycles <s>               auto (default) | file | derived
  --ce <c>                   auto (default, Q_out/Q_in) | discharge/charge | charge/discharge
  --reference-cycle <n>      cycle the retention refers to
  --formation-cycles <n>     complete cycles skipped before the default reference (default 0)
  --rate-tolerance <x>       relative C-rate tolerance of rate groups (default 0.1)
  --current-tolerance <A>    |I| at or below this is rest (default max(1e-6, 1e-3·max|I|))
  --measurement <i>          measurement index to analyse
  --format <id>              force the input format
  --no-dqdv                  skip the differential analysis
  --dqdv-curves              include the dQ/dV and dV/dQ curves in the JSON output
  --json                     JSON output (default)
  --csv [table]              CSV of a table: cycles (default) | steps | rates | peaks
`;


/** Parses the arguments; throws an Error with a usage message. */
function parse(argv: string[]) {
  const opts: CyclingOptions = {};
  let csv: string | undefined;
  let curves = false;
  const input = scanArgs(argv, (a, next, peek) => {
    switch (a) {
      case '--mass': opts.activeMassGram = numberArg(a, next()); return true;
      case '--nominal-capacity': opts.nominalCapacityAh = numberArg(a, next()); return true;
      case '--order': {
        const o = next();
        if (o !== 'charge-first' && o !== 'discharge-first') throw new Error(`--order must be charge-first or discharge-first, got ${o}`);
        opts.order = o;
        return true;
      }
      case '--cycles': {
        const o = next();
        if (o !== 'auto' && o !== 'file' && o !== 'derived') throw new Error(`--cycles must be auto, file or derived, got ${o}`);
        opts.cycleSource = o;
        return true;
      }
      case '--ce': {
        const o = next();
        if (o !== 'auto' && o !== 'discharge/charge' && o !== 'charge/discharge') throw new Error(`--ce must be auto, discharge/charge or charge/discharge, got ${o}`);
        opts.ceConvention = o;
        return true;
      }
      case '--reference-cycle': opts.referenceCycle = numberArg(a, next()); return true;
      case '--formation-cycles': opts.formationCycles = numberArg(a, next()); return true;
      case '--rate-tolerance': opts.rateTolerance = numberArg(a, next()); return true;
      case '--current-tolerance': opts.currentTolerance = numberArg(a, next()); return true;
      case '--measurement': opts.measurement = numberArg(a, next()); return true;
      case '--no-dqdv': opts.differential = false; return true;
      case '--dqdv-curves': curves = true; return true;
      case '--json': csv = undefined; return true;
      case '--csv': {
        const t = peek();
        csv = t && !t.startsWith('-') && ['cycles', 'steps', 'rates', 'peaks'].includes(t) ? (next(), t) : 'cycles';
        return true;
      }
      default:
        return false;
    }
  });
  return { ...input, opts, csv, curves };
}

const run = (argv: string[], io: CliIO): Promise<number> =>
  runTopic('cycling', usage, argv, io, parse, (doc, args) => {
    const r = analyzeCycling(doc, args.opts);
    const peaks = r.differential ? r.differential.curves.flatMap((c) => c.peaks.map((p) => ({ cycle: c.cycle, direction: c.direction, ...p }))) : [];
    if (args.csv) {
      if (args.csv === 'cycles') io.stdout(tableToCsv(r.cycles as unknown as ColumnTable, CYCLE_TABLE_UNITS));
      else if (args.csv === 'steps') io.stdout(tableToCsv({ ...r.steps, cycle: r.stepCycle } as unknown as ColumnTable));
      else if (args.csv === 'rates') io.stdout(tableToCsv(r.rateCapability as unknown as ColumnTable));
      else {
        const cols = ['cycle', 'direction', 'position', 'height', 'prominence', 'width', 'area'] as const;
        io.stdout(cols.join(',') + '\n' + peaks.map((p) => cols.map((c) => String(p[c])).join(',')).join('\n') + (peaks.length ? '\n' : ''));
      }
      return 0;
    }
    printReport(io, doc, r, {
      summary: r.summary,
      cycles: tableToJson(r.cycles as unknown as ColumnTable),
      units: CYCLE_TABLE_UNITS,
      rateCapability: tableToJson(r.rateCapability as unknown as ColumnTable),
      steps: tableToJson({ ...r.steps, cycle: r.stepCycle } as unknown as ColumnTable),
      dqdv: r.differential
        ? {
            peaks,
            tracks: { charge: r.differential.tracks.charge.summary, discharge: r.differential.tracks.discharge.summary },
            ...(args.curves ? { curves: r.differential.curves } : {}),
          }
        : null,
    });
    return 0;
  });

export const command: AnalyzeCommand = {
  name: 'cycling',
  summary: 'Per-cycle capacities, CE, energy, voltages, retention, voltage decay, rate capability, dQ/dV peaks',
  usage,
  run,
};
