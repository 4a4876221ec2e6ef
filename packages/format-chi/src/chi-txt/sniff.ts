/** Content sniffing for CHI text exports (no magic number: date line, preamble keys, column header). */
import { headLines, type FormatDescriptor } from '@echemkit/core';
import { parseChiDateLine } from './date-line.js';
import { isColumnHeaderLine } from './header.js';

/**
 * Confidence that `head` is a CHI text export.
 * @example
 * sniffChiText(new TextEncoder().encode('Feb. 20, 2020   15:55:08\nA.C. Impedance\n...')); // 0.95 with a CHI header
 */
export function sniffChiText(head: Uint8Array): number {
  if (head.length < 16) return 0;
  for (let i = 0; i < Math.min(head.length, 512); i++) if (head[i] === 0) return 0;
  const lines = headLines(head, 80);
  const dated = parseChiDateLine(lines[0] ?? '') !== undefined;
  let model = false;
  let params = 0;
  let columnHeader = false;
  for (const l of lines) {
    const t = l.trim();
    if (/^Instrument Model:\s*CHI/i.test(t)) model = true;
    else if (/^[A-Za-z][^=,]{0,40}=\s*\S/.test(t)) params++;
    else if (isColumnHeaderLine(t)) {
      columnHeader = true;
      break;
    }
  }
  if (dated && model && columnHeader) return 0.95;
  if (dated && model) return 0.9; // header beyond the sniff window
  if (dated && columnHeader && params > 0) return 0.85;
  if (columnHeader && params >= 2 && /(^|\n)(Potential\/V|Freq\/Hz|Time\/sec)/.test(lines.join('\n'))) return 0.6;
  return 0;
}

/** What a registry needs of `chi.txt` without its parser (shared by `chiTextPlugin` and the lazy plugin). */
export const chiTextFormat: FormatDescriptor = {
  id: 'chi.txt',
  name: 'CH Instruments text export (.txt)',
  extensions: ['.txt', '.csv'],
  binary: false,
  sniff: sniffChiText,
};
