/**
 * XPS line shapes with the CasaXPS definitions (docs/analysis.md §6.3): Gaussian–Lorentzian
 * sum (SGL/GLS) and product (GL/GLP); centre E0, width parameter F, Lorentzian fraction m ∈ [0, 1].
 */

const LN2x4 = 4 * Math.LN2;

/** Line-shape family: `GLS` = CasaXPS SGL(p) (sum), `GLP` = CasaXPS GL(p) (product). */
export type LineShape = 'GLS' | 'GLP';

/**
 * Unit-height Gaussian–Lorentzian sum: (1 − m)·exp(−4 ln2 (x−E0)²/F²) + m/(1 + 4(x−E0)²/F²).
 * @example
 * gls(285, 285, 1.2, 0.3); // 1
 */
export function gls(x: number, e0: number, f: number, m: number): number {
  const u = (x - e0) / f;
  const u2 = u * u;
  return (1 - m) * Math.exp(-LN2x4 * u2) + m / (1 + 4 * u2);
}

/**
 * Unit-height Gaussian–Lorentzian product: exp(−4 ln2 (1 − m)(x−E0)²/F²) / (1 + 4m(x−E0)²/F²).
 * @example
 * glp(285.6, 285, 1.2, 0); // 0.5 (F is the FWHM when m = 0)
 */
export function glp(x: number, e0: number, f: number, m: number): number {
  const u = (x - e0) / f;
  const u2 = u * u;
  return Math.exp(-LN2x4 * (1 - m) * u2) / (1 + 4 * m * u2);
}

/** The unit-height shape function of a family. */
export function shapeFunction(shape: LineShape): (x: number, e0: number, f: number, m: number) => number {
  return shape === 'GLS' ? gls : glp;
}

const glpAreaCache = new Map<number, number>();

/**
 * Area of a unit-height, unit-F peak. GLS in closed form; GLP by Simpson's rule after the
 * substitution u = tan θ / (2√m), which maps the Lorentzian tails onto a finite interval.
 * @example
 * unitArea('GLS', 0); // 1.0644670194… = √(π / (4 ln 2))
 * unitArea('GLP', 0.3); // 1.041987…
 */
export function unitArea(shape: LineShape, m: number): number {
  if (shape === 'GLS') return (1 - m) * Math.sqrt(Math.PI / LN2x4) + (m * Math.PI) / 2;
  if (m <= 0) return Math.sqrt(Math.PI / LN2x4);
  if (m >= 1) return Math.PI / 2;
  const key = Math.round(m * 1e12) / 1e12;
  const hit = glpAreaCache.get(key);
  if (hit !== undefined) return hit;
  const n = 4000; // even
  const a = -Math.PI / 2;
  const h = Math.PI / n;
  const k = (LN2x4 * (1 - m)) / (4 * m);
  let s = 0;
  for (let i = 1; i < n; i++) {
    const t = Math.tan(a + i * h);
    s += (i % 2 ? 4 : 2) * Math.exp(-k * t * t);
  }
  const area = ((h / 3) * s) / (2 * Math.sqrt(m)); // the end points contribute 0
  glpAreaCache.set(key, area);
  return area;
}

/**
 * True full width at half maximum of a shape with width parameter F (equal to F for GLS, and for
 * GLP when m is 0 or 1; 0.9614·F for GL(30)).
 * @example
 * trueFwhm('GLP', 1, 0.3); // 0.9614…
 */
export function trueFwhm(shape: LineShape, f: number, m: number): number {
  if (shape === 'GLS' || m <= 0 || m >= 1) return f;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (glp(mid, 0, 1, m) > 0.5) lo = mid;
    else hi = mid;
  }
  return 2 * f * ((lo + hi) / 2);
}

/** Parses a CasaXPS line-shape name: `GL(30)` → GLP m 0.3, `SGL(30)` → GLS m 0.3; null for others (LF, LA …). */
export function parseCasaLineShape(name: string): { shape: LineShape; m: number } | null {
  const g = /^(S?GL)\((\d+(?:\.\d+)?)\)$/.exec(name.trim());
  if (!g) return null;
  return { shape: g[1] === 'SGL' ? 'GLS' : 'GLP', m: Number(g[2]) / 100 };
}
