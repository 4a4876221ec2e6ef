/**
 * The `VMP Set` module: technique ID, sample fields (comments, masses, electrode, electrolyte,
 * area, reference electrode, battery capacity) and the technique parameter block. The block's
 * per-technique field layouts are not decoded: its dimensions are given and the whole module is
 * kept verbatim as hex.
 */
import type { ParseContext } from '@echemkit/core';
import { f32, hex, pascal, shortF32, u16, u8 } from './fields.js';
import type { MprModule } from './modules.js';
import { TECHNIQUES } from './techniques.js';

export interface TechniqueParameterBlock {
  /** Offset inside the Set module data. */
  offset: number;
  /** Number of sequences (Ns rows). */
  sequences: number;
  /** Number of parameters per sequence. */
  parametersPerSequence: number;
  /** Offset of the packed values (after the two counts) in `moduleHex`; types per technique are not decoded. */
  valuesOffset: number;
}

export interface SetInfo {
  techniqueId: number | null;
  techniqueShort: string | null;
  techniqueName: string | null;
  comments: string | null;
  activeMaterialMass: number | null;
  atX: number | null;
  molecularWeight: number | null;
  atomicWeight: number | null;
  acquisitionStartX0: number | null;
  electronsTransferred: number | null;
  electrodeMaterial: string | null;
  electrolyte: string | null;
  /** Electrode surface area in the unit EC-Lab displays (see `electrodeSurfaceAreaUnit`). */
  electrodeSurfaceArea: number | null;
  /** Unit of the area (byte 0x250: 2 cm², 3 mm² in the corpus), null when the code is unknown. */
  electrodeSurfaceAreaUnit: string | null;
  electrodeSurfaceAreaUnitCode: number | null;
  referenceElectrode: string | null;
  characteristicMass: number | null;
  /** Unit of the characteristic mass (byte 0x251: 1 g, 2 mg in the corpus). */
  characteristicMassUnit: string | null;
  /** Battery capacity in mA·h (0: not set). */
  batteryCapacity: number | null;
  /** Unit EC-Lab displays the capacity in: 0 A·h, 1 mA·h, 2 µA·h (corpus: geis, mb.issue_95, gcpl.issue_226). */
  batteryCapacityUnit: number | null;
  parameters: TechniqueParameterBlock | null;
  /** The whole module verbatim (hex), so fields not decoded here are kept. */
  moduleHex: string;
}

/**
 * Display units of the sample fields, stored as codes after the characteristic mass. Derived
 * from the corpus pairs (the `.mpt` prints value and unit): area 2 → cm² (26 files),
 * 3 → mm² (gcpl.issue_226, peis.issue_225); characteristic mass 1 → g, 2 → mg.
 */
const AREA_UNITS: Record<number, string> = { 2: 'cm²', 3: 'mm²' };
const MASS_UNITS: Record<number, string> = { 1: 'g', 2: 'mg' };

/** Candidate offsets of the parameter block (yadg). */
const PARAM_OFFSETS = [0x572, 0x1845, 0x1846, 0x1847];

/**
 * Picks the parameter block whose counts are plausible and fit in the module. The smallest
 * parameter count that is still ≥ 1 wins when several fit (the wrong offsets read bytes
 * shifted by one, which gives counts multiplied by 256).
 */
function findParameterBlock(d: Uint8Array): TechniqueParameterBlock | null {
  let best: { o: number; ns: number; np: number } | null = null;
  for (const o of PARAM_OFFSETS) {
    const ns = u16(d, o);
    const np = u16(d, o + 2);
    if (ns === null || np === null) continue;
    if (ns < 1 || ns > 1000 || np < 1 || np > 255) continue;
    if (o + 4 + ns * np > d.length) continue;
    if (!best || np < best.np) best = { o, ns, np };
  }
  if (!best) return null;
  return { offset: best.o, sequences: best.ns, parametersPerSequence: best.np, valuesOffset: best.o + 4 };
}

/**
 * Reads the settings module.
 * @example
 * const s = readSetModule(setModule, ctx);
 * s.techniqueShort; // 'GCPL'
 */
export function readSetModule(mod: MprModule, ctx: ParseContext): SetInfo {
  const d = mod.data;
  const techniqueId = u8(d, 0);
  const t = techniqueId === null ? undefined : TECHNIQUES.get(techniqueId);
  if (techniqueId !== null && !t) ctx.info(`technique ID 0x${techniqueId.toString(16)} is not in the table`, { ruleId: 'unknown-technique', offset: mod.dataOffset });
  return {
    techniqueId,
    techniqueShort: t?.short ?? null,
    techniqueName: t?.name ?? null,
    comments: pascal(d, 0x07),
    activeMaterialMass: shortF32(f32(d, 0x107)),
    atX: shortF32(f32(d, 0x10b)),
    molecularWeight: shortF32(f32(d, 0x10f)),
    atomicWeight: shortF32(f32(d, 0x113)),
    acquisitionStartX0: shortF32(f32(d, 0x117)),
    electronsTransferred: u16(d, 0x11b),
    electrodeMaterial: pascal(d, 0x11e),
    electrolyte: pascal(d, 0x1c0),
    electrodeSurfaceArea: shortF32(f32(d, 0x211)),
    electrodeSurfaceAreaUnit: AREA_UNITS[u8(d, 0x250) ?? -1] ?? null,
    electrodeSurfaceAreaUnitCode: u8(d, 0x250),
    referenceElectrode: pascal(d, 0x215),
    characteristicMass: shortF32(f32(d, 0x24c)),
    characteristicMassUnit: MASS_UNITS[u8(d, 0x251) ?? -1] ?? null,
    batteryCapacity: shortF32(f32(d, 0x25c)),
    batteryCapacityUnit: u8(d, 0x260),
    parameters: findParameterBlock(d),
    moduleHex: hex(d),
  };
}
