/**
 * Minimal SVG charts (browser-safe): line/scatter series on linear or log axes with ticks,
 * labels and a legend. Used by `echemkit plot` and by analyses that draw their results.
 */

export interface Series {
  label: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** 'line' (default) joins points; 'points' draws markers. */
  style?: 'line' | 'points';
}

export interface ChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  xLog?: boolean;
  yLog?: boolean;
  /** Equal scale on both axes (Nyquist plots). */
  equalAspect?: boolean;
  /** At most this many points per series are drawn (evenly decimated, extremes kept). */
  maxPoints?: number;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "Nice" tick positions covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e5 || a < 1e-3 ? v.toExponential(1) : String(Number(v.toPrecision(6)));
}

/** Renders series as an SVG document string. */
export function lineChart(series: Series[], options: ChartOptions = {}): string {
  const W = options.width ?? 800;
  const H = options.height ?? 500;
  const m = { l: 80, r: 20, t: options.title ? 40 : 20, b: 60 };
  const maxPoints = options.maxPoints ?? 20000;
  const tx = (v: number) => (options.xLog ? Math.log10(v) : v);
  const ty = (v: number) => (options.yLog ? Math.log10(v) : v);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  const prepared = series.map((s) => {
    const n = Math.min(s.x.length, s.y.length);
    const stride = Math.max(1, Math.ceil(n / maxPoints));
    const pts: [number, number][] = [];
    for (let i = 0; i < n; i += i + stride < n ? stride : Math.max(1, n - 1 - i)) {
      const a = tx(s.x[i]!);
      const b = ty(s.y[i]!);
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        pts.push([NaN, NaN]);
        continue;
      }
      pts.push([a, b]);
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
      if (i === n - 1) break;
    }
    return { s, pts };
  });
  if (!Number.isFinite(x0)) {
    x0 = 0;
    x1 = 1;
    y0 = 0;
    y1 = 1;
  }
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  if (options.equalAspect) {
    const sx = (x1 - x0) / pw;
    const sy = (y1 - y0) / ph;
    if (sx > sy) {
      const c = (y0 + y1) / 2;
      y0 = c - (sx * ph) / 2;
      y1 = c + (sx * ph) / 2;
    } else {
      const c = (x0 + x1) / 2;
      x0 = c - (sy * pw) / 2;
      x1 = c + (sy * pw) / 2;
    }
  }
  const padX = (x1 - x0) * 0.03;
  const padY = (y1 - y0) * 0.05;
  x0 -= padX;
  x1 += padX;
  y0 -= padY;
  y1 += padY;
  const px = (v: number) => m.l + ((v - x0) / (x1 - x0)) * pw;
  const py = (v: number) => m.t + ph - ((v - y0) / (y1 - y0)) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  if (options.title) out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15">${esc(options.title)}</text>`);
  out.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  for (const t of niceTicks(x0, x1)) {
    const X = px(t).toFixed(1);
    out.push(`<line x1="${X}" y1="${m.t + ph}" x2="${X}" y2="${m.t + ph + 5}" stroke="#333"/><line x1="${X}" y1="${m.t}" x2="${X}" y2="${m.t + ph}" stroke="#eee"/>`);
    out.push(`<text x="${X}" y="${m.t + ph + 18}" text-anchor="middle">${esc(options.xLog ? `1e${fmtTick(t)}` : fmtTick(t))}</text>`);
  }
  for (const t of niceTicks(y0, y1)) {
    const Y = py(t).toFixed(1);
    out.push(`<line x1="${m.l - 5}" y1="${Y}" x2="${m.l}" y2="${Y}" stroke="#333"/><line x1="${m.l}" y1="${Y}" x2="${m.l + pw}" y2="${Y}" stroke="#eee"/>`);
    out.push(`<text x="${m.l - 8}" y="${Y}" text-anchor="end" dominant-baseline="middle">${esc(options.yLog ? `1e${fmtTick(t)}` : fmtTick(t))}</text>`);
  }
  if (options.xLabel) out.push(`<text x="${m.l + pw / 2}" y="${H - 15}" text-anchor="middle">${esc(options.xLabel)}</text>`);
  if (options.yLabel) out.push(`<text transform="translate(18 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`);
  out.push(`<g clip-path="url(#plot)"><clipPath id="plot"><rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}"/></clipPath>`);
  prepared.forEach(({ s, pts }, k) => {
    const color = COLORS[k % COLORS.length]!;
    if (s.style === 'points') {
      for (const [a, b] of pts) if (Number.isFinite(a)) out.push(`<circle cx="${px(a).toFixed(1)}" cy="${py(b).toFixed(1)}" r="2.5" fill="${color}"/>`);
    } else {
      let d = '';
      let pen = false;
      for (const [a, b] of pts) {
        if (!Number.isFinite(a)) {
          pen = false;
          continue;
        }
        d += `${pen ? 'L' : 'M'}${px(a).toFixed(1)} ${py(b).toFixed(1)}`;
        pen = true;
      }
      out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
    }
  });
  out.push('</g>');
  if (series.length > 1 || series[0]?.label) {
    series.slice(0, 12).forEach((s, k) => {
      const y = m.t + 14 + k * 16;
      out.push(`<rect x="${m.l + pw - 150}" y="${y - 9}" width="12" height="4" fill="${COLORS[k % COLORS.length]}"/><text x="${m.l + pw - 132}" y="${y - 4}" dominant-baseline="middle">${esc(s.label)}</text>`);
    });
  }
  out.push('</svg>');
  return out.join('\n');
}
