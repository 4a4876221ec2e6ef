/**
 * SpecsLab2 XML: a typed dump (`struct`, `sequence`, `string`, `double`, `ulong`, `enum`, `any`)
 * of RegionGroupSeq → RegionGroup → RegionDataSeq → RegionData (name, region settings, cycles →
 * scans → counts). One `spectrum` per region: kinetic energy = kinetic_energy + i·scan_delta,
 * binding energy derived, counts of every scan kept, their mean as the derived intensity.
 */
import { decodeText, FormatError, quantityColumn, vendorColumn, type Column, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
// The parser module alone: the package entry also loads the XML builder (xmlbuilder), twice the start-up time.
import { parseString } from 'xml2js/lib/parser.js';
import { bindingFromKinetic } from '../spectrum.js';

interface XNode {
  '#name': string;
  $?: Record<string, string>;
  _?: string;
  $$?: XNode[];
}

const kids = (n: XNode | undefined) => n?.$$ ?? [];
const named = (n: XNode | undefined, name: string) => kids(n).find((c) => c.$?.name === name);
const typed = (n: XNode | undefined, typeName: string) => kids(n).filter((c) => c.$?.type_name === typeName);

/** Plain value of a typed element (struct → object, sequence → array, arrays of numbers → number[]). */
function plain(n: XNode | undefined, depth = 0): unknown {
  if (!n || depth > 32) return null;
  const t = n['#name'];
  const text = (n._ ?? '').trim();
  if (t === 'struct') return Object.fromEntries(kids(n).map((c, i) => [c.$?.name ?? String(i), plain(c, depth + 1)]));
  if (t === 'sequence') return kids(n).map((c) => plain(c, depth + 1));
  if (t === 'any') return kids(n).length ? plain(kids(n)[0], depth + 1) : null;
  if (t === 'double' || t === 'ulong' || t === 'long') {
    if (/\s/.test(text)) return text.split(/\s+/).map(Number);
    return text === '' ? null : Number(text);
  }
  if (t === 'boolean') return text === 'true' || text === '1';
  return text;
}

function numbers(n: XNode | undefined): number[] {
  const t = (n?._ ?? '').trim();
  return t === '' ? [] : t.split(/\s+/).map(Number);
}

/** Parses a SpecsLab2 XML file. */
export function parseSpecsXml(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  let root: XNode | undefined;
  let failure: Error | null = null;
  // xml2js calls back synchronously when `async` is false.
  try {
    parseString(text, { explicitChildren: true, preserveChildrenOrder: true, explicitArray: true, async: false }, (err, result) => {
      failure = err;
      const r = result as Record<string, XNode> | null;
      if (r) root = Object.values(r)[0];
    });
  } catch (e) {
    failure = e as Error;
  }
  if (failure || !root) {
    throw new FormatError('the XML cannot be parsed', { format: ctx.format, actual: String((failure as Error | null)?.message ?? 'no root element').slice(0, 120) });
  }
  const measurements: Measurement[] = [];
  const groupSeq = typed(root, 'RegionGroupSeq')[0];
  if (!groupSeq) throw new FormatError('no RegionGroupSeq', { format: ctx.format, expected: '<sequence type_name="RegionGroupSeq">' });
  for (const group of typed(groupSeq, 'RegionGroup')) {
    const groupName = String(plain(named(group, 'name')) ?? '');
    for (const regionSeq of typed(group, 'RegionDataSeq')) {
      for (const rd of typed(regionSeq, 'RegionData')) {
        const name = String(plain(named(rd, 'name')) ?? '');
        const def = (plain(named(rd, 'region')) ?? {}) as Record<string, unknown>;
        const n = Number(def.values_per_curve);
        const ke0 = Number(def.kinetic_energy);
        const delta = Number(def.scan_delta);
        const hv = Number(def.excitation_energy);
        const scans: { cycle: number; scan: number; counts: number[] }[] = [];
        kids(named(rd, 'cycles')).forEach((cycle, ci) => {
          kids(named(cycle, 'scans')).forEach((scan, si) => scans.push({ cycle: ci, scan: si, counts: numbers(named(scan, 'counts')) }));
        });
        // values_per_curve is bounded by the counts present (a corrupted value never drives an allocation).
        const most = scans.reduce((a, s) => Math.max(a, s.counts.length), 0);
        if (!Number.isInteger(n) || n <= 0 || n > Math.max(most, 1) || !Number.isFinite(ke0) || !Number.isFinite(delta)) {
          throw new FormatError(`region ${name} lacks a usable values_per_curve, kinetic_energy or scan_delta`, { format: ctx.format, expected: 'values_per_curve ≤ the counts of a scan', actual: `${def.values_per_curve}, ${def.kinetic_energy}, ${def.scan_delta}` });
        }
        const usable = scans.filter((s) => s.counts.length === n);
        if (usable.length !== scans.length) {
          ctx.warn(`region ${name}: ${scans.length - usable.length} scans do not hold values_per_curve (${n}) counts (multi-channel raw data); kept in metadata only`, { ruleId: 'unmapped-scan' });
        }
        const ke = new Float64Array(n);
        for (let i = 0; i < n; i++) ke[i] = Math.round((ke0 + i * delta) * 1e9) / 1e9;
        const columns: Column[] = [];
        if (Number.isFinite(hv) && (def.analysis_method ?? 'XPS') === 'XPS') columns.push(quantityColumn('binding_energy_electronvolt', bindingFromKinetic(ke, hv), { derived: true }));
        columns.push(quantityColumn('kinetic_energy_electronvolt', ke, { sourceName: 'kinetic_energy + i·scan_delta', sourceUnit: 'eV' }));
        if (usable.length) {
          const mean = new Float64Array(n);
          for (const s of usable) for (let i = 0; i < n; i++) mean[i] += s.counts[i]! / usable.length;
          columns.push(quantityColumn('intensity_count', mean, { derived: true, description: `mean counts of ${usable.length} scans` }));
          for (const s of usable) columns.push(vendorColumn(`cycle ${s.cycle + 1} scan ${s.scan + 1} counts`, 'counts', Float64Array.from(s.counts)));
        }
        const other: Record<string, unknown> = {};
        for (const c of kids(rd)) {
          const k = c.$?.name;
          if (k && k !== 'cycles' && k !== 'name' && k !== 'region') other[k] = plain(c);
        }
        measurements.push({
          name: name || `region ${measurements.length + 1}`,
          kind: 'spectrum',
          technique: { name: String(def.analysis_method ?? 'XPS'), vendorName: def.analysis_method == null ? null : String(def.analysis_method) },
          startTime: null,
          settings: def,
          metadata: { region: name, group: groupName, sourceEnergyElectronvolt: Number.isFinite(hv) ? hv : null, passEnergyElectronvolt: Number(def.pass_energy), dwellTimeSecond: Number(def.dwell_time), scans: usable.length, other, rejectedScans: scans.filter((s) => s.counts.length !== n) },
          columns,
        });
      }
    }
  }
  return { software: { name: 'SpecsLab2', version: root.$?.version ?? null }, instrument: { vendor: 'SPECS', model: null }, measurements };
}
