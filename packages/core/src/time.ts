/** Date and time helpers: OLE Automation dates, local wall-clock ISO strings, UTC. */
import type { StartTime } from './types.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 text of the broken-down UTC fields of `ms` (milliseconds since the epoch) without zone. */
function isoFields(ms: number, fractionDigits: number): string {
  const d = new Date(ms);
  let s = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (fractionDigits > 0) s += '.' + pad(d.getUTCMilliseconds(), 3).slice(0, fractionDigits);
  return s;
}

/** Milliseconds of the OLE Automation epoch (1899-12-30T00:00) as if it were UTC. */
const OLE_EPOCH_MS = Date.UTC(1899, 11, 30);

/** OLE Automation date (days since 1899-12-30, fraction = time of day) → wall-clock milliseconds (as if UTC). */
export function oleDateToWallMs(days: number): number {
  return Math.round(OLE_EPOCH_MS + days * 86400000);
}

/**
 * A local wall-clock start time (no zone in the file).
 * @param wallMs wall-clock milliseconds as if they were UTC
 */
export function localStartTime(wallMs: number, raw: string | null = null): StartTime {
  return { value: isoFields(wallMs, 3), zone: 'assumed-local', raw };
}

/** A start time stored as UTC (Unix time) by the file. */
export function utcStartTime(unixMs: number, raw: string | null = null, zone: StartTime['zone'] = 'stated'): StartTime {
  return { value: `${isoFields(unixMs, 3)}Z`, zone, raw };
}

/** A start time with an explicit offset in minutes east of UTC, as stated by the file. */
export function offsetStartTime(wallMs: number, offsetMinutes: number, raw: string | null = null): StartTime {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return { value: `${isoFields(wallMs, 3)}${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`, zone: 'stated', raw };
}

/**
 * Wall-clock milliseconds (as if UTC) from date-time fields; returns NaN when a field is out of range.
 */
export function wallMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return NaN;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(t);
  if (d.getUTCDate() !== day && hour < 24) return NaN;
  return t;
}
