/** The ASCII header of PHI MultiPak files (`SOFH` … `EOFH`) and its spectral-region definitions. */
import { decodeWindows1252, FormatError, TruncatedError } from '@echemkit/core';

/** Header keys in file order; repeated keys keep every value. */
export type PhiHeader = Map<string, string[]>;

/** One `SpectralRegDef` line: a stored region. */
export interface PhiRegion {
  number: number;
  group: number;
  name: string;
  atomicNumber: number;
  points: number;
  step: number;
  start: number;
  end: number;
  /** Texts of start and step, to round the axis like MultiPak does. */
  startText: string;
  stepText: string;
  extra: [number, number];
  dwellTimeSecond: number;
  passEnergyElectronvolt: number;
  description: string;
  raw: string;
}

/** Finds `EOFH` and the first byte after its line break. */
export function headerEnd(bytes: Uint8Array, format: string): { headerEnd: number; dataStart: number } {
  const limit = bytes.length;
  for (let i = 0; i + 4 <= limit; i++) {
    // EOFH at the start of a line.
    if (bytes[i] === 0x45 && bytes[i + 1] === 0x4f && bytes[i + 2] === 0x46 && bytes[i + 3] === 0x48 && (i === 0 || bytes[i - 1] === 0x0a)) {
      let j = i + 4;
      if (bytes[j] === 0x0d) j++;
      if (bytes[j] === 0x0a) j++;
      return { headerEnd: i, dataStart: j };
    }
  }
  throw new TruncatedError('the ASCII header has no EOFH line', { format, offset: bytes.length, expected: 'a line EOFH ending the header' });
}

/** Parses `Key: value` lines (split at the first colon; values trimmed). */
export function parseHeaderText(text: string): PhiHeader {
  const h: PhiHeader = new Map();
  for (const line of text.split(/\r\n|\n|\r/)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    const k = line.slice(0, at).trim();
    const v = line.slice(at + 1).trim();
    const list = h.get(k);
    if (list) list.push(v);
    else h.set(k, [v]);
  }
  return h;
}

/** Reads the header bytes [0, headerEnd) as Latin-1/Windows-1252. */
export function readHeader(bytes: Uint8Array, format: string): { header: PhiHeader; dataStart: number } {
  if (!(bytes[0] === 0x53 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x48)) {
    throw new FormatError('not a PHI MultiPak file', { format, offset: 0, expected: 'SOFH', actual: JSON.stringify(decodeWindows1252(bytes.subarray(0, 4))) });
  }
  const { headerEnd: end, dataStart } = headerEnd(bytes, format);
  return { header: parseHeaderText(decodeWindows1252(bytes.subarray(0, end))), dataStart };
}

/** First value of a key. */
export function first(h: PhiHeader, key: string): string | undefined {
  return h.get(key)?.[0];
}

/** Parses a `SpectralRegDef` value. */
export function parseRegion(value: string, format: string): PhiRegion {
  const t = value.trim().split(/\s+/);
  const n = (i: number) => Number(t[i]);
  // The name may contain a space (`Cu LMM` in SpectralRegDefFull); 13 tokens is the normal count.
  const extraName = t.length > 13 ? t.length - 13 : 0;
  const name = t.slice(2, 3 + extraName).join(' ');
  const o = extraName;
  const r: PhiRegion = {
    number: n(0),
    group: n(1),
    name,
    atomicNumber: n(3 + o),
    points: n(4 + o),
    step: n(5 + o),
    start: n(6 + o),
    end: n(7 + o),
    startText: t[6 + o] ?? '',
    stepText: t[5 + o] ?? '',
    extra: [n(8 + o), n(9 + o)],
    dwellTimeSecond: n(10 + o),
    passEnergyElectronvolt: n(11 + o),
    description: t.slice(12 + o).join(' '),
    raw: value,
  };
  if (!Number.isInteger(r.number) || !Number.isInteger(r.points) || r.points < 0 || !Number.isFinite(r.start) || !Number.isFinite(r.step)) {
    throw new FormatError('a SpectralRegDef line cannot be read', { format, expected: 'number group name Z points step start end … dwell passEnergy description', actual: value.slice(0, 120) });
  }
  return r;
}

/** Per-region lines of a keyed family (`SpectralRegDef2`, `SpectralRegBackground` …) by region number. */
export function regionLines(h: PhiHeader, key: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const v of h.get(key) ?? []) {
    const n = Number(v.trim().split(/\s+/)[0]);
    if (Number.isInteger(n) && !out.has(n)) out.set(n, v);
  }
  return out;
}

/** Header as a plain settings object (single values as strings, repeated keys as arrays). */
export function headerSettings(h: PhiHeader): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of h) out[k] = v.length === 1 ? v[0]! : v;
  return out;
}

/** Source energy from `XraySource: Al 1486.6 mono`. */
export function sourceEnergy(h: PhiHeader): number | null {
  const m = /(\d+(?:\.\d+)?)/.exec(first(h, 'XraySource') ?? '');
  return m ? Number(m[1]) : null;
}
