/** Recognises a Gamry DTA file: an upper-case word on line 1 (`EXPLAIN`, `VFP600`) and `TAG<TAB>` on line 2. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** 1 for `EXPLAIN` + `TAG`, 0.9 for another upper-case first word + `TAG<TAB>`, else 0. */
export function sniffGamryDta(head: Uint8Array): number {
  const [l1, l2] = headLines(head, 3);
  if (l1 === undefined || l2 === undefined || !l2.startsWith('TAG\t')) return 0;
  if (l1.trim() === 'EXPLAIN') return 1;
  return /^[A-Z][A-Z0-9_]{2,30}$/.test(l1.trim()) ? 0.9 : 0;
}

/** What a registry needs of `gamry.dta` without its parser. */
export const gamryDtaFormat: FormatDescriptor = {
  id: 'gamry.dta',
  name: 'Gamry Framework data file (.DTA)',
  extensions: ['.dta'],
  binary: false,
  sniff: sniffGamryDta,
};
