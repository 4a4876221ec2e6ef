import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks } from 'echemkit';

describe('SVG charts', () => {
  it('chooses nice ticks', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(2.9, 3.7)).toEqual([3, 3.2, 3.4, 3.6]);
  });

  it('maps data to the plot box: the first point of y = x sits at the lower left, the last at the upper right', () => {
    const svg = lineChart([{ label: 'a', x: [0, 1], y: [0, 1] }], { width: 200, height: 100 });
    const d = /<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"/.exec(svg)!;
    const [x0, y0, x1, y1] = d.slice(1).map(Number);
    expect(x1! > x0!).toBe(true);
    expect(y1! < y0!).toBe(true);
    expect(svg).toContain('>a</text>');
  });

  it('breaks lines at missing values and escapes labels', () => {
    const svg = lineChart([{ label: '<I>', x: [0, 1, 2, 3], y: [0, NaN, 2, 3] }], { xLabel: 'I / A & V' });
    expect((svg.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain('&lt;I&gt;');
    expect(svg).toContain('I / A &amp; V');
  });
});
