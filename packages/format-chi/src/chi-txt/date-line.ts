/** The first line of a CHI text export: `Feb. 20, 2020   15:55:08` or `June 13, 2024   13:13:28`. */
import { wallMs } from '@echemkit/core';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// English month name or abbreviation (with a period), day, year, then a 24-hour time.
const DATE_LINE = /^\s*([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*$/;

/**
 * Wall-clock milliseconds (as if UTC) of a CHI date line, or undefined when the line is not one.
 * @example
 * parseChiDateLine('Feb. 20, 2020   15:55:08'); // Date.UTC(2020, 1, 20, 15, 55, 8)
 */
export function parseChiDateLine(line: string): number | undefined {
  const m = DATE_LINE.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  const t = wallMs(Number(m[3]), month + 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(t) ? undefined : t;
}
