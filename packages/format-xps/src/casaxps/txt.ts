/**
 * CasaXPS "Export to text" (rows as columns): per block a `Cycle n:sample:region` title, a
 * characteristic-energy line, the component table (Name/Position/FWHM/Area/Lineshape), a
 * column header and tab-separated rows; kinetic-energy columns on the left, binding-energy
 * (CPS) columns on the right of an empty separator column.
 */
import { decodeText, Float64Builder, FormatError, LineReader, quantityColumn, uniquifyNames, vendorColumn, type Column, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';

const TABLE_ROWS = ['Name', 'Position', 'FWHM', 'Area', 'Lineshape'];

/** Column → column definition by header name (left or right group). */
function columnFor(header: string, values: Float64Array, right: boolean, componentNames: Set<string>): Column {
  const h = header.trim();
  if (h === 'K.E.') return quantityColumn('kinetic_energy_electronvolt', values, { sourceName: h, sourceUnit: 'eV' });
  if (h === 'B.E.') return quantityColumn('binding_energy_electronvolt', values, { sourceName: h, sourceUnit: 'eV' });
  if (h === 'Counts') return quantityColumn('intensity_count', values, { sourceName: h, sourceUnit: 'counts' });
  if (h === 'CPS') return quantityColumn('intensity_count_per_second', values, { sourceName: h, sourceUnit: 'counts/s' });
  if (h === 'Background' || h === 'Background CPS') {
    return quantityColumn('background_intensity_arbitrary', values, { sourceName: h, sourceUnit: right ? 'counts/s' : 'counts', name: right ? 'background_intensity_arbitrary_cps' : 'background_intensity_arbitrary' });
  }
  const unit = right ? 'counts/s' : 'counts';
  const kind = componentNames.has(h) ? 'component' : 'curve';
  return vendorColumn(h, unit, values, { name: `${h} (${right ? 'CPS' : 'counts'})`, description: `CasaXPS ${kind} curve` });
}

/** Parses a CasaXPS text export (one spectrum measurement per block). */
export function parseCasaText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const L = new LineReader(text);
  const measurements: Measurement[] = [];
  let line = L.next();
  while (line !== null) {
    if (!line.startsWith('Cycle ')) {
      if (line.trim() !== '') throw new FormatError('expected a block title', { format: ctx.format, line: L.line, expected: 'Cycle <n>:<sample>:<region>', actual: line.slice(0, 40) });
      line = L.next();
      continue;
    }
    const titleLine = L.line;
    const title = line;
    const [cyc = '', sample = '', ...rest] = title.split(':');
    const info = (L.next() ?? '').split('\t').filter((x) => x !== '');
    const settings: Record<string, unknown> = {};
    for (let i = 0; i + 1 < info.length; i += 2) settings[info[i]!.trim()] = Number(info[i + 1]);
    const table: Record<string, string[]> = {};
    let header: string | null = null;
    for (;;) {
      const l = L.next();
      if (l === null) break;
      const cells = l.split('\t');
      if (TABLE_ROWS.includes(cells[0]!)) table[cells[0]!] = cells.slice(2).filter((c, i, a) => c !== '' || i < a.length - 1);
      else {
        header = l;
        break;
      }
    }
    if (header === null) {
      ctx.warn(`block "${title}" ends before its column header`, { ruleId: 'truncated-record', line: L.line });
      break;
    }
    const heads = header.split('\t');
    const nc = heads.length;
    const data = heads.map(() => new Float64Builder(1024));
    let rows = 0;
    line = L.next();
    while (line !== null && !line.startsWith('Cycle ')) {
      if (line.trim() === '') {
        line = L.next();
        continue;
      }
      // Cells scanned in place (no per-row arrays): tab-separated numbers, empty = missing.
      let cells = 1;
      for (let k = line.indexOf('\t'); k !== -1; k = line.indexOf('\t', k + 1)) cells++;
      if (cells < nc - 1) {
        ctx.warn(`a row has ${cells} of ${nc} cells (cut file?); it is dropped`, { ruleId: 'truncated-record', line: L.line, record: rows });
        line = L.next();
        continue;
      }
      let pos = 0;
      for (let j = 0; j < nc; j++) {
        let end = pos <= line.length ? line.indexOf('\t', pos) : -1;
        if (end === -1) end = line.length;
        const c = pos < line.length ? line.slice(pos, end) : '';
        pos = end + 1;
        const t = c.trim();
        const v = t === '' ? NaN : Number(t);
        if (Number.isNaN(v) && t !== '') throw new FormatError('a cell is not a number', { format: ctx.format, line: L.line, actual: c.slice(0, 30) });
        data[j]!.push(v);
      }
      rows++;
      line = L.next();
    }
    const names = table.Name ?? [];
    const componentNames = new Set(names);
    const columns: Column[] = [];
    let right = false;
    heads.forEach((hd, j) => {
      if (hd.trim() === '') {
        right = true; // the empty separator column between the K.E. and B.E. groups
        return;
      }
      columns.push(columnFor(hd, data[j]!.finish(), right, componentNames));
    });
    // Binding energy first so analyses find the conventional axis.
    columns.sort((a, b) => Number(b.quantity === 'binding_energy_electronvolt') - Number(a.quantity === 'binding_energy_electronvolt'));
    uniquifyNames(columns);
    const components = names.map((n, i) => ({
      name: n,
      position: Number(table.Position?.[i]),
      fwhm: Number(table.FWHM?.[i]),
      area: Number(table.Area?.[i]),
      lineshape: table.Lineshape?.[i] ?? null,
    }));
    measurements.push({
      name: title,
      kind: 'spectrum',
      technique: { name: 'XPS', vendorName: null },
      startTime: null,
      settings,
      metadata: { cycle: cyc.replace('Cycle', '').trim(), sample, region: rest.join(':'), components, sourceEnergyElectronvolt: (settings['Characteristic Energy eV'] as number) ?? null, sourceLine: titleLine },
      columns,
    });
  }
  return { software: { name: 'CasaXPS', version: null }, measurements };
}
