/**
 * CasaXPS processing stored in VAMAS block comments: `CASA region (*name*) (*background*) …`
 * and `CASA comp (*name*) (*lineshape*) Area v lo hi link … MFWHM … Position …` lines.
 * Parsed into plain objects so the fit can be reproduced; the raw lines are kept too.
 */

/** A CasaXPS quantification region as stored in the comment. */
export interface CasaRegion {
  name: string;
  background: string;
  /** Region start and end on the file's abscissa (kinetic energy in CasaXPS files). */
  start: number;
  end: number;
  rsf: number;
  /** Remaining numeric and text tokens in file order. */
  rest: string[];
  raw: string;
}

/** One parameter of a component: value, lower and upper bound, link fields. */
export interface CasaParameter {
  value: number;
  min: number;
  max: number;
  links: string[];
}

/** A CasaXPS component (peak) as stored in the comment. */
export interface CasaComponent {
  name: string;
  lineshape: string;
  area: CasaParameter | null;
  fwhm: CasaParameter | null;
  /** Position on the file's abscissa (kinetic energy in CasaXPS files). */
  position: CasaParameter | null;
  rsf: number | null;
  mass: number | null;
  index: number | null;
  raw: string;
}

/** Splits a CASA line into tokens; `(*…*)` groups are single tokens (without the markers). */
function tokens(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && line[i] === ' ') i++;
    if (i >= n) break;
    if (line.startsWith('(*', i)) {
      const end = line.indexOf('*)', i + 2);
      const stop = end === -1 ? n : end;
      out.push(line.slice(i + 2, stop));
      i = end === -1 ? n : end + 2;
    } else {
      let j = i;
      while (j < n && line[j] !== ' ') j++;
      out.push(line.slice(i, j));
      i = j;
    }
  }
  return out;
}

/** Parses `CASA region …`; null when the line is not one. */
export function parseCasaRegion(line: string): CasaRegion | null {
  if (!line.startsWith('CASA region')) return null;
  const t = tokens(line.slice('CASA region'.length));
  return { name: t[0] ?? '', background: t[1] ?? '', start: Number(t[2]), end: Number(t[3]), rsf: Number(t[4]), rest: t.slice(5), raw: line };
}

function param(t: string[], key: string): CasaParameter | null {
  const i = t.indexOf(key);
  if (i < 0) return null;
  // Value, min, max, then two link fields (CasaXPS writes `-1 1` for "not linked").
  return { value: Number(t[i + 1]), min: Number(t[i + 2]), max: Number(t[i + 3]), links: [t[i + 4] ?? '', t[i + 5] ?? ''] };
}

function single(t: string[], key: string): number | null {
  const i = t.indexOf(key);
  if (i < 0 || i + 1 >= t.length) return null;
  const v = Number(t[i + 1]);
  return Number.isFinite(v) ? v : null;
}

/** Parses `CASA comp …`; null when the line is not one. */
export function parseCasaComponent(line: string): CasaComponent | null {
  if (!line.startsWith('CASA comp')) return null;
  const t = tokens(line.slice('CASA comp'.length));
  return {
    name: t[0] ?? '',
    lineshape: t[1] ?? '',
    area: param(t, 'Area'),
    fwhm: param(t, 'MFWHM'),
    position: param(t, 'Position'),
    rsf: single(t, 'RSF'),
    mass: single(t, 'MASS'),
    index: single(t, 'INDEX'),
    raw: line,
  };
}

/** CasaXPS regions and components found in comment lines (empty arrays when none). */
export function casaProcessing(comments: readonly string[]): { regions: CasaRegion[]; components: CasaComponent[] } {
  const regions: CasaRegion[] = [];
  const components: CasaComponent[] = [];
  for (const c of comments) {
    const r = parseCasaRegion(c);
    if (r) regions.push(r);
    const k = parseCasaComponent(c);
    if (k) components.push(k);
  }
  return { regions, components };
}

/** `key : value` / `key: value` / `key = value` comment lines as an object (later keys repeat as arrays). */
export function keyValueComments(comments: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const c of comments) {
    const m = /^\s*([^:=]{1,80}?)\s*[:=]\s*(.*)$/.exec(c);
    if (!m || c.startsWith('CASA ')) continue;
    const k = m[1]!.trim();
    const v = m[2]!.trim();
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[k] = [prev, v];
  }
  return out;
}
