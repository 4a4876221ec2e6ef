/**
 * `.mpr` → ParseResult: reads the modules, decodes settings, LOG, loop, ExtDev and data,
 * then hands the raw columns (keyed by `.mpt` name) to the shared Bio-Logic column layer so
 * `.mpr` and `.mpt` give the same document.
 */
import { bytesSource, FormatError, localStartTime, shiftDecimal, type ByteSource, type Column, type ParseContext, type ParseResult } from '@echemkit/core';
import { biologicColumn } from '../columns.js';
import { settingsFromSibling } from '../mps/sibling.js';
import { buildBiologicMeasurements } from '../measurements.js';
import { readDataModule, type DataModuleResult } from './data-module.js';
import { readLogModule, type LogInfo } from './log-module.js';
import { readModules, type MprModule } from './modules.js';
import type { RawMprColumn } from './records.js';
import { readSetModule, type SetInfo } from './settings-module.js';
import { readExtDevModule, readLoopModule, type ExtDevInput } from './small-modules.js';

/** Everything decoded from a `.mpr`, before it becomes schema columns. */
export interface DecodedMpr {
  modules: Omit<MprModule, 'data' | 'source'>[];
  set: SetInfo | null;
  log: LogInfo | null;
  loops: number[] | null;
  extDev: ReturnType<typeof readExtDevModule> | null;
  data: DataModuleResult;
}

function single(mods: MprModule[], name: string, ctx: ParseContext): MprModule | undefined {
  const found = mods.filter((m) => m.shortName === name);
  if (found.length > 1) ctx.warn(`${found.length} "${name}" modules; the first is used`, { ruleId: 'duplicate-module', offset: found[1]!.offset });
  return found[0];
}

/**
 * Decodes the modules of a `.mpr` into raw typed arrays keyed by `.mpt` column name.
 * @example
 * const d = decodeMpr(bytes, ctx);
 * d.data.columns.find((c) => c.name === 'Ewe/V')!.values; // Float32Array
 */
export function decodeMpr(input: Uint8Array | ByteSource, ctx: ParseContext): DecodedMpr {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  const mods = readModules(source, ctx.format, (m, offset, note) => {
    ctx.warn(`truncated file: ${note}`, { ruleId: 'truncated-module', offset, expected: m ? `${m.declaredLength} bytes` : undefined, actual: m ? `${m.present}` : undefined });
  });
  const known = new Set(['VMP Set', 'VMP data', 'VMP LOG', 'VMP loop', 'VMP ExtDev']);
  for (const m of mods) if (!known.has(m.shortName)) ctx.warn(`unknown module "${m.shortName}" (${m.declaredLength} bytes) skipped`, { ruleId: 'unknown-module', offset: m.offset });
  const setMod = single(mods, 'VMP Set', ctx);
  const dataMod = single(mods, 'VMP data', ctx);
  const logMod = single(mods, 'VMP LOG', ctx);
  const loopMod = single(mods, 'VMP loop', ctx);
  const extMod = single(mods, 'VMP ExtDev', ctx);
  if (!dataMod) {
    throw new FormatError('no "VMP data" module', { format: ctx.format, offset: source.size, expected: 'a VMP data module', actual: mods.map((m) => m.shortName).join(', ') || 'no modules', hint: 'The file may be cut before its data or be a settings-only file' });
  }
  const set = setMod ? readSetModule(setMod, ctx) : null;
  if (!setMod) ctx.warn('no "VMP Set" module: technique unknown', { ruleId: 'missing-module', offset: 0x34 });
  const log = logMod ? readLogModule(logMod, ctx, logMod.date) : null;
  if (!logMod) ctx.warn('no "VMP LOG" module: no absolute start time (usual for files written by a running or crashed experiment, or with external devices)', { ruleId: 'no-start-time', offset: source.size });
  const data = readDataModule(dataMod, { ctx, techniqueId: set?.techniqueId ?? null, softwareVersion: log?.softwareVersion ?? null });
  const loops = loopMod ? readLoopModule(loopMod, ctx) : null;
  // The loop module lists the loop boundaries: n starts and, last, the point count (end marker; the .mpt shows n loops).
  if (loops && loops.length > 1 && loops[loops.length - 1] === data.declaredPoints) loops.pop();
  const extDev = extMod ? readExtDevModule(extMod) : null;
  const modules = mods.map(({ data: _d, source: _s, ...rest }) => rest);
  return { modules, set, log, loops, extDev, data };
}

/** Options of the `biologic.mpr` plugin (`pluginOptions: { 'biologic.mpr': {…} }`). */
export interface MprOptions {
  /** Attach the settings of an `.mps` sibling (given by the caller in `siblings`) as `mps`. Default true. */
  attachSettings?: boolean;
}

function mpsSettings(ctx: ParseContext): { mps?: unknown } {
  if ((ctx.options as MprOptions).attachSettings === false) return {};
  const mps = settingsFromSibling(ctx);
  return mps ? { mps } : {};
}

/** BT-Lab numbers its versions 1.x–4.x, EC-Lab 9.x–11.x and later. */
function softwareName(version: string | null): string | null {
  if (!version) return null;
  const major = Number.parseFloat(version);
  if (!Number.isFinite(major)) return null;
  return major < 9 ? 'BT-Lab' : 'EC-Lab';
}

/**
 * Analog inputs scaled by an external device: the binary holds values in the device's unit
 * (vsp_ocv_with: 163 for a 0–10 V → 0–1100 N force sensor) although the `.mpt` header says
 * `Analog IN 1/V`. Such columns take the name the ExtDev module gives (`Force/N`).
 */
function externalNames(d: DecodedMpr): Map<string, { name: string; input: ExtDevInput }> {
  const out = new Map<string, { name: string; input: ExtDevInput }>();
  d.extDev?.inputs.forEach((input, k) => {
    const name = input.name?.trim();
    if (name && /^[^/\s][^/]*\/[^/]+$/.test(name) && !/[\0-\x1f]/.test(name)) out.set(`Analog IN ${k + 1}/V`, { name, input });
  });
  return out;
}

function mprColumn(c: RawMprColumn, external: Map<string, { name: string; input: ExtDevInput }>): Column {
  const ext = external.get(c.name);
  if (ext) {
    const { input } = ext;
    const col = biologicColumn(ext.name, c.values, { binary: true });
    col.description = `${c.name.replace('/V', '')} through an external device (.mpt header: ${c.name}); values in the device unit, scaled ${input.minVolt}–${input.maxVolt} V → ${input.minValue}–${input.maxValue} (VMP ExtDev module)`;
    return col;
  }
  // The decoded arrays are fresh allocations owned by this parse (never views on the file), so
  // the shared layer may convert them in place like text-parsed values instead of copying.
  const col = biologicColumn(c.name, c.values, { fromText: c.values instanceof Float64Array, binary: true });
  if (c.resolvedBy === 'id-mod-256' || c.resolvedBy === 'record-size') {
    col.description = `${col.description ? `${col.description}. ` : ''}Column ID ${c.id} is not in the ID table; ${c.resolvedBy === 'id-mod-256' ? `read by ID mod 256 = ${c.id % 256} (uncertain)` : `read raw as ${c.dtype} from the size the record length leaves`}`;
  }
  return col;
}

/**
 * Parses a `.mpr` into the plugin result.
 * @example
 * const r = parseMpr(bytes, ctx);
 * r.measurements[0].columns.map((c) => c.name); // ['control_mode', …, 'test_time_second', …]
 */
export function parseMpr(input: Uint8Array | ByteSource, ctx: ParseContext): ParseResult {
  const d = decodeMpr(input, ctx);
  const { set, log, data } = d;
  const external = externalNames(d);
  const columns = data.columns.map((c) => mprColumn(c, external));
  const version = log?.softwareVersion ?? null;
  const swName = softwareName(version);
  const startTime = log?.startWallMs != null ? localStartTime(log.startWallMs, String(log.startOle)) : null;
  if (startTime) ctx.info('start time is the local wall-clock time of the acquisition PC (OLE date in the LOG module, no zone)', { ruleId: 'assumed-local-time', offset: d.modules.find((m) => m.shortName === 'VMP LOG')!.dataOffset + log!.startOleOffset! });

  const settings: Record<string, unknown> = {
    modules: d.modules.map((m) => ({ name: m.shortName, longName: m.longName, headerGeneration: m.headerGeneration, version: m.version, newVersion: m.newVersion, date: m.date, offset: m.offset, length: m.declaredLength })),
    data: {
      version: data.version,
      newVersion: data.newVersion,
      columnIdEncoding: data.encoding.ids,
      recordStart: data.encoding.recordStart,
      recordSize: data.layout.recordSize,
      columnIds: data.ids,
      declaredPoints: data.declaredPoints,
    },
    techniqueId: set?.techniqueId ?? null,
    ...(set ? { set: { ...set, parameters: set.parameters } } : {}),
    ...(log ? { log } : {}),
    ...(d.loops ? { loopStarts: d.loops } : {}),
    ...(d.extDev ? { extDev: d.extDev } : {}),
    ...mpsSettings(ctx),
    currentSign: 'as recorded: EC-Lab writes positive current for oxidation / charge, the echemkit convention',
  };
  const technique = set?.techniqueShort ?? (set?.techniqueId != null ? `technique 0x${set.techniqueId.toString(16)}` : 'unknown');
  const measurements = buildBiologicMeasurements(columns, {
    technique,
    vendorTechnique: set?.techniqueName ?? null,
    startTime,
    settings,
    ...(d.loops && d.loops.length ? { loops: d.loops } : {}),
  });
  const sample: NonNullable<ParseResult['sample']> = {};
  if (set) {
    if (set.activeMaterialMass !== null) sample.activeMassGram = set.activeMaterialMass / 1000;
    // The area is stored in the unit EC-Lab displays; an unknown unit code stays in the settings only.
    if (set.electrodeSurfaceArea !== null && set.electrodeSurfaceAreaUnit === 'cm²') sample.electrodeAreaSquareCentimetre = set.electrodeSurfaceArea;
    else if (set.electrodeSurfaceArea !== null && set.electrodeSurfaceAreaUnit === 'mm²') sample.electrodeAreaSquareCentimetre = shiftDecimal(set.electrodeSurfaceArea, -2);
    else if (set.electrodeSurfaceArea) ctx.info(`electrode surface area ${set.electrodeSurfaceArea} with unknown unit code ${set.electrodeSurfaceAreaUnitCode}: kept in settings only`, { ruleId: 'unknown-unit-code', offset: 0x250 });
    // Stored in mA·h whatever unit EC-Lab displays (0x260); 0 means not set.
    if (set.batteryCapacity !== null && set.batteryCapacity > 0) sample.nominalCapacityAh = shiftDecimal(set.batteryCapacity, -3);
    // One line per comment as the .mpt prints them (the raw text stays in settings.set.comments).
    const comments = set.comments?.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean).join('\n');
    if (comments) sample.comments = comments;
  }
  return {
    formatVersion: `data module v${data.version}${data.newVersion !== null ? `/${data.newVersion}` : ''}, ${data.encoding.ids} column IDs`,
    software: { name: swName, version },
    instrument: { vendor: 'Bio-Logic', model: log?.deviceModel ?? null, serialNumber: log?.deviceSerial ?? null },
    channel: log?.channel != null ? String(log.channel + 1) : null,
    sample,
    measurements,
  };
}
