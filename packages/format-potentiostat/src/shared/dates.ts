/** Local wall-clock dates as the instrument programs write them (no zone in any of these files). */
import { localStartTime, wallMs, type StartTime } from '@echemkit/core';

/** Fields of a time of day `HH:MM[:SS[.fff]]` with optional AM/PM; undefined when not a time. */
export function parseTimeOfDay(s: string): { h: number; m: number; sec: number; ms: number } | undefined {
  const t = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3}))?)?\s*([AaPp][Mm])?\s*$/.exec(s);
  if (!t) return undefined;
  let h = Number(t[1]);
  const ampm = t[5]?.toUpperCase();
  if (ampm === 'PM' && h < 12) h += 12;
  if (ampm === 'AM' && h === 12) h = 0;
  return { h, m: Number(t[2]), sec: Number(t[3] ?? 0), ms: Number((t[4] ?? '0').padEnd(3, '0')) };
}

/**
 * A numeric date `a/b/yyyy`, `a.b.yyyy` or `a-b-yyyy`. `order` says which field is the month
 * when both are ≤ 12: 'mdy' (US, Gamry and ZPlot default) or 'dmy'. A first field > 12
 * forces day-month; a dot separator means day.month (German locale).
 */
export function parseNumericDate(s: string, order: 'mdy' | 'dmy'): { y: number; mo: number; d: number; ambiguous: boolean } | undefined {
  const t = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})\s*$/.exec(s);
  if (!t) return undefined;
  const a = Number(t[1]);
  const b = Number(t[3]);
  let y = Number(t[4]);
  if (t[4]!.length === 2) y += y < 70 ? 2000 : 1900;
  let dmy = order === 'dmy';
  let ambiguous = a <= 12 && b <= 12 && a !== b;
  if (t[2] === '.') {
    dmy = true;
    ambiguous = false;
  } else if (a > 12) {
    dmy = true;
    ambiguous = false;
  } else if (b > 12) {
    dmy = false;
    ambiguous = false;
  }
  return dmy ? { y, mo: b, d: a, ambiguous } : { y, mo: a, d: b, ambiguous };
}

/** A local start time from a date and a time text, or null when they do not parse. */
export function localDateTime(date: string, time: string, order: 'mdy' | 'dmy'): { start: StartTime; ambiguous: boolean } | null {
  const d = parseNumericDate(date, order);
  const t = parseTimeOfDay(time);
  if (!d || !t) return null;
  const ms = wallMs(d.y, d.mo, d.d, t.h, t.m, t.sec, t.ms);
  if (Number.isNaN(ms)) return null;
  return { start: localStartTime(ms, `${date.trim()} ${time.trim()}`), ambiguous: d.ambiguous };
}
