/** `echemkit analyze xps`: backgrounds, peak fits, area ratios and charge referencing of XPS spectra. */
import { parseArgs } from 'node:util';
import { isEchemkitError, type Measurement } from '@echemkit/core';
import {
  applyChargeShift,
  chargeReferenceFromC1s,
  chargeShift,
  findSpectra,
  fitXps,
  linearBackground,
  shirleyBackground,
  spectrumXY,
  tougaardBackground,
  VERSION,
  type BackgroundKind,
  type ChargeReference,
  type LineShape,
  type PeakSpec,
} from '@echemkit/analysis-surface';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze xps <file> [options]

Fits XPS regions (any reader: VAMAS, PHI .spe, CasaXPS/SPECS/Scienta exports … or an echemkit JSON).
  --region <name>        region to analyse, e.g. C1s (default: every spectrum)
  --peaks <list>         initial peak positions in eV, optionally named: "C-C=284.8,C-O=286.3"
                         (without --peaks: background-subtracted region areas only)
  --shape GLP|GLS        line shape: GLP = CasaXPS GL(p) (default), GLS = SGL(p)
  --lorentzian <m>       Lorentzian fraction m (default 0.3 = GL(30))
  --fwhm <eV>            initial width parameter F (default 1.5)
  --share-fwhm           every peak shares the first peak's FWHM
  --background <kind>    shirley (default) | tougaard | linear | none
  --range <lo:hi>        binding-energy window
  --charge-ref <region>  charge-reference every region to its lowest C 1s component (e.g. C1s)
  --reference <eV>       reference binding energy (default 284.8)
  --shift=<eV>           apply a known charge shift instead (use = for negative values)
  --format <id>          force the input format
  --json                 machine-readable output
Exit: 0 ok, 1 analysis failed, 2 usage error.`;

function parsePeaks(text: string, opts: { shape: LineShape; m: number; fwhm: number; share: boolean }): PeakSpec[] {
  const peaks = text.split(',').filter(Boolean).map((tok, i): PeakSpec => {
    const at = tok.lastIndexOf('='); // names may contain '=' (O–C=O)
    const [name, pos] = at >= 0 ? [tok.slice(0, at), tok.slice(at + 1)] : [`peak ${i + 1}`, tok];
    const position = Number(pos);
    if (!Number.isFinite(position)) throw new Error(`--peaks: ${JSON.stringify(tok)} is not a position`);
    return { name: name.trim(), position, shape: opts.shape, lorentzian: opts.m, fwhm: opts.fwhm };
  });
  if (opts.share) peaks.forEach((p, i) => i > 0 && (p.shareFwhmWith = 0));
  return peaks;
}

function regionArea(m: Measurement, kind: BackgroundKind, range?: [number, number]) {
  const { energy, intensity } = spectrumXY(m);
  const keep = Array.from(energy.keys()).filter((i) => Number.isFinite(intensity[i]!) && (!range || (energy[i]! >= range[0] && energy[i]! <= range[1])));
  const E = Float64Array.from(keep, (i) => energy[i]!);
  const Y = Float64Array.from(keep, (i) => intensity[i]!);
  const sh = kind === 'shirley' ? shirleyBackground(E, Y) : null;
  const bg = sh ? sh.background : kind === 'tougaard' ? tougaardBackground(E, Y).background : kind === 'linear' ? linearBackground(E, Y) : new Float64Array(E.length);
  let area = 0;
  for (let i = 1; i < E.length; i++) area += 0.5 * (Y[i]! - bg[i]! + Y[i - 1]! - bg[i - 1]!) * Math.abs(E[i]! - E[i - 1]!);
  return { points: E.length, from: Math.min(...E), to: Math.max(...E), area, backgroundConverged: sh ? sh.converged : true };
}

async function run(argv: string[], io: CliIO): Promise<number> {
  let a;
  try {
    a = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        region: { type: 'string' },
        peaks: { type: 'string' },
        shape: { type: 'string', default: 'GLP' },
        lorentzian: { type: 'string', default: '0.3' },
        fwhm: { type: 'string', default: '1.5' },
        'share-fwhm': { type: 'boolean', default: false },
        background: { type: 'string', default: 'shirley' },
        range: { type: 'string' },
        'charge-ref': { type: 'string' },
        reference: { type: 'string', default: '284.8' },
        shift: { type: 'string' },
        format: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  const v = a.values;
  if (v.help) {
    io.stdout(usage + '\n');
    return 0;
  }
  const file = a.positionals[0];
  const shape = String(v.shape).toUpperCase();
  const bgKind = String(v.background) as BackgroundKind;
  const m = Number(v.lorentzian);
  const fwhm = Number(v.fwhm);
  const range = v.range ? (v.range.split(':').map(Number) as [number, number]) : undefined;
  if (!file || (shape !== 'GLP' && shape !== 'GLS') || !['shirley', 'tougaard', 'linear', 'none'].includes(bgKind) || !(m >= 0 && m <= 1) || !(fwhm > 0) || (range && (range.length !== 2 || range.some((x) => !Number.isFinite(x))))) {
    io.stderr(`invalid arguments\n${usage}\n`);
    return 2;
  }
  let peaks: PeakSpec[] | undefined;
  try {
    peaks = v.peaks ? parsePeaks(v.peaks, { shape: shape as LineShape, m, fwhm, share: Boolean(v['share-fwhm']) }) : undefined;
  } catch (e) {
    io.stderr(`${(e as Error).message}\n`);
    return 2;
  }
  try {
    const doc = await io.readDocument(file, v.format ? { format: v.format } : undefined);
    let spectra = findSpectra(doc.measurements, v.region);
    if (!spectra.length) {
      io.stderr(`${file}: no spectrum${v.region ? ` for region ${v.region}` : ''}\n`);
      return 1;
    }
    const sortedRange = range ? ([Math.min(...range), Math.max(...range)] as [number, number]) : undefined;
    let charge: ChargeReference | null = null;
    if (v.shift !== undefined) charge = chargeShift(Number(v.reference) - Number(v.shift), Number(v.reference)); // observed = reference − shift
    else if (v['charge-ref']) {
      const c1s = findSpectra(doc.measurements, v['charge-ref'])[0];
      if (!c1s) {
        io.stderr(`${file}: no ${v['charge-ref']} spectrum for charge referencing\n`);
        return 1;
      }
      const { fit: _fit, ...ref } = chargeReferenceFromC1s(c1s, { reference: Number(v.reference), background: bgKind, ...(sortedRange ? { range: sortedRange } : {}), ...(peaks && findSpectra([c1s], v.region).length ? { peaks } : {}) });
      void _fit;
      charge = ref;
    }
    if (charge) spectra = spectra.map((s) => applyChargeShift(s, charge!.shift, charge!));
    const results = spectra.map((s) => {
      const name = String(s.metadata?.region ?? s.name ?? '');
      if (!peaks) return { kind: 'area' as const, region: name, ...regionArea(s, bgKind, sortedRange), background: bgKind };
      const { energy, intensity } = spectrumXY(s);
      const r = fitXps(energy, intensity, { peaks, background: bgKind, ...(sortedRange ? { range: sortedRange } : {}) });
      return { kind: 'fit' as const, region: name, method: r.method, parameters: r.parameters, components: r.components, ratios: r.ratios, chiSquare: r.chiSquare, reducedChiSquare: r.reducedChiSquare, rmse: r.rmse, converged: r.converged, background: { kind: r.background.kind, B: r.background.B, converged: r.background.converged ?? true } };
    });
    if (v.json) {
      io.stdout(JSON.stringify({ file, package: { name: '@echemkit/analysis-surface', version: VERSION }, chargeReference: charge, results }, null, 2) + '\n');
      return 0;
    }
    const lines: string[] = [];
    if (charge) lines.push(`charge reference: shift ${charge.shift >= 0 ? '+' : ''}${charge.shift} eV (observed ${charge.observed.toFixed(3)} → ${charge.reference} eV)`);
    for (const r of results) {
      if (r.kind === 'fit') {
        lines.push(`${r.region}: ${r.components.length} components, ${r.background.kind} background, rmse ${r.rmse.toPrecision(4)}${r.converged ? '' : ' (fit not converged)'}${r.background.converged ? '' : ' (background not converged: narrow --range)'}`);
        for (const c of r.components) lines.push(`  ${c.name.padEnd(12)} ${c.position.toFixed(3)} eV  FWHM ${c.fwhm.toFixed(3)}  area ${c.area.toPrecision(6)} ± ${c.areaSigma === null ? '?' : c.areaSigma.toPrecision(3)}  (${(100 * c.areaFraction).toFixed(1)} %)`);
        for (const q of r.ratios) lines.push(`  ${q.numerator}/${q.denominator} = ${q.ratio.toPrecision(4)} ± ${q.sigma === null ? '?' : q.sigma.toPrecision(2)}`);
      } else lines.push(`${r.region}: ${r.points} points ${+r.from.toFixed(4)}–${+r.to.toFixed(4)} eV, ${r.background} background, area ${r.area.toPrecision(6)}${r.backgroundConverged ? '' : ' (background not converged: narrow --range)'}`);
    }
    io.stdout(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    io.stderr(`${isEchemkitError(e) ? e.message : `unexpected error: ${(e as Error).stack ?? String(e)}`}\n`);
    return 1;
  }
}

export const command: AnalyzeCommand = { name: 'xps', summary: 'XPS backgrounds, peak fits, area ratios and charge referencing', usage, run };
