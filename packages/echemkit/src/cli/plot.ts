/** `echemkit plot`: an SVG chart of two columns of a converted file. */
import { findColumn, findQuantityColumn, numericValues, resolveVoltage, type Measurement } from '@echemkit/core';
import { lineChart, type Series } from '../plot/svg.js';
import { parse, UsageError } from './args.js';
import { nodeIO } from './node-io.js';
import { plotUsage } from './usage.js';

function defaults(m: Measurement): { x: string; y: string; negateY: boolean } {
  if (m.kind === 'impedance') return { x: 'real_impedance_ohm', y: 'imaginary_impedance_ohm', negateY: true };
  if (m.kind === 'spectrum') {
    const x = findQuantityColumn(m, 'binding_energy_electronvolt') ?? findQuantityColumn(m, 'kinetic_energy_electronvolt') ?? m.columns[0];
    const y = m.columns.find((c) => c.quantity?.startsWith('intensity')) ?? m.columns[1];
    return { x: x?.name ?? '', y: y?.name ?? '', negateY: false };
  }
  if (m.kind === 'depth-profile') return { x: (findQuantityColumn(m, 'depth_nanometre') ?? findQuantityColumn(m, 'sputter_time_second') ?? m.columns[0])?.name ?? '', y: m.columns[1]?.name ?? '', negateY: false };
  const v = resolveVoltage(m)?.column ?? m.columns[1];
  return { x: (findQuantityColumn(m, 'test_time_second') ?? m.columns[0])?.name ?? '', y: v?.name ?? '', negateY: false };
}

export async function runPlot(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    output: { type: 'string', short: 'o' },
    x: { type: 'string' },
    y: { type: 'string' },
    measurement: { type: 'string', default: '0' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(plotUsage + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('plot takes exactly one file');
  const doc = await nodeIO.readDocument(positionals[0]!, values.format ? { format: values.format } : {});
  const which = values.measurement === 'all' ? doc.measurements.map((_, i) => i) : [Number(values.measurement)];
  if (which.some((i) => !Number.isInteger(i) || !doc.measurements[i])) throw new UsageError(`--measurement must be 0..${doc.measurements.length - 1} or all`);
  const series: Series[] = [];
  let xLabel = '';
  let yLabel = '';
  let nyquist = false;
  for (const i of which) {
    const m = doc.measurements[i]!;
    const d = defaults(m);
    const xc = findColumn(m, values.x ?? d.x);
    const yc = findColumn(m, values.y ?? d.y);
    if (!xc || !yc) throw new UsageError(`measurement ${i} has no column ${!xc ? (values.x ?? d.x) : (values.y ?? d.y)} (columns: ${m.columns.map((c) => c.name).join(', ')})`);
    const negate = !values.y && d.negateY;
    nyquist ||= negate;
    const y = numericValues(yc);
    series.push({ label: m.name ?? `${m.technique.name} ${i}`, x: numericValues(xc), y: negate ? y.map((v) => -v) : y, style: negate ? 'points' : 'line' });
    xLabel = xc.label;
    yLabel = negate ? `−${yc.label}` : yc.label;
  }
  const svg = lineChart(series, { title: doc.source.fileName, xLabel, yLabel, equalAspect: nyquist });
  if (values.output && values.output !== '-') await nodeIO.writeFile(values.output, svg);
  else process.stdout.write(svg + '\n');
  return 0;
}
