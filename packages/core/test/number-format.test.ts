import { describe, expect, it } from 'vitest';
import { formatFloat32, formatScaledFloat32, scaleFloat32Decimal, shiftDecimal } from '@echemkit/core';

/** Reference: the shortest toPrecision(p) that round-trips, by linear search. */
function bruteShortest(f: number): string {
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  throw new Error('no round trip');
}

describe('float32 shortest decimal', () => {
  it('writes 3.2f as 3.2, never 3.200000047683716', () => {
    expect(formatFloat32(Math.fround(3.2))).toBe('3.2');
    expect(formatFloat32(Math.fround(-0.1))).toBe('-0.1');
    expect(formatFloat32(Math.fround(6.8000004e-2))).toBe('0.068'); // EC-Lab prints 8 digits; 0.068 is the same float32
    expect(formatFloat32(Math.fround(1e-7))).toBe('1e-7');
    expect(formatFloat32(0)).toBe('0');
    expect(formatFloat32(16777216)).toBe('16777216');
    expect(formatFloat32(NaN)).toBe('NaN');
  });

  it('equals a brute-force shortest search and round-trips on 20 000 random float32 values', () => {
    const view = new DataView(new ArrayBuffer(4));
    let seed = 12345;
    for (let k = 0; k < 20000; k++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      view.setUint32(0, seed);
      const f = view.getFloat32(0);
      if (!Number.isFinite(f)) continue;
      const s = formatFloat32(f);
      expect(Math.fround(Number(s))).toBe(f);
      expect(Number(s)).toBe(Number(bruteShortest(f)));
      const e = -1 - (k % 9);
      const exp = bruteShortest(f);
      expect(formatScaledFloat32(f * Number(`1e${e}`), e)).toBe(String(Number(`${Number(exp).toExponential()}`.replace(/e([+-]\d+)$/, (_m, x) => `e${Number(x) + e}`))));
    }
  });

  it('shifts scaled float32 values decimally (3.4228721f mA → 0.0034228721 A)', () => {
    const f = Math.fround(3.4228721);
    expect(formatFloat32(f)).toBe('3.422872');
    expect(formatScaledFloat32(f * 1e-3, -3)).toBe('0.003422872');
    expect(scaleFloat32Decimal(f, -3)).toBe(0.003422872);
    const g = Math.fround(1.2345678);
    expect(formatFloat32(g)).toBe('1.2345678');
    expect(formatScaledFloat32(g * 1e-3, -3)).toBe('0.0012345678');
    expect(formatScaledFloat32(Math.fround(-137) * 1e-6, -6)).toBe('-0.000137');
  });

  it('shifts float64 decimals exactly', () => {
    expect(shiftDecimal(3.4228721, -3)).toBe(0.0034228721);
    expect(3.4228721 * 1e-3).not.toBe(0.0034228721); // why shiftDecimal exists
    expect(shiftDecimal(1e-7, -3)).toBe(1e-10);
    expect(shiftDecimal(0, -3)).toBe(0);
  });
});
