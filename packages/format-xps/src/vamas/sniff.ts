/** Recognising VAMAS files by their first line. */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** Line 1 of every VAMAS file (ISO 14976). */
export const VAMAS_IDENTIFIER = 'VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4';

/** 1 for the VAMAS identifier line; 0.3 for a bare VAMAS comment block (count line + Kratos-style `key : value` lines). */
export function sniffVamas(head: Uint8Array): number {
  const lines = headLines(head, 12);
  if ((lines[0] ?? '').trim() === VAMAS_IDENTIFIER) return 1;
  return isCommentFragment(lines) ? 0.3 : 0;
}

/** A VAMAS comment block cut out of a file: `k`, then Kratos `Key : value` lines (e.g. `Created by : user`). */
export function isCommentFragment(lines: readonly string[]): boolean {
  const k = Number((lines[0] ?? '').trim());
  if (!Number.isInteger(k) || k < 2 || !/^\d+$/.test((lines[0] ?? '').trim())) return false;
  const kv = lines.slice(1, 12).filter((l) => /^[A-Za-z][\w .()/-]{0,40} : /.test(l)).length;
  return kv >= 3 && lines.slice(1, 12).some((l) => /^(Created by|Date created|Charge Neutraliser|Anode library|Acquisition Conditions)\b/.test(l.trim()));
}

/** What a registry needs of `vamas.vms` without its parser. */
export const vamasFormat: FormatDescriptor = {
  id: 'vamas.vms',
  name: 'VAMAS / ISO 14976 surface analysis (.vms, .npl)',
  extensions: ['.vms', '.npl'],
  binary: false,
  sniff: sniffVamas,
};
