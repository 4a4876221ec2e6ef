/** LANDdt time cells: seconds (`3600`, `3600.5`), `h:mm:ss(.fff)` or `d-hh:mm:ss(.fff)`. */

const CLOCK = /^\s*(?:(\d+)\s*[-dD天]\s*)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/;

/**
 * Seconds of a LANDdt time text, NaN when it is not one.
 * @example
 * parseLandDuration('1-02:03:04.5'); // 93784.5
 */
export function parseLandDuration(text: string): number {
  const m = CLOCK.exec(text);
  if (!m) {
    const t = text.trim();
    return t === '' ? NaN : Number(t);
  }
  const d = m[1] ? Number(m[1]) : 0;
  const h = Number(m[2]);
  const min = Number(m[3]);
  const sec = m[4]!;
  const dot = sec.indexOf('.');
  const s = Number(dot < 0 ? sec : sec.slice(0, dot));
  if (min > 59 || s >= 60) return NaN;
  // Whole seconds are exact integers; the fraction is appended as decimal text so the result is
  // the correctly rounded value of the written time (1:00:00.1 → 3600.1, not 3600 + 0.1).
  const whole = ((d * 24 + h) * 60 + min) * 60 + s;
  return dot < 0 ? whole : Number(`${whole}${sec.slice(dot)}`);
}

/** True when the text is a clock-style duration (not plain seconds). */
export function isClockDuration(text: string): boolean {
  return CLOCK.test(text);
}

const DATE_TIME = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*$/;

/** Wall-clock ms (as if UTC) of a LANDdt date-time text (`2021-03-04 10:20:30`), NaN when not one. */
export function parseLandDateTime(text: string): number {
  const m = DATE_TIME.exec(text);
  if (!m) return NaN;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : 0, ms);
  const d = new Date(t);
  return d.getUTCDate() === Number(m[3]) ? t : NaN;
}

/**
 * Seconds of the clock duration `text[start, end)` (`h:mm:ss(.fff)`, `d-hh:mm:ss`), parsed in
 * place; NaN when it is not one. Same result as parseLandDuration on the slice.
 */
export function parseClockRange(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  let j = end;
  while (j > i && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
  // Fields: [days-]hours:minutes:seconds[.fraction]
  const nums = [0, 0, 0, 0];
  let field = 0;
  let digits = 0;
  let days = -1;
  let c = 0;
  for (; i < j; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      nums[field] = nums[field]! * 10 + (c - 48);
      if (++digits > 9) return NaN;
    } else if (c === 58 && field < 2 && digits > 0) {
      field++;
      digits = 0;
    } else if ((c === 45 || c === 100 || c === 68) && field === 0 && days < 0 && digits > 0) {
      days = nums[0]!;
      nums[0] = 0;
      digits = 0;
      while (i + 1 < j && text.charCodeAt(i + 1) === 32) i++;
    } else if (c === 46 && field === 2 && digits > 0) break;
    else return parseLandDuration(text.slice(start, end));
  }
  if (field !== 2 || digits === 0 || digits > 2 || nums[1]! > 59 || nums[2]! > 59) return parseLandDuration(text.slice(start, end));
  const whole = (((days < 0 ? 0 : days) * 24 + nums[0]!) * 60 + nums[1]!) * 60 + nums[2]!;
  if (i >= j) return whole;
  // A fraction of a second (digits after the dot), appended as decimal text (see parseLandDuration).
  if (j - i < 2) return NaN;
  for (let k = i + 1; k < j; k++) {
    c = text.charCodeAt(k);
    if (c < 48 || c > 57) return NaN;
  }
  return Number(`${whole}${text.slice(i, j)}`);
}
