/**
 * Scienta SES text export: INI-like sections `[Info]`, `[Region n]`, `[Info n]`,
 * `[Run Mode Information n]`, `[Data n]` (rows: energy, then one value per slice).
 */
import { decodeText, Float64Builder, FormatError, LineReader, localStartTime, quantityColumn, vendorColumn, wallMs, type Column, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import { readNumberRow, settingValue } from '../spectrum.js';

/** Parses a Scienta SES `.txt` export. */
export function parseScientaText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const L = new LineReader(text);
  const sections = new Map<string, Record<string, string>>();
  const data = new Map<string, { cols: Float64Builder[]; rows: number; line: number }>();
  const row = new Float64Array(4096);
  let current = '';
  let line: string | null;
  while ((line = L.next()) !== null) {
    const t = line.trim();
    const sec = /^\[(.+)\]$/.exec(t);
    if (sec) {
      current = sec[1]!;
      if (/^Data \d+$/.test(current)) data.set(current, { cols: [], rows: 0, line: L.line });
      else sections.set(current, sections.get(current) ?? {});
      continue;
    }
    if (t === '') continue;
    const d = data.get(current);
    if (d) {
      const k = readNumberRow(t, row);
      if (k < 1) throw new FormatError('a data row is not numeric', { format: ctx.format, line: L.line, actual: t.slice(0, 40) });
      if (!d.cols.length) for (let j = 0; j < k; j++) d.cols.push(new Float64Builder());
      if (k !== d.cols.length) {
        ctx.warn('a data row has a different number of values (cut file?); it is dropped', { ruleId: 'ragged-row', line: L.line });
        continue;
      }
      for (let j = 0; j < k; j++) d.cols[j]!.push(row[j]!);
      d.rows++;
      continue;
    }
    const at = t.indexOf('=');
    if (at > 0 && current) sections.get(current)![t.slice(0, at).trim()] = t.slice(at + 1).trim();
  }
  const info = sections.get('Info') ?? {};
  const measurements: Measurement[] = [];
  for (const [name, d] of data) {
    const n = name.slice(5);
    const region = sections.get(`Region ${n}`) ?? {};
    const inf = sections.get(`Info ${n}`) ?? {};
    const runMode = sections.get(`Run Mode Information ${n}`) ?? {};
    const dimName = region['Dimension 1 name'] ?? inf['Energy Scale'] ?? 'Energy';
    const m = /^(.*?)\s*\[(.*)\]\s*$/.exec(dimName);
    const label = m?.[1] ?? dimName;
    const unit = m?.[2] ?? 'eV';
    const binding = /binding/i.test(label);
    const cols = d.cols.length ? d.cols.map((b) => b.finish()) : [new Float64Array(0), new Float64Array(0)];
    const nCols = cols.length;
    const columns: Column[] = [quantityColumn(binding ? 'binding_energy_electronvolt' : 'kinetic_energy_electronvolt', cols[0]!, { sourceName: dimName, sourceUnit: unit })];
    for (let j = 1; j < nCols; j++) {
      columns.push(j === 1 ? quantityColumn('intensity_arbitrary', cols[j]!, { sourceName: nCols > 2 ? 'slice 1' : 'Intensity', sourceUnit: null }) : vendorColumn(`slice ${j}`, null, cols[j]!));
    }
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(inf.Date ?? '');
    const time = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(inf.Time ?? '');
    const ms = date && time ? wallMs(+date[1]!, +date[2]!, +date[3]!, +time[1]!, +time[2]!, +time[3]!) : NaN;
    const sourceEnergy = Number(inf['Excitation Energy']);
    measurements.push({
      name: inf['Region Name'] ?? region['Region Name'] ?? name,
      kind: 'spectrum',
      technique: { name: 'XPS', vendorName: null },
      startTime: Number.isFinite(ms) ? localStartTime(ms, `${inf.Date} ${inf.Time}`) : null,
      settings: Object.fromEntries(Object.entries({ ...inf, ...runMode }).map(([k, v]) => [k, settingValue(v)])),
      metadata: {
        region: inf['Region Name'] ?? region['Region Name'] ?? null,
        sourceEnergyElectronvolt: Number.isFinite(sourceEnergy) ? sourceEnergy : null,
        passEnergyElectronvolt: Number(inf['Pass Energy']),
        sweeps: Number(inf['Number of Sweeps']),
        regionSection: Object.fromEntries(Object.entries(region).filter(([k]) => k !== 'Dimension 1 scale')),
        declaredPoints: Number(region['Dimension 1 size']),
        sourceLine: d.line,
      },
      columns,
    });
    const declared = Number(region['Dimension 1 size']);
    if (Number.isInteger(declared) && declared !== d.rows) {
      ctx.warn(`region ${n} declares ${declared} points but has ${d.rows}`, { ruleId: 'truncated-record', line: d.line, expected: String(declared), actual: String(d.rows) });
    }
  }
  return { formatVersion: info.Version ?? null, software: { name: 'Scienta SES', version: info.Version ?? null }, instrument: { vendor: 'Scienta', model: measurements.length ? (sections.get('Info 1')?.Instrument ?? null) : null }, measurements };
}
