/**
 * PHI MultiPak `.spe` (spectra) and `.pro` (depth profiles): one `spectrum` measurement per
 * region (and per cycle in profiles), plus a `depth-profile` measurement from the profile traces.
 */
import { quantityColumn, vendorColumn, type Column, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import { intensityQuantity, regularAxis, decimalsOf } from '../spectrum.js';
import { first, headerSettings, parseRegion, readHeader, regionLines, sourceEnergy, type PhiHeader, type PhiRegion } from './header.js';
import { readTraces, type PhiTrace } from './traces.js';

function regionMetadata(h: PhiHeader, r: PhiRegion, src: number | null): Record<string, unknown> {
  const pick = (key: string) => regionLines(h, key).get(r.number) ?? null;
  return {
    region: r.name,
    regionNumber: r.number,
    species: /^[A-Z][a-z]?/.exec(r.name)?.[0] ?? r.name,
    transition: r.name.replace(/^[A-Z][a-z]?_?/, ''),
    atomicNumber: r.atomicNumber,
    sourceEnergyElectronvolt: src,
    passEnergyElectronvolt: r.passEnergyElectronvolt,
    dwellTimeSecond: r.dwellTimeSecond,
    energyStepElectronvolt: r.step,
    startEnergyElectronvolt: r.start,
    endEnergyElectronvolt: r.end,
    spectralRegDef: r.raw,
    spectralRegDef2: pick('SpectralRegDef2'),
    spectralRegBackground: pick('SpectralRegBackground'),
    spectralRegHero: pick('SpectralRegHero'),
    spectralRegIR: pick('SpectralRegIR'),
  };
}

function intensity(t: PhiTrace, from: number, n: number): Column {
  const vals = t.values.slice(from, from + n) as Float32Array | Float64Array;
  return quantityColumn(intensityQuantity('Intensity', t.unit), vals, { sourceName: 'Intensity', sourceUnit: t.unit || null });
}

/** Parses a PHI `.spe` or `.pro` file. */
export function parsePhi(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { header: h, dataStart } = readHeader(bytes, ctx.format);
  const regions = (h.get('SpectralRegDef') ?? []).map((v) => parseRegion(v, ctx.format));
  const traces = bytes.length > dataStart ? readTraces(bytes, dataStart, ctx) : [];
  if (bytes.length <= dataStart) ctx.warn('the file has a header but no data part', { ruleId: 'truncated-file', offset: bytes.length });
  const src = sourceEnergy(h);
  const settings = headerSettings(h);
  const technique = first(h, 'Technique') ?? 'XPS';
  const measurements: Measurement[] = [];
  const spectra = traces.filter((t) => t.axisTag === 'pnt');
  const profile = traces.filter((t) => t.axisTag === 'cyc' && t.secondTag === 'reg');
  const timeTrace = profile.find((t) => t.unit === 's');
  const isProfile = profile.length > 0;

  spectra.forEach((t, i) => {
    const r = regions.find((x) => x.number === t.number) ?? regions[i];
    if (!r) {
      ctx.warn(`trace ${t.number} has no SpectralRegDef line; its energies are unknown and it is kept as a vendor column`, { ruleId: 'unknown-region', record: i });
    }
    // Bounded by the values present: a corrupted point count never drives an allocation.
    const points = Math.min(t.points, t.values.length);
    if (points !== t.points) ctx.warn(`trace ${t.number} declares ${t.points} points but holds ${t.values.length} values`, { ruleId: 'truncated-record', record: i });
    if (points === 0) return;
    const sub = Math.max(1, Math.min(t.count2, Math.floor(t.values.length / points)));
    if (r && r.points !== points) ctx.warn(`region ${r.name}: SpectralRegDef says ${r.points} points, the trace ${points}`, { ruleId: 'region-count-mismatch', record: i });
    const axis = r ? regularAxis(r.start, r.step, points, Math.max(decimalsOf(r.startText), decimalsOf(r.stepText))) : null;
    for (let j = 0; j < sub; j++) {
      const from = j * points;
      if (from + points > t.values.length) {
        if (from < t.values.length) ctx.warn(`trace ${t.number} cycle ${j + 1} is incomplete and dropped`, { ruleId: 'truncated-record', record: j });
        break;
      }
      const columns: Column[] = axis
        ? [quantityColumn('binding_energy_electronvolt', axis, { sourceName: 'SpectralRegDef start + i·step', sourceUnit: 'eV' }), intensity(t, from, points)]
        : [vendorColumn('point', null, Float64Array.from({ length: points }, (_, k) => k), { derived: true }), intensity(t, from, points)];
      const metadata: Record<string, unknown> = r ? regionMetadata(h, r, src) : { region: `trace ${t.number}` };
      metadata.trace = t.number;
      metadata.valueType = t.dtype;
      if (sub > 1) {
        metadata[isProfile ? 'cycle' : 'scan'] = j + 1;
        if (isProfile && timeTrace && r) {
          const ri = regions.indexOf(r);
          const k = ri * timeTrace.points + j;
          if (k < timeTrace.values.length) metadata.sputterTimeSecond = timeTrace.values[k];
        }
      }
      const name = `${r?.name ?? `trace ${t.number}`}${sub > 1 ? ` ${isProfile ? 'cycle' : 'scan'} ${j + 1}` : ''}`;
      measurements.push({ name, kind: 'spectrum', technique: { name: 'XPS', vendorName: technique }, startTime: null, settings: j === 0 && i === 0 ? settings : {}, metadata, columns });
    }
  });

  if (isProfile) {
    const cycles = Math.min(profile[0]!.points, profile[0]!.values.length);
    const nreg = Math.max(1, Math.min(profile[0]!.count2, Math.floor(profile[0]!.values.length / Math.max(1, cycles))));
    const columns: Column[] = [quantityColumn('sputter_cycle_count', Int32Array.from({ length: cycles }, (_, k) => k + 1), { derived: true })];
    const names = Array.from({ length: nreg }, (_, k) => regions[k]?.name ?? `region ${k + 1}`);
    const block = (t: PhiTrace, k: number) => {
      const out = new Float32Array(cycles).fill(NaN);
      const from = k * cycles;
      for (let c = 0; c < cycles && from + c < t.values.length; c++) out[c] = t.values[from + c]!;
      return t.dtype === 'float32' ? out : Float64Array.from(out);
    };
    if (timeTrace) {
      columns.push(quantityColumn('sputter_time_second', block(timeTrace, 0), { sourceName: `time ${names[0]}`, sourceUnit: 's' }));
      for (let k = 1; k < nreg; k++) {
        const b = block(timeTrace, k);
        const same = b.every((x, c) => Object.is(x, columns[1]!.values[c]) || x === columns[1]!.values[c]);
        if (!same) columns.push(vendorColumn(`time ${names[k]}`, 's', b));
      }
    }
    for (const t of profile) {
      if (t === timeTrace) continue;
      for (let k = 0; k < nreg; k++) columns.push(vendorColumn(names[k]!, t.unit || null, block(t, k), { name: profile.length > 2 ? `${names[k]} (trace ${t.number})` : names[k]! }));
    }
    const depthCal = h.get('DepthCalDef') ?? [];
    measurements.push({
      name: 'depth profile',
      kind: 'depth-profile',
      technique: { name: 'XPS depth profile', vendorName: technique },
      startTime: null,
      settings: {},
      metadata: {
        regions: names,
        cycles,
        intensity: 'region areas as stored by the instrument software (unit as the trace states)',
        depthCalDef: depthCal,
        sputterMode: first(h, 'SputterMode') ?? null,
        sputterIon: first(h, 'SputterIon') ?? null,
      },
      columns,
    });
  }
  if (spectra.length && regions.length && spectra.length !== regions.length) {
    ctx.warn(`the header defines ${regions.length} regions but the data part has ${spectra.length} spectrum traces`, { ruleId: 'region-count-mismatch' });
  }
  return {
    formatVersion: first(h, 'FileType') ?? null,
    software: { name: 'PHI SmartSoft/Compass', version: first(h, 'SoftwareVersion') ?? null },
    instrument: { vendor: 'Physical Electronics (ULVAC-PHI)', model: first(h, 'InstrumentModel') ?? null },
    sample: { name: first(h, 'SpatialAreaDesc')?.replace(/^\d+\s*/, '') || first(h, 'PlatenDesc') || null },
    measurements,
  };
}
