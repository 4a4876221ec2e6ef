/**
 * Text written by ULVAC-PHI's "Multipak Exporter": `//`-comment banner, `Key:value` header,
 * then per region `//Area Comment,RegionNo,AtomicName,Area No,XLabel,YLabel,DataCount`,
 * those seven values one per line, and DataCount tab-separated `energy intensity` lines.
 */
import { decodeText, Float64Builder, FormatError, LineReader, quantityColumn, type Column, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import { energyKind, intensityQuantity } from '../spectrum.js';
import { first, headerSettings, parseHeaderText, sourceEnergy } from './header.js';

const AREA_LINE = '//Area Comment,RegionNo,AtomicName,Area No,XLabel,YLabel,DataCount';

/** `Binding Energy(eV),reverse` → label, unit, flags. */
function splitLabel(s: string): { label: string; unit: string | null; flags: string[] } {
  const [main = '', ...flags] = s.split(',');
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(main.trim());
  return m ? { label: m[1]!, unit: m[2]!, flags } : { label: main.trim(), unit: null, flags };
}

/** Parses MultiPak Exporter text. */
export function parseMultipakText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const L = new LineReader(text);
  const headerLines: string[] = [];
  const banner: string[] = [];
  let line: string | null;
  while ((line = L.next()) !== null && line !== AREA_LINE) {
    if (line.startsWith('//')) banner.push(line.slice(2));
    else headerLines.push(line);
  }
  const h = parseHeaderText(headerLines.join('\n'));
  const src = sourceEnergy(h);
  const measurements: Measurement[] = [];
  while (line === AREA_LINE) {
    const startLine = L.line;
    const f: string[] = [];
    for (let i = 0; i < 7; i++) {
      const l = L.next();
      if (l === null) break;
      f.push(l);
    }
    if (f.length < 7) {
      ctx.warn('the file ends inside a region header', { ruleId: 'truncated-record', line: L.line });
      break;
    }
    const [comment, regionNo, atomic, areaNo, xl, yl, countText] = f as [string, string, string, string, string, string, string];
    const count = Number(countText.trim());
    if (!Number.isInteger(count) || count < 0) throw new FormatError('DataCount is not a count', { format: ctx.format, line: L.line, expected: 'a non-negative integer', actual: countText.slice(0, 30) });
    const x = new Float64Builder(Math.min(count, 65536));
    const y = new Float64Builder(Math.min(count, 65536));
    line = null;
    while ((line = L.next()) !== null && line !== AREA_LINE) {
      if (line.trim() === '') continue;
      const tab = line.indexOf('\t');
      const a = Number(line.slice(0, tab));
      const b = Number(line.slice(tab + 1));
      if (tab < 0 || Number.isNaN(a) || Number.isNaN(b)) throw new FormatError('a data line is not "energy<TAB>intensity"', { format: ctx.format, line: L.line, actual: line.slice(0, 40) });
      x.push(a);
      y.push(b);
    }
    if (x.length !== count) ctx.warn(`region ${regionNo.trim()} announces ${count} points but has ${x.length}`, { ruleId: 'truncated-record', line: L.line, expected: String(count), actual: String(x.length) });
    const xs = splitLabel(xl);
    const ys = splitLabel(yl);
    const kind = energyKind(xs.label);
    const columns: Column[] = [
      quantityColumn(kind === 'kinetic' ? 'kinetic_energy_electronvolt' : 'binding_energy_electronvolt', x.finish(), { sourceName: xl.trim(), sourceUnit: xs.unit }),
      quantityColumn(intensityQuantity(ys.label, ys.unit), y.finish(), { sourceName: ys.label, sourceUnit: ys.unit }),
    ];
    measurements.push({
      name: atomic.trim(),
      kind: 'spectrum',
      technique: { name: 'XPS', vendorName: first(h, 'Technique') ?? null },
      startTime: null,
      settings: measurements.length === 0 ? headerSettings(h) : {},
      metadata: { region: atomic.trim(), regionNumber: Number(regionNo.trim()), areaComment: comment, areaNumber: Number(areaNo.trim()), xLabel: xl, yLabel: yl, sourceEnergyElectronvolt: src, sourceLine: startLine, exporter: banner.map((b) => b.trim()).filter((b) => b && !/^-+$/.test(b)) },
      columns,
    });
  }
  return {
    formatVersion: banner.find((b) => b.includes('Multipak Exporter'))?.trim() ?? null,
    software: { name: 'PHI SmartSoft/Compass', version: first(h, 'SoftwareVersion') ?? null },
    instrument: { vendor: 'Physical Electronics (ULVAC-PHI)', model: first(h, 'InstrumentModel') ?? null },
    measurements,
  };
}
