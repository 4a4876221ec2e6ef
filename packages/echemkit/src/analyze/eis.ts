/**
 * `echemkit analyze eis`: equivalent-circuit fits (batch with warm starts over every spectrum
 * of the file), Lin-KK validation and DRT of impedance measurements.
 */
import { isEchemkitError } from '@echemkit/core';
import {
  computeDrt,
  cropFrequencies,
  fitBatch,
  ignoreBelowX,
  linKK,
  spectraFromMeasurement,
  type DrtResult,
  type LabelledSpectrum,
  type LinKKResult,
  type SplitMode,
  type Weighting,
} from '@echemkit/analysis-eis';
import { parse, UsageError } from '../cli/args.js';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze eis <file> [options]

Fits an equivalent circuit to every impedance spectrum of <file> (one per loop/cycle,
warm-started from the previous fit), checks it with Lin-KK and computes the DRT.

Options:
  --circuit <c>        circuit in impedance.py syntax, e.g. "R0-p(R1,CPE1)-Wo1"
  --guess <a,b,…>      initial guesses of the free parameters, in circuit order (required with --circuit)
  --constants <k=v,…>  parameters held fixed, e.g. R0=0.01
  --weighting <w>      unit (default), modulus or proportional
  --starts <n>         number of (seeded) starts for the fit (default 1)
  --linkk              run the Lin-KK test (cut-off --mu, default 0.85)
  --mu <c>             Lin-KK μ cut-off
  --drt                compute the distribution of relaxation times
  --lambda <l>         DRT regularisation: gcv (default), lcurve or a number
  --penalty <1|2>      DRT derivative order (default 1)
  --capacitive-only    drop inductive points (Z″ ≥ 0) before analysis
  --fmin <Hz>, --fmax <Hz>  keep only frequencies in range
  --measurement <i>    only this measurement (0-based index)
  --split <mode>       auto (default), none, loop, cycle, sweep, frequency-reset
  --format <id>        input format id (default: detected)
  --json               print results as JSON
  -h, --help           show this help
`;

function numberList(text: string, what: string): number[] {
  const out = text.split(',').map((s) => Number(s.trim()));
  if (out.some((v) => !Number.isFinite(v))) throw new UsageError(`--${what}: expected comma-separated numbers, got "${text}"`);
  return out;
}

function constantsOf(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const [k, v] = part.split('=');
    const n = Number(v);
    if (!k || v === undefined || !Number.isFinite(n)) throw new UsageError(`--constants: expected name=value pairs, got "${part}"`);
    out[k.trim()] = n;
  }
  return out;
}

/** JSON with typed arrays written as plain arrays and non-finite numbers as null. */
function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null));
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      return v;
    },
    2,
  );
}

const g = (v: number) => (Number.isFinite(v) ? v.toPrecision(5) : 'n/a');

async function run(argv: string[], io: CliIO): Promise<number> {
  let opts;
  try {
    opts = parse(argv, {
      circuit: { type: 'string' },
      guess: { type: 'string' },
      constants: { type: 'string' },
      weighting: { type: 'string' },
      starts: { type: 'string' },
      linkk: { type: 'boolean' },
      mu: { type: 'string' },
      drt: { type: 'boolean' },
      lambda: { type: 'string' },
      penalty: { type: 'string' },
      'capacitive-only': { type: 'boolean' },
      fmin: { type: 'string' },
      fmax: { type: 'string' },
      measurement: { type: 'string' },
      split: { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values: o, positionals } = opts;
  if (o.help) {
    io.stdout(usage);
    return 0;
  }
  try {
    if (positionals.length !== 1) throw new UsageError('expected exactly one input file');
    if (o.circuit && !o.guess) throw new UsageError('--circuit needs --guess (initial values of the free parameters)');
    if (o.guess && !o.circuit) throw new UsageError('--guess needs --circuit');
    const weighting = (o.weighting ?? 'unit') as Weighting;
    if (!['unit', 'modulus', 'proportional'].includes(weighting as string)) throw new UsageError(`--weighting: expected unit, modulus or proportional, got ${o.weighting}`);
    const split = (o.split ?? 'auto') as SplitMode;
    if (!['auto', 'none', 'loop', 'cycle', 'sweep', 'frequency-reset'].includes(split)) throw new UsageError(`--split: unknown mode ${o.split}`);
    let lambda: number | 'gcv' | 'lcurve' = 'gcv';
    if (o.lambda) lambda = o.lambda === 'gcv' || o.lambda === 'lcurve' ? o.lambda : numberList(o.lambda, 'lambda')[0]!;
    const penalty = o.penalty ? Number(o.penalty) : 1;
    if (penalty !== 1 && penalty !== 2) throw new UsageError('--penalty: expected 1 or 2');
    const starts = o.starts ? Number(o.starts) : 1;
    if (!(Number.isInteger(starts) && starts >= 1)) throw new UsageError('--starts: expected a positive integer');
    const mu = o.mu ? numberList(o.mu, 'mu')[0]! : 0.85;
    const fmin = o.fmin ? numberList(o.fmin, 'fmin')[0]! : 0;
    const fmax = o.fmax ? numberList(o.fmax, 'fmax')[0]! : Infinity;
    const doLinKK = !!o.linkk || (!o.circuit && !o.drt);
    const file = positionals[0]!;
    const doc = await io.readDocument(file, o.format ? { format: o.format } : undefined);
    const wanted = o.measurement !== undefined ? Number(o.measurement) : undefined;
    const picked = doc.measurements.map((m, i) => ({ m, i })).filter(({ m, i }) => (wanted === undefined ? m.kind === 'impedance' : i === wanted));
    if (!picked.length) {
      io.stderr(`echemkit analyze eis: ${file} has no impedance measurement${wanted !== undefined ? ` with index ${wanted}` : ''}\n`);
      return 1;
    }
    const results: unknown[] = [];
    const text: string[] = [];
    for (const { m, i } of picked) {
      const spectra: LabelledSpectrum[] = spectraFromMeasurement(m, { split }).map((s) => {
        let sp = s.spectrum;
        if (o['capacitive-only']) sp = ignoreBelowX(sp);
        if (o.fmin || o.fmax) sp = cropFrequencies(sp, fmin, fmax);
        return { ...s, spectrum: sp };
      });
      text.push(`measurement ${i} (${m.technique?.name ?? m.kind}): ${spectra.length} spectrum(s)`);
      const batch = o.circuit ? fitBatch(spectra, o.circuit, numberList(o.guess!, 'guess'), { constants: constantsOf(o.constants), weighting, starts }) : undefined;
      const perSpectrum = spectra.map((s, k) => {
        const entry: { index: number; group?: number; voltage?: number; points: number; fit?: unknown; fitError?: string; linkk?: LinKKResult; drt?: DrtResult } = { index: s.index, points: s.spectrum.f.length };
        if (s.group !== undefined) entry.group = s.group;
        if (s.voltage !== undefined) entry.voltage = s.voltage;
        const label = `  spectrum ${s.index}${s.group !== undefined ? ` (group ${s.group})` : ''}${s.voltage !== undefined ? ` at ${s.voltage.toFixed(4)} V` : ''}, ${s.spectrum.f.length} points`;
        text.push(label);
        if (batch) {
          const row = batch.rows[k]!;
          if (row.fit) {
            entry.fit = row.fit;
            for (const p of row.fit.parameters) text.push(`    ${p.name.padEnd(10)} ${g(p.value).padStart(12)} ± ${p.fixed ? 'fixed' : g(p.stdError)} ${p.unit}`);
            text.push(`    chi2 ${g(row.fit.chi2)}, rmse ${g(row.fit.rmse)} Ohm, ${row.fit.converged ? 'converged' : 'NOT converged'} (${row.fit.message})`);
          } else {
            entry.fitError = row.error;
            text.push(`    fit failed: ${row.error}`);
          }
        }
        if (doLinKK) {
          try {
            const kk = linKK(s.spectrum, { c: mu });
            entry.linkk = kk;
            let worst = 0;
            for (let q = 0; q < kk.residuals.re.length; q++) worst = Math.max(worst, Math.abs(kk.residuals.re[q]!), Math.abs(kk.residuals.im[q]!));
            text.push(`    Lin-KK: M = ${kk.M}, mu = ${g(kk.mu)}, max |residual| = ${(100 * worst).toFixed(3)} %`);
          } catch (e) {
            if (!isEchemkitError(e)) throw e;
            text.push(`    Lin-KK failed: ${e.message}`);
          }
        }
        if (o.drt) {
          try {
            const d = computeDrt(s.spectrum, { lambda, penalty: penalty as 1 | 2 });
            entry.drt = d;
            text.push(`    DRT: lambda = ${g(d.lambda)} (${d.lambdaMethod}), R_inf = ${g(d.rInf)} Ohm, L = ${g(d.inductance)} H, R_pol = ${g(d.polarizationResistance)} Ohm`);
            for (const p of d.peaks) text.push(`      peak tau = ${g(p.tau)} s (f = ${g(p.frequency)} Hz), gamma = ${g(p.gamma)} Ohm, R = ${g(p.resistance)} Ohm`);
          } catch (e) {
            if (!isEchemkitError(e)) throw e;
            text.push(`    DRT failed: ${e.message}`);
          }
        }
        return entry;
      });
      results.push({ measurement: i, technique: m.technique, spectra: perSpectrum, table: batch?.table });
    }
    io.stdout(o.json ? `${toJson({ file, circuit: o.circuit ?? null, results })}\n` : `${text.join('\n')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${usage}`);
      return 2;
    }
    if (isEchemkitError(e)) {
      io.stderr(`echemkit analyze eis: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** The `eis` topic of `echemkit analyze`. */
export const command: AnalyzeCommand = {
  name: 'eis',
  summary: 'equivalent-circuit fits, Lin-KK and DRT of impedance spectra',
  usage,
  run,
};
