/** Content sniffing for IONTOF SurfaceLab text exports (no magic number: vendor words plus a time/depth table). */
import { headLines, type FormatDescriptor } from '@echemkit/core';
import { detectTable } from './table.js';

/**
 * 0.8 when the head mentions IONTOF/SurfaceLab/ToF-SIMS and holds a table with a time or depth
 * column; 0 otherwise (generic CSV/TXT of other instruments must not be claimed).
 */
export function sniffIontof(head: Uint8Array): number {
  const lines = headLines(head, 120);
  const text = lines.join('\n');
  if (!/ION-?TOF|SurfaceLab|TOF\.?SIMS|ToF-SIMS/i.test(text)) return 0;
  const t = detectTable(lines);
  if (!t || !t.headerRows.length) return 0;
  const header = t.headerRows.map((i) => lines[i]!).join(' ');
  return /time|depth|scan|cycle/i.test(header) ? 0.8 : 0;
}

/** What a registry needs of `iontof.txt` without its parser. */
export const iontofTextFormat: FormatDescriptor = {
  id: 'iontof.txt',
  name: 'IONTOF SurfaceLab depth-profile text export',
  extensions: ['.txt', '.csv', '.dat', '.tsv'],
  binary: false,
  sniff: sniffIontof,
};
