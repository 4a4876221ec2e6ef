/**
 * Thermo Avantage `.avg` text dump (DataSpace_BatchDump): `key = value` lines, `$DATAAXES` /
 * `$SPACEAXES` sections whose rows are `n = v1, v2, …` for the attribute lists announced by
 * the `data ax…` / `space ax…` lines, then `$DATA=` and rows `index = y1, y2, …` (`#empty#` = missing).
 */
import { decodeText, Float64Builder, FormatError, LineReader, quantityColumn, vendorColumn, type Column, type ParseContext, type ParseResult } from '@echemkit/core';
import { regularAxis, decimalsOf } from '../spectrum.js';

const split = (s: string) => s.split(',').map((x) => x.trim());

/** Parses an Avantage `.avg` dump. */
export function parseAvantage(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const L = new LineReader(text);
  const settings: Record<string, string> = {};
  let dataKeys: string[] = [];
  let spaceKeys: string[] = [];
  const dataAxes: Record<string, string>[] = [];
  const spaceAxes: Record<string, string>[] = [];
  let section = '';
  let line: string | null;
  let inData = false;
  const rows: Float64Builder[] = [];
  let rowCount = 0;
  while ((line = L.next()) !== null) {
    const t = line.trim();
    if (!t) continue;
    if (inData) {
      const at = t.indexOf('=');
      if (at < 0) break; // data end at the first line that does not parse
      const cells = split(t.slice(at + 1));
      if (!/^\d+$/.test(t.slice(0, at).trim())) break;
      if (!rows.length) for (let j = 0; j < cells.length; j++) rows.push(new Float64Builder());
      if (cells.length !== rows.length) {
        ctx.warn('a data row has a different number of values; it is dropped', { ruleId: 'ragged-row', line: L.line });
        continue;
      }
      cells.forEach((c, j) => rows[j]!.push(c === '#empty#' || c === '' ? NaN : Number(c)));
      rowCount++;
      continue;
    }
    if (/^\$DATA\s*=/.test(t)) {
      inData = true;
      continue;
    }
    if (t.startsWith('$')) {
      section = t.replace(/\s*=.*$/, '');
      continue;
    }
    const at = t.indexOf('=');
    if (at < 0) continue;
    const key = t.slice(0, at).trim();
    const value = t.slice(at + 1).trim();
    if (/data ax/i.test(key)) dataKeys = split(value);
    else if (/space ax/i.test(key)) spaceKeys = split(value);
    else if (section === '$DATAAXES' && /^\d+$/.test(key)) dataAxes[Number(key)] = Object.fromEntries(split(value).map((v, i) => [dataKeys[i] ?? `field ${i}`, v]));
    else if (section === '$SPACEAXES' && /^\d+$/.test(key)) spaceAxes[Number(key)] = Object.fromEntries(split(value).map((v, i) => [spaceKeys[i] ?? `field ${i}`, v]));
    else settings[key] = value;
  }
  if (!inData) throw new FormatError('no $DATA= section', { format: ctx.format, line: L.line, expected: '$DATA=' });
  const ax = spaceAxes[0];
  if (!ax) throw new FormatError('no space axis 0 (energy axis)', { format: ctx.format, expected: '$SPACEAXES with 0 = …' });
  const start = Number(ax.start);
  const width = Number(ax.width);
  const declared = Number(ax.numPoints);
  const n = rowCount;
  if (Number.isInteger(declared) && declared !== n) ctx.warn(`the energy axis declares ${declared} points but ${n} rows were read`, { ruleId: 'truncated-record', expected: String(declared), actual: String(n) });
  const energy = regularAxis(start, width, n, Math.max(decimalsOf(ax.start ?? ''), decimalsOf(ax.width ?? '')));
  const label = ax.label ?? 'Energy';
  const binding = /binding/i.test(label) || !/kinetic/i.test(label);
  const columns: Column[] = [quantityColumn(binding ? 'binding_energy_electronvolt' : 'kinetic_energy_electronvolt', energy, { sourceName: label, sourceUnit: ax.unit ?? 'eV' })];
  rows.forEach((b, j) => {
    const v = b.finish();
    columns.push(j === 0 ? quantityColumn('intensity_count', v, { sourceName: 'counts', sourceUnit: null }) : vendorColumn(`y${j + 1}`, null, v));
  });
  return {
    software: { name: 'Thermo Avantage', version: null },
    measurements: [{ name: settings.name ?? 'spectrum', kind: 'spectrum', technique: { name: 'XPS', vendorName: null }, startTime: null, settings, metadata: { dataAxes, spaceAxes, region: settings.name ?? null }, columns }],
  };
}
