/** Dates in Bio-Logic text headers (`Acquisition started on : 12/08/2022 14:36:53.355`). */
import { localStartTime, wallMs, type StartTime } from '@echemkit/core';

/**
 * Parses an EC-Lab header date. Month comes first in every observed file, whatever the PC
 * locale (docs/formats/biologic-mpt.md); separators `/`, `.` or `-`; seconds and a fraction
 * are optional. Local wall-clock time, no zone. Returns null when the text is not a date.
 * @example
 * parseBiologicDate('12/08/2022 14:36:53.355')?.value; // '2022-12-08T14:36:53.355'
 */
export function parseBiologicDate(text: string): StartTime | null {
  const raw = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*$/.exec(raw);
  if (!m) return null;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  const frac = m[7] ?? '';
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const t = wallMs(year, Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (!Number.isFinite(t)) return null;
  return localStartTime(t + ms, raw);
}
