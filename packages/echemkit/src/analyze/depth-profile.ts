/** `echemkit analyze depth-profile`: ToF-SIMS (and XPS) depth profiles — normalisation, depth scale, interfaces. */
import { parseArgs } from 'node:util';
import { isEchemkitError } from '@echemkit/core';
import { analyzeDepthProfile, VERSION, type Normalisation } from '@echemkit/analysis-surface';
import type { AnalyzeCommand, CliIO } from './types.js';

const usage = `Usage: echemkit analyze depth-profile <file> [options]

  --rate <nm/s>              sputter rate: converts sputter time to depth
  --normalise <how>          none (default) | total | max | ref:<species>
  --marker <species[:kind]>  interface marker; kind decay (interphase marker, default) or rise
                             (substrate marker); repeatable: --marker LiF- --marker C-:rise
  --fraction <f>             fraction of the plateau (default 0.5)
  --skip <n>                 points skipped at the start (surface transient, default 0)
  --smooth <n>               moving-median width before searching (default 1 = none)
  --measurement <name>       which depth-profile measurement (default: the first)
  --format <id>              force the input format
  --json                     machine-readable output
Exit: 0 ok, 1 analysis failed, 2 usage error.`;

async function run(argv: string[], io: CliIO): Promise<number> {
  let a;
  try {
    a = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        rate: { type: 'string' },
        normalise: { type: 'string', default: 'none' },
        marker: { type: 'string', multiple: true },
        fraction: { type: 'string', default: '0.5' },
        skip: { type: 'string', default: '0' },
        smooth: { type: 'string', default: '1' },
        measurement: { type: 'string' },
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
  const norm = String(v.normalise);
  const normalisation: Normalisation | null =
    norm === 'none' || norm === 'total' || norm === 'max' ? { mode: norm } : norm.startsWith('ref:') && norm.length > 4 ? { mode: 'reference', species: norm.slice(4) } : null;
  const rate = v.rate === undefined ? undefined : Number(v.rate);
  const fraction = Number(v.fraction);
  const skip = Number(v.skip);
  const smooth = Number(v.smooth);
  const markers = (v.marker ?? []).map((s) => {
    const at = s.lastIndexOf(':');
    const kind = at > 0 ? s.slice(at + 1) : 'decay';
    return { species: at > 0 && (kind === 'decay' || kind === 'rise') ? s.slice(0, at) : s, kind: kind === 'rise' ? ('rise' as const) : ('decay' as const) };
  });
  if (!file || !normalisation || (rate !== undefined && !(rate > 0)) || !(fraction > 0 && fraction < 1) || !(skip >= 0) || !(smooth >= 1)) {
    io.stderr(`invalid arguments\n${usage}\n`);
    return 2;
  }
  try {
    const doc = await io.readDocument(file, v.format ? { format: v.format } : undefined);
    const profiles = doc.measurements.filter((m) => m.kind === 'depth-profile' && (!v.measurement || m.name === v.measurement));
    if (!profiles.length) {
      io.stderr(`${file}: no depth-profile measurement\n`);
      return 1;
    }
    const r = analyzeDepthProfile(profiles[0]!, { ...(rate ? { sputterRate: rate } : {}), normalisation, markers, fraction, skip, smooth });
    if (v.json) {
      io.stdout(
        JSON.stringify(
          { file, package: { name: '@echemkit/analysis-surface', version: VERSION }, method: r.method, parameters: r.parameters, axis: r.axis, interfaces: r.interfaces, summaries: r.summaries },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const unit = r.axis === 'depth_nanometre' ? 'nm' : 's';
    const lines = [`${profiles[0]!.name ?? 'depth profile'}: ${r.x.length} points, axis ${r.axis}, normalisation ${norm}`];
    for (const i of r.interfaces) lines.push(`  ${i.species} (${i.kind}): ${i.position === null ? 'no crossing' : `${i.position.toPrecision(5)} ${unit}`} at ${fraction} of plateau ${i.plateau.toPrecision(4)}; width 84–16 % ${i.width === null ? '–' : `${i.width.toPrecision(4)} ${unit}`}`);
    for (const s of r.summaries) lines.push(`  ${s.species.padEnd(12)} max ${s.max.toPrecision(4)} at ${s.atMax.toPrecision(4)} ${unit}, mean ${s.mean.toPrecision(4)}, integral ${s.integral.toPrecision(5)}`);
    io.stdout(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    io.stderr(`${isEchemkitError(e) ? e.message : `unexpected error: ${(e as Error).stack ?? String(e)}`}\n`);
    return 1;
  }
}

export const command: AnalyzeCommand = { name: 'depth-profile', summary: 'Depth profiles: normalisation, sputter time → depth, interface depths, summaries', usage, run };
