import { shiftDecimal } from '@echemkit/core';
import { describe, expect, it } from 'vitest';
import { parseNumberRange } from '@echemkit/core';
import { parseClockRange, parseLandDuration } from '../src/export/time-text.js';
import { lcg } from './helpers.js';

const reference = (s: string, e: number) => {
  const t = s.trim();
  if (t === '') return NaN;
  return shiftDecimal(Number(t), e);
};

describe('in-place cell parsers equal their string references', () => {
  it('parseNumberRange(text, e) === shiftDecimal(Number(text), e) on 200 000 random decimals', () => {
    const r = lcg(99);
    for (let n = 0; n < 200_000; n++) {
      let t = r() < 0.3 ? '-' : '';
      const intDigits = Math.floor(r() * 6);
      for (let k = 0; k < intDigits; k++) t += Math.floor(r() * 10);
      t += '.';
      for (let k = 0; k < 1 + Math.floor(r() * 7); k++) t += Math.floor(r() * 10);
      if (r() < 0.2) t += `E${Math.floor(r() * 9) - 4}`;
      const e = [0, -3, -6, 3][n % 4]!;
      const got = parseNumberRange(`\t${t}\t`, 1, 1 + t.length, e);
      const want = reference(t, e);
      if (!Object.is(got, want)) expect(got, `${t} e${e}`).toBe(want);
    }
    for (const f of ['', ' ', 'abc', '1e', '0.25', '-0.0000', '12345678901234567', 'Infinity']) {
      expect(Object.is(parseNumberRange(f, 0, f.length, -3), reference(f, -3)), f).toBe(true);
    }
  });

  it('parseClockRange === parseLandDuration on clock texts', () => {
    const r = lcg(7);
    const fixed = ['0:00:00', '1:00:00.5', '1-02:03:04', '1d02:03:04', '1 天 02:03:04', '100:00:00', '0:60:00', '0:00:60', '1:2:3', '::', '1:00', '1-', ' 2:03:04.250 ', '12:34:56.789', '0:00:00.', '0:00:00.5x', '0:00:01.-5'];
    for (const f of fixed) expect(Object.is(parseClockRange(f, 0, f.length), parseLandDuration(f)), f).toBe(true);
    for (let n = 0; n < 50_000; n++) {
      const d = r() < 0.3 ? `${Math.floor(r() * 40)}-` : '';
      const t = `${d}${Math.floor(r() * 200)}:${String(Math.floor(r() * 60)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}${r() < 0.5 ? `.${Math.floor(r() * 1000)}` : ''}`;
      const got = parseClockRange(t, 0, t.length);
      if (!Object.is(got, parseLandDuration(t))) expect(got, t).toBe(parseLandDuration(t));
    }
  });
});
