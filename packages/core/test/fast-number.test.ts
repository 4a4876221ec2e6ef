import { describe, expect, it } from 'vitest';
import { parseNumberRange } from '@echemkit/core';

/** The reference: what the field means to JavaScript (empty → NaN). */
const reference = (s: string) => (s.trim() === '' ? NaN : Number(s.trim()));

describe('parseNumberRange equals Number() exactly', () => {
  it('on hand-picked fields', () => {
    const fields = ['-4.214e-4', '9.961e+4', '0.000', '-0.000', '-0', '+1', '1.', '.5', '-.5', '1e', '1e+', 'e5', '.', '-', '', '  ', ' 3.2 ', '\t7\t', '1,5', '12a', 'Infinity', '-Infinity', '0x1F', '1e400', '1e-400', '123456789012345678', '0.1234567890123456789', '9007199254740993', '1.7976931348623157e308', '5e-324', '-70.3', '2e+6', '1.000e+5', '1E3', '00012', '1_0', 'NaN'];
    for (const f of fields) {
      const text = `x,${f},y`;
      expect(Object.is(parseNumberRange(text, 2, 2 + f.length), reference(f)), JSON.stringify(f)).toBe(true);
    }
  });

  it('on 200 000 random decimal texts', () => {
    let s = 12345;
    const r = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 200_000; n++) {
      const intDigits = Math.floor(r() * 8);
      const fracDigits = Math.floor(r() * 12);
      let t = r() < 0.4 ? '-' : '';
      for (let k = 0; k < intDigits; k++) t += Math.floor(r() * 10);
      if (fracDigits || intDigits === 0) {
        t += '.';
        for (let k = 0; k < Math.max(1, fracDigits); k++) t += Math.floor(r() * 10);
      }
      if (r() < 0.5) t += `e${r() < 0.5 ? '-' : '+'}${Math.floor(r() * 40)}`;
      const got = parseNumberRange(t, 0, t.length);
      if (!Object.is(got, reference(t))) expect(got, t).toBe(reference(t));
    }
  });
});
