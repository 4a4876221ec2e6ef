/** `echemkit info` and `echemkit formats`. */
import { numericValues, type EchemkitDocument } from '@echemkit/core';
import { formats } from '../api.js';
import { parse, UsageError } from './args.js';
import { readDocumentOrFile } from './node-io.js';
import { infoUsage } from './usage.js';

/** A compact summary of a document (what `info --json` prints). */
export function summarize(doc: EchemkitDocument) {
  return {
    file: doc.source.fileName,
    format: doc.source.format,
    formatVersion: doc.source.formatVersion ?? null,
    software: doc.source.software ?? null,
    instrument: doc.source.instrument ?? null,
    channel: doc.source.channel ?? null,
    byteSize: doc.source.byteSize,
    sha256: doc.source.sha256 ?? null,
    sample: doc.sample ?? null,
    measurements: doc.measurements.map((m, i) => ({
      index: i,
      name: m.name ?? null,
      kind: m.kind,
      technique: m.technique,
      startTime: m.startTime,
      rows: m.columns[0]?.values.length ?? 0,
      columns: m.columns.map((c) => {
        const v = numericValues(c);
        let min = Infinity;
        let max = -Infinity;
        for (let k = 0; k < v.length; k++) {
          const x = v[k]!;
          if (x < min) min = x;
          if (x > max) max = x;
        }
        return { name: c.name, unit: c.unit, label: c.label, sourceName: c.sourceName, sourceUnit: c.sourceUnit, derived: c.derived, dtype: c.dtype ?? null, min: Number.isFinite(min) ? min : null, max: Number.isFinite(max) ? max : null };
      }),
      tables: (m.tables ?? []).map((t) => ({ name: t.name, rows: t.columns[0]?.values.length ?? 0, columns: t.columns.map((c) => c.name) })),
    })),
    diagnostics: doc.diagnostics,
  };
}

function fmt(x: number | null): string {
  if (x === null) return '–';
  return Math.abs(x) >= 1e5 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(4) : String(Number(x.toPrecision(6)));
}

export async function runInfo(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(infoUsage + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('info takes exactly one file');
  const doc = await readDocumentOrFile(positionals[0]!, values.format ? { format: values.format } : {});
  const s = summarize(doc);
  if (values.json) {
    process.stdout.write(JSON.stringify(s, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [];
  out.push(`${s.file}: ${s.format}${s.formatVersion ? ` (version ${s.formatVersion})` : ''}, ${s.byteSize} bytes`);
  if (s.software?.name || s.software?.version) out.push(`software: ${[s.software.name, s.software.version].filter(Boolean).join(' ')}`);
  if (s.instrument?.model || s.instrument?.serialNumber) out.push(`instrument: ${[s.instrument.vendor, s.instrument.model, s.instrument.serialNumber && `SN ${s.instrument.serialNumber}`].filter(Boolean).join(' ')}`);
  if (s.channel) out.push(`channel: ${s.channel}`);
  if (s.sample) out.push(`sample: ${JSON.stringify(s.sample)}`);
  for (const m of s.measurements) {
    out.push('');
    out.push(`measurement ${m.index}${m.name ? ` "${m.name}"` : ''}: ${m.kind}, ${m.technique.name}${m.technique.vendorName && m.technique.vendorName !== m.technique.name ? ` (${m.technique.vendorName})` : ''}, ${m.rows} rows${m.startTime ? `, started ${m.startTime.value} (${m.startTime.zone})` : ''}`);
    const w = Math.max(...m.columns.map((c) => c.name.length), 4);
    for (const c of m.columns) {
      out.push(`  ${c.name.padEnd(w)}  ${(c.unit ?? '').padEnd(6)}  ${fmt(c.min)} … ${fmt(c.max)}${c.derived ? '  (derived)' : ''}${c.sourceName && c.sourceName !== c.name ? `  ← ${c.sourceName}` : ''}`);
    }
    for (const t of m.tables) out.push(`  table ${t.name}: ${t.rows} rows, columns ${t.columns.join(', ')}`);
  }
  if (s.diagnostics.length) {
    out.push('');
    out.push('diagnostics:');
    for (const d of s.diagnostics) out.push(`  ${d.severity} ${d.ruleId}: ${d.message}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

export async function runFormats(argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean', default: false } }, false);
  const list = formats();
  if (values.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  else {
    const w = Math.max(...list.map((f) => f.id.length), 2);
    process.stdout.write(list.map((f) => `${f.id.padEnd(w)}  ${f.extensions.join(' ').padEnd(14)}  ${f.name}`).join('\n') + '\n');
  }
  return 0;
}
