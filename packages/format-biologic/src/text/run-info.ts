/**
 * Software, instrument, channel and sample facts from the `key : value` header of EC-Lab /
 * BT-Lab text files (`.mpt`, `.mpl`, `.mps`).
 */
import { shiftDecimal, type Instrument, type NameVersion, type Sample } from '@echemkit/core';
import type { HeaderBlock, HeaderValue } from './header.js';
import { numberWithUnit } from './numbers.js';

/** The first text value of a header key (repeated keys: the first). */
export function headerText(block: HeaderBlock, key: string): string | undefined {
  const v: HeaderValue | undefined = block[key];
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return (v as (string | HeaderBlock)[]).find((x): x is string => typeof x === 'string');
  return undefined;
}

/** `EC-Lab for windows v11.43 (software)` → { name: 'EC-Lab', version: '11.43' }. */
export function softwareOf(block: HeaderBlock): NameVersion | undefined {
  for (const key of Object.keys(block)) {
    const m = /^(EC-Lab|BT-Lab)\b.*?\bv(\d+(?:\.\d+)*)\s*\(software\)\s*$/i.exec(key);
    if (m) return { name: /^bt/i.test(m[1]!) ? 'BT-Lab' : 'EC-Lab', version: m[2]! };
  }
  return undefined;
}

/** `Device : VSP (SN 1705)` → model VSP, serial 1705. */
export function instrumentOf(block: HeaderBlock): Instrument | undefined {
  const dev = headerText(block, 'Device');
  if (dev === undefined) return undefined;
  const m = /^(.*?)\s*(?:\(SN\s*([^)]*)\))?\s*$/.exec(dev);
  return { vendor: 'Bio-Logic', model: m?.[1] || null, serialNumber: m?.[2]?.trim() || null };
}

/** `Run on channel : 1 (SN 35699)` → '1'. */
export function channelOf(block: HeaderBlock): string | null {
  const v = headerText(block, 'Run on channel');
  if (v === undefined) return null;
  const m = /^(\S+)/.exec(v.trim());
  return m ? m[1]! : null;
}

const MASS_EXP: Record<string, number> = { g: 0, mg: -3, 'µg': -6, 'μg': -6, ug: -6, kg: 3 };
const CAPACITY_EXP: Record<string, number> = { 'A.h': 0, Ah: 0, 'mA.h': -3, mAh: -3, 'µA.h': -6, 'μA.h': -6, 'uA.h': -6, 'nA.h': -9 };

function scaled(value: string | undefined, exps: Record<string, number>, decimal: '.' | ','): number | null {
  if (value === undefined) return null;
  const n = numberWithUnit(value, decimal);
  if (!n) return null;
  const e = exps[n.unit];
  return e === undefined ? null : shiftDecimal(n.value, e);
}

/**
 * Sample facts: active mass (g), electrode area (cm²), battery capacity (Ah), comments.
 * Decimal commas follow the file's separator.
 */
export function sampleOf(block: HeaderBlock, decimal: '.' | ','): Sample | undefined {
  const sample: Sample = {};
  const mass = scaled(headerText(block, 'Mass of active material'), MASS_EXP, decimal);
  if (mass !== null) sample.activeMassGram = mass;
  const areaText = headerText(block, 'Electrode surface area');
  if (areaText !== undefined) {
    const n = numberWithUnit(areaText, decimal);
    // The unit is cm² (0xB2 in Windows-1252); mm² is not seen but converted if it appears.
    if (n && /^cm/.test(n.unit)) sample.electrodeAreaSquareCentimetre = n.value;
    else if (n && /^mm/.test(n.unit)) sample.electrodeAreaSquareCentimetre = shiftDecimal(n.value, -2);
  }
  const cap = scaled(headerText(block, 'Battery capacity'), CAPACITY_EXP, decimal);
  if (cap !== null) sample.nominalCapacityAh = cap;
  const c = block['Comments'];
  const comments = (Array.isArray(c) ? c : [c]).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  if (comments.length) sample.comments = comments.join('\n');
  return Object.keys(sample).length ? sample : undefined;
}
