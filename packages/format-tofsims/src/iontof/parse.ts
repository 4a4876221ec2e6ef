/**
 * IONTOF SurfaceLab depth-profile text export, read tolerantly: header metadata lines,
 * one table with a sputter-time and/or depth column and one intensity column per species.
 * The layout is not publicly documented (see README): every choice made is recorded in
 * `metadata.detected` and as info diagnostics.
 */
import {
  convertUnit,
  decodeText,
  FormatError,
  quantityColumn,
  shiftDecimal,
  uniquifyNames,
  vendorColumn,
  type Column,
  type ParseContext,
  type ParseResult,
} from '@echemkit/core';
import { headerCells, type HeaderCell } from './columns.js';
import { detectTable, splitCells } from './table.js';

/** Header lines before the table: `# key: value`, `key = value`, `key<TAB>value`, or free text. */
function headerMetadata(lines: readonly string[]): { values: Record<string, string>; text: string[] } {
  const values: Record<string, string> = {};
  const text: string[] = [];
  for (const raw of lines) {
    const l = raw.replace(/^\s*[#%;/]+\s*/, '').trim();
    if (!l) continue;
    const m = /^([^:=\t]{1,60}?)\s*(?::|=|\t)\s*(.*)$/.exec(l);
    if (m && m[2] !== undefined) values[m[1]!.trim()] = m[2].trim();
    else text.push(l);
  }
  return { values, text };
}

function convertTo(values: Float64Array, unit: string | null, target: string): { values: Float64Array; ok: boolean } {
  if (!unit) return { values, ok: true };
  const u = unit === 'um' ? 'µm' : unit === 'A' || unit === 'Å' ? 'Å' : unit;
  if (u === 'Å' && target === 'nm') return { values: values.map((x) => shiftDecimal(x, -1)), ok: true };
  const c = convertUnit(u, target);
  if (!c) return { values, ok: false };
  if (c.offset === 0 && c.exponent !== undefined) return { values: values.map((x) => shiftDecimal(x, c.exponent!)), ok: true };
  return { values: values.map((x) => x * c.factor + c.offset), ok: true };
}

/** Polarity from the header (`positive`/`negative`) or from species names ending in + / −. */
function polarity(meta: Record<string, string>, cells: HeaderCell[]): 'positive' | 'negative' | null {
  for (const [k, v] of Object.entries(meta)) if (/polarity/i.test(k)) return /neg/i.test(v) ? 'negative' : /pos/i.test(v) ? 'positive' : null;
  const sp = cells.filter((c) => c.role === 'species');
  if (sp.length && sp.every((c) => /\+$/.test(c.name))) return 'positive';
  if (sp.length && sp.every((c) => /[-−]$/.test(c.name))) return 'negative';
  return null;
}

/** Parses an IONTOF depth-profile text export. */
export function parseIontofText(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text, encoding } = decodeText(bytes);
  const lines = text.split(/\r\n|\n|\r/);
  const layout = detectTable(lines);
  if (!layout) {
    throw new FormatError('no numeric table found', { format: ctx.format, line: 1, expected: 'a delimited table: sputter time or depth, then one intensity column per species', hint: 'Check that the export is a depth profile in text form' });
  }
  const headerRows = layout.headerRows.map((i) => splitCells(lines[i]!, layout.delimiter));
  const cells = headerCells(headerRows, layout.columns);
  const firstHeader = layout.headerRows[0] ?? layout.dataStart;
  const meta = headerMetadata(lines.slice(0, firstHeader));
  // Decode the data rows into one buffer per column (bounded by the lines present).
  const n = layout.columns;
  const capacity = lines.length - layout.dataStart;
  const buf = Array.from({ length: n }, () => new Float64Array(capacity));
  let rows = 0;
  let stopLine = -1;
  const d = layout.delimiter;
  const comma = layout.decimal === ',';
  for (let i = layout.dataStart; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    // Cells scanned in place (no per-row arrays); a space delimiter means runs of blanks.
    let pos = 0;
    let j = 0;
    let ok = true;
    const len = line.length;
    while (j < n && pos <= len) {
      if (d === ' ') while (pos < len && (line[pos] === ' ' || line[pos] === '\t')) pos++;
      let end = pos;
      if (d === ' ') while (end < len && line[end] !== ' ' && line[end] !== '\t') end++;
      else {
        end = line.indexOf(d, pos);
        if (end === -1) end = len;
      }
      if (d === ' ' && pos >= len) break;
      let s = line.slice(pos, end).trim();
      if (s.length > 1 && s[0] === '"' && s[s.length - 1] === '"') s = s.slice(1, -1).trim();
      pos = end + 1;
      if (s === '' || s === '-' || /^(nan|n\/a)$/i.test(s)) buf[j]![rows] = NaN;
      else {
        const v = Number(comma ? s.replace(',', '.') : s);
        if (Number.isNaN(v)) ok = false;
        buf[j]![rows] = v;
      }
      j++;
    }
    const extra = d === ' ' ? line.slice(pos).trim() !== '' : pos <= len;
    if (j !== n || extra) {
      // A short last line is a cut row; anything else ends the table (trailing notes).
      if (i >= lines.length - 2 && j < n) ctx.warn(`the last row has ${j} of ${n} values (cut file?); it is dropped`, { ruleId: 'truncated-record', line: i + 1, record: rows });
      else stopLine = i + 1;
      break;
    }
    if (!ok) {
      stopLine = i + 1;
      break;
    }
    rows++;
  }
  if (stopLine > 0) ctx.info(`the table ends at line ${stopLine}; the remaining lines are kept as trailing notes`, { ruleId: 'table-end', line: stopLine });
  const trailing = stopLine > 0 ? lines.slice(stopLine - 1).filter((l) => l.trim()) : [];
  const columns: Column[] = [];
  const notes: string[] = [];
  cells.forEach((h, j) => {
    const values = buf[j]!.slice(0, rows);
    const sourceName = h.raw.split(' | ').at(-1) || h.name;
    if (h.role === 'time' && !columns.some((c) => c.quantity === 'sputter_time_second')) {
      const r = convertTo(values, h.unit ?? 's', 's');
      if (r.ok) {
        columns.push(quantityColumn('sputter_time_second', r.values, { sourceName, sourceUnit: h.unit }));
        if (!h.unit) notes.push(`${h.name}: no unit given, seconds assumed`);
        return;
      }
    }
    if (h.role === 'depth' && !columns.some((c) => c.quantity === 'depth_nanometre')) {
      const r = convertTo(values, h.unit ?? 'nm', 'nm');
      if (r.ok) {
        columns.push(quantityColumn('depth_nanometre', r.values, { sourceName, sourceUnit: h.unit }));
        if (!h.unit) notes.push(`${h.name}: no unit given, nm assumed`);
        return;
      }
    }
    if (h.role === 'scan' && values.every((v) => Number.isInteger(v))) {
      columns.push(quantityColumn('sputter_cycle_count', Int32Array.from(values), { sourceName, sourceUnit: h.unit }));
      return;
    }
    columns.push(vendorColumn(h.name, h.unit ?? (h.role === 'species' || h.role === 'total' ? null : null), values, { description: h.role === 'species' ? `species intensity${h.mass !== null ? ` (m/z ${h.mass})` : ''}` : h.role }));
  });
  uniquifyNames(columns);
  if (!columns.some((c) => c.quantity === 'sputter_time_second' || c.quantity === 'depth_nanometre')) {
    ctx.warn('no sputter time or depth column was recognised; the first column is kept as a vendor column', { ruleId: 'no-depth-axis', line: layout.dataStart });
  }
  const species = cells.filter((c) => c.role === 'species').map((c) => ({ name: c.name, unit: c.unit, mass: c.mass }));
  ctx.info(`table detected: delimiter ${JSON.stringify(layout.delimiter)}, decimal '${layout.decimal}', encoding ${encoding}, ${rows} rows, ${species.length} species`, { ruleId: 'table-layout', line: layout.dataStart + 1 });
  return {
    software: { name: 'IONTOF SurfaceLab', version: meta.values['SurfaceLab Version'] ?? meta.values.Version ?? null },
    instrument: { vendor: 'IONTOF', model: meta.values.Instrument ?? null },
    measurements: [
      {
        name: 'depth profile',
        kind: 'depth-profile',
        technique: { name: 'ToF-SIMS', vendorName: 'ToF-SIMS depth profile' },
        startTime: null,
        settings: meta.values,
        metadata: {
          headerText: meta.text,
          species,
          polarity: polarity(meta.values, cells),
          detected: { delimiter: layout.delimiter, decimal: layout.decimal, encoding, headerLines: layout.headerRows.map((i) => i + 1), dataStartLine: layout.dataStart + 1 },
          notes,
          trailing,
        },
        columns,
      },
    ],
  };
}
