/** `echemkit analyze gitt <file>`: per-pulse ΔEs, ΔEt, IR drop, τ, SOC and diffusion coefficients. */
import { tableToCsv, tableToJson, type ColumnTable } from '@echemkit/analysis-cycling';
import { analyzeGitt, type GittOptions } from '@echemkit/analysis-pulse';
import { numberArg, runTopic, scanArgs } from './common.js';
import { printReport } from './report.js';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze gitt <file> [options]

GITT: per pulse τ, I, ΔEs, ΔEt, IR drop, SOC and the diffusion coefficient (Weppner–Huggins and √t).

Options:
  --direction <d>            charge | discharge (default: the direction of most pulses)
  --radius <cm>              spherical particle radius: V/S = r/3
  --mass <g>                 active mass (default: metadata), with --molar-mass, --molar-volume, --area
  --molar-mass <g/mol>       molar mass M_B
  --molar-volume <cm3/mol>   molar volume V_M
  --area <cm2>               contact area S
  --sqrt-t-window <a,b>      √t regression window on pulse time, s (default 1,60)
  --current-tolerance <A>    |I| at or below this is rest
  --measurement <i>          measurement index
  --format <id>              force the input format
  --json                     JSON output (default)
  --csv                      CSV of the pulse table
`;


function parse(argv: string[]) {
  const opts: GittOptions = {};
  let csv = false;
  const input = scanArgs(argv, (a, next, peek) => {
    switch (a) {
      case '--direction': {
        const d = next();
        if (d !== 'charge' && d !== 'discharge') throw new Error(`--direction must be charge or discharge, got ${d}`);
        opts.direction = d;
        return true;
      }
      case '--radius': opts.particleRadiusCm = numberArg(a, next()); return true;
      case '--mass': opts.activeMassGram = numberArg(a, next()); return true;
      case '--molar-mass': opts.molarMassGramPerMole = numberArg(a, next()); return true;
      case '--molar-volume': opts.molarVolumeCm3PerMole = numberArg(a, next()); return true;
      case '--area': opts.areaCm2 = numberArg(a, next()); return true;
      case '--sqrt-t-window': {
        const [lo, hi] = (next() ?? '').split(',').map(Number);
        if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error('--sqrt-t-window needs "min,max" in seconds');
        opts.sqrtTMinSeconds = lo;
        opts.sqrtTMaxSeconds = hi;
        return true;
      }
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
  runTopic('gitt', usage, argv, io, parse, (doc, args) => {
    const r = analyzeGitt(doc, args.opts);
    if (args.csv) io.stdout(tableToCsv(r.pulses as unknown as ColumnTable));
    else {
      printReport(io, doc, r, { pulses: tableToJson(r.pulses as unknown as ColumnTable) });
    }
    return 0;
  });

export const command: AnalyzeCommand = {
  name: 'gitt',
  summary: 'GITT: ΔEs, ΔEt, IR drop, SOC and diffusion coefficients (Weppner–Huggins, √t) per pulse',
  usage,
  run,
};
