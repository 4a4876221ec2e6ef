/** `echemkit analyze dcir <file>`: pulse resistances (DCIR / HPPC) vs SOC. */
import { tableToCsv, tableToJson, type ColumnTable } from '@echemkit/analysis-cycling';
import { analyzeDcir, type DcirOptions } from '@echemkit/analysis-pulse';
import { numberArg, runTopic, scanArgs } from './common.js';
import { printReport } from './report.js';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze dcir <file> [options]

DC internal resistance of every pulse after a rest: R(t) = |V_rest − V(t)| / |I| at sampling
times, instantaneous and at the pulse end; SOC by coulomb counting; HPPC pulse power.

Options:
  --times <t1,t2,…>          sampling times after onset, s (default 0.1,1,10)
  --max-pulse <s>            longest current step counted as a pulse (default 60)
  --min-rest <s>             flag pulses after a shorter rest
  --capacity <Ah>            capacity for SOC (default: metadata, else the charge span of the test)
  --initial-soc <0..1>       SOC at the first record (default: the highest charge state is 100 %)
  --area <cm2>               electrode area for Ω·cm²
  --v-min <V> / --v-max <V>  voltage limits for HPPC pulse power
  --current-tolerance <A>    |I| at or below this is rest
  --measurement <i>          measurement index
  --format <id>              force the input format
  --json                     JSON output (default)
  --csv                      CSV of the pulse table
`;


function parse(argv: string[]) {
  const opts: DcirOptions = {};
  let csv = false;
  const input = scanArgs(argv, (a, next, peek) => {
    switch (a) {
      case '--times': {
        const t = (next() ?? '').split(',').map(Number);
        if (!t.length || !t.every((x) => Number.isFinite(x) && x >= 0)) throw new Error('--times needs non-negative numbers "t1,t2,…"');
        opts.samplingTimes = t;
        return true;
      }
      case '--max-pulse': opts.maxPulseSeconds = numberArg(a, next()); return true;
      case '--min-rest': opts.minRestSeconds = numberArg(a, next()); return true;
      case '--capacity': opts.capacityAh = numberArg(a, next()); return true;
      case '--initial-soc': opts.initialSoc = numberArg(a, next()); return true;
      case '--area': opts.areaCm2 = numberArg(a, next()); return true;
      case '--v-min': opts.minVoltage = numberArg(a, next()); return true;
      case '--v-max': opts.maxVoltage = numberArg(a, next()); return true;
      case '--current-tolerance': opts.currentTolerance = numberArg(a, next()); return true;
      case '--measurement': opts.measurement = numberArg(a, next()); return true;
      case '--json': csv = false; return true;
      case '--csv': csv = true; return true;
      default:
        return false;
    }
  });
  return { ...input, opts, csv };
}

const run = (argv: string[], io: CliIO): Promise<number> =>
  runTopic('dcir', usage, argv, io, parse, (doc, args) => {
    const r = analyzeDcir(doc, args.opts);
    // flatten the per-time resistances into columns resistance@<t>s
    const { resistance, ...rest } = r.pulses;
    const flat = { ...rest, ...Object.fromEntries(Object.entries(resistance).map(([t, v]) => [`resistance@${t}s`, v])) } as unknown as ColumnTable;
    if (args.csv) io.stdout(tableToCsv(flat));
    else {
      printReport(io, doc, r, { pulses: tableToJson(flat) });
    }
    return 0;
  });

export const command: AnalyzeCommand = {
  name: 'dcir',
  summary: 'DC internal resistance / HPPC: pulse resistances at sampling times vs SOC, pulse power',
  usage,
  run,
};
