/**
 * PHI CSV spectrum export (VersaProbe II, as used by LG4X): first line `BE/eV,<name>`, then
 * `energy,intensity` rows. Intensity unit is not stated (counts per second in MultiPak by default).
 */
import { decodeText, Float64Builder, FormatError, LineReader, quantityColumn, type ParseContext, type ParseResult } from '@echemkit/core';

/** Parses a PHI CSV export. */
export function parsePhiCsv(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const L = new LineReader(text);
  const head = L.next() ?? '';
  const [xh = '', yh = ''] = head.split(',');
  if (!/^BE\/eV$/i.test(xh.trim())) throw new FormatError('not a PHI CSV export', { format: ctx.format, line: 1, expected: 'BE/eV,<name>', actual: head.slice(0, 40) });
  const x = new Float64Builder();
  const y = new Float64Builder();
  let line: string | null;
  while ((line = L.next()) !== null) {
    if (!line.trim()) continue;
    const [a = '', b = ''] = line.split(',');
    const xa = Number(a);
    const yb = Number(b);
    if (a.trim() === '' || b.trim() === '' || Number.isNaN(xa) || Number.isNaN(yb)) {
      throw new FormatError('a row is not "energy,intensity"', { format: ctx.format, line: L.line, actual: line.slice(0, 40) });
    }
    x.push(xa);
    y.push(yb);
  }
  const name = yh.trim();
  return {
    measurements: [
      {
        name: name || 'spectrum',
        kind: 'spectrum',
        technique: { name: 'XPS', vendorName: null },
        startTime: null,
        settings: {},
        metadata: { region: name.replace(/^In/, ''), header: head },
        columns: [
          quantityColumn('binding_energy_electronvolt', x.finish(), { sourceName: 'BE', sourceUnit: 'eV' }),
          quantityColumn('intensity_arbitrary', y.finish(), { sourceName: name, sourceUnit: null }),
        ],
      },
    ],
  };
}
