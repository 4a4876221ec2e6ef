/**
 * CasaXPS "Peak Report"/quantification table as saved by CasaXPS (tab-separated): the file path,
 * a `Name Position FWHM Raw Area Area/(RSF*T*MFP) %At Conc …` table, then compact summaries.
 * Kept as one measurement without columns whose table is the peak report.
 */
import { decodeText, FormatError, vendorColumn, type Column, type ParseContext, type ParseResult } from '@echemkit/core';

/** A row of the CasaXPS peak table. */
export interface CasaResultRow {
  name: string;
  position: number;
  fwhm: number;
  rawArea: number;
  correctedArea: number;
  atomicPercent: number;
}

/** Reads the first peak table of a CasaXPS results file. */
export function readCasaResultRows(text: string, format = 'casaxps.csv'): { headers: string[]; rows: string[][]; line: number; peaks: CasaResultRow[] } {
  const lines = text.split(/\r\n|\n|\r/);
  const at = lines.findIndex((l) => /^Name\tPosition\tFWHM\tRaw Area/.test(l));
  if (at < 0) throw new FormatError('no peak table', { format, line: 1, expected: 'a line "Name<TAB>Position<TAB>FWHM<TAB>Raw Area…"' });
  const headers = lines[at]!.split('\t').filter((h) => h !== '');
  const rows: string[][] = [];
  for (let i = at + 1; i < lines.length && lines[i]!.trim() !== ''; i++) rows.push(lines[i]!.split('\t').slice(0, headers.length));
  const idx = (h: string) => headers.indexOf(h);
  const peaks = rows.map((r) => ({
    name: r[0] ?? '',
    position: Number(r[idx('Position')]),
    fwhm: Number(r[idx('FWHM')]),
    rawArea: Number(r[idx('Raw Area')]),
    correctedArea: Number(r[idx('Area/(RSF*T*MFP)')]),
    atomicPercent: Number(r[idx('%At Conc')]),
  }));
  return { headers, rows, line: at + 1, peaks };
}

/** Parses a CasaXPS results file. */
export function parseCasaResults(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const { headers, rows, line } = readCasaResultRows(text, ctx.format);
  const columns: Column[] = headers.map((h, j) => {
    if (j === 0) return vendorColumn(h, null, rows.map((r) => r[j] ?? null));
    // Non-numbers such as CasaXPS's `-1.#IND` (undefined goodness of fit) become NaN.
    return vendorColumn(h, h === 'Position' || h === 'FWHM' ? 'eV' : null, Float64Array.from(rows, (r) => {
      const v = Number(r[j]);
      return Number.isFinite(v) ? v : NaN;
    }));
  });
  const source = text.split(/\r\n|\n|\r/, 1)[0]!.replace(/\t+$/, '');
  return {
    software: { name: 'CasaXPS', version: null },
    measurements: [
      {
        name: 'peak report',
        kind: 'spectrum',
        technique: { name: 'XPS', vendorName: null },
        startTime: null,
        settings: {},
        metadata: { source, tableLine: line, summaries: text.split(/\r\n|\n|\r/).slice(line + rows.length).filter((l) => l.trim() !== '') },
        columns: [],
        tables: [{ name: 'peak report', columns }],
      },
    ],
  };
}
