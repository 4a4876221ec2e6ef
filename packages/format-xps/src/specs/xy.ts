/**
 * SPECS Prodigy `.xy` export: `#`-comment metadata (export settings, then per region the
 * group, region, analyser settings, cycles, curves and scans), numbers in `energy  value` rows.
 * One `spectrum` measurement per data block (region × cycle × curve × scan).
 */
import { decodeText, Float64Builder, FormatError, LineReader, offsetStartTime, quantityColumn, vendorColumn, wallMs, type Column, type Measurement, type ParseContext, type ParseResult } from '@echemkit/core';
import { intensityQuantity, readNumberRow, settingValue } from '../spectrum.js';

/** `08/24/23 14:19:47 UTC` (US order, two-digit year) → start time. */
function acquisitionTime(s: string | undefined): Measurement['startTime'] {
  const m = /^(\d{2})\/(\d{2})\/(\d{2,4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(UTC)?/.exec((s ?? '').trim());
  if (!m) return null;
  const y = Number(m[3]) < 100 ? 2000 + Number(m[3]) : Number(m[3]);
  const ms = wallMs(y, Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (!Number.isFinite(ms)) return null;
  return m[7] ? offsetStartTime(ms, 0, s!.trim()) : { value: new Date(ms).toISOString().slice(0, 23), zone: 'assumed-local', raw: s!.trim() };
}

/** Parses a SPECS Prodigy `.xy` file. */
export function parseSpecsXy(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const L = new LineReader(text);
  const exportSettings: Record<string, string> = {};
  let region: Record<string, string> = {};
  let scanInfo: Record<string, string> = {};
  let software: string | null = null;
  let section: 'export' | 'region' | 'scan' = 'export';
  const measurements: Measurement[] = [];
  let x = new Float64Builder();
  let ys: Float64Builder[] = [];
  const row = new Float64Array(256);
  let dataLine = 0;
  const flush = () => {
    if (!x.length) return;
    const xv = x.finish();
    const axisName = exportSettings['Energy Axis'] ?? 'Kinetic Energy';
    const labels = (scanInfo.ColumnLabels ?? 'energy counts').split(/\s+/);
    const binding = /binding/i.test(axisName);
    const columns: Column[] = [quantityColumn(binding ? 'binding_energy_electronvolt' : 'kinetic_energy_electronvolt', xv, { sourceName: labels[0] ?? 'energy', sourceUnit: 'eV' })];
    ys.forEach((yb, j) => {
      const y = yb.finish();
      const label = labels[j + 1] ?? `column ${j + 2}`;
      const unitish = label === 'counts/s' ? 'counts/s' : label === 'counts' ? 'counts' : null;
      columns.push(j === 0 ? quantityColumn(intensityQuantity(label, unitish), y, { sourceName: label, sourceUnit: unitish }) : vendorColumn(label, null, y));
    });
    const src = Number(region['Excitation Energy']);
    measurements.push({
      name: `${region.Region ?? 'region'} ${scanInfo.Cycle !== undefined ? `cycle ${scanInfo.Cycle}` : ''}`.trim(),
      kind: 'spectrum',
      technique: { name: region['Analysis Method'] ?? 'XPS', vendorName: region['Analysis Method'] ?? null },
      startTime: acquisitionTime(scanInfo['Acquisition Date'] ?? region['Acquisition Date']),
      settings: Object.fromEntries(Object.entries(region).map(([k, v]) => [k, settingValue(v)])),
      metadata: {
        region: region.Region ?? null,
        group: region.Group ?? null,
        sourceEnergyElectronvolt: Number.isFinite(src) ? src : null,
        passEnergyElectronvolt: Number(region['Pass Energy']),
        dwellTimeSecond: Number(region['Dwell Time']),
        workFunctionElectronvolt: Number(region['Eff. Workfunction']),
        scan: { ...scanInfo },
        exportSettings,
        sourceLine: dataLine,
      },
      columns,
    });
    x = new Float64Builder();
    ys = [];
  };
  let line: string | null;
  while ((line = L.next()) !== null) {
    if (line.startsWith('#')) {
      flush();
      const body = line.slice(1);
      const m = /^\s*([^:]+?):\s*(.*)$/.exec(body);
      if (!m) continue;
      const key = m[1]!.trim();
      const value = m[2]!.trim();
      if (key === 'Created by') software = value;
      else if (key === 'XY-Serializer Export Settings') section = 'export';
      else if (key === 'Group') {
        section = 'region';
        region = { Group: value };
      } else if (key === 'Region') {
        section = 'region';
        region = { ...(region.Group !== undefined ? { Group: region.Group } : {}), Region: value };
        scanInfo = {};
      } else if (key === 'Cycle' && /Curve/.test(value)) {
        section = 'scan';
        const mm = /^(\d+),\s*Curve:\s*(\d+)(?:,\s*Scan:\s*(\d+))?/.exec(value);
        scanInfo = { Cycle: mm?.[1] ?? value, Curve: mm?.[2] ?? '', ...(mm?.[3] !== undefined ? { Scan: mm[3] } : {}) };
      } else if (key === 'Cycle') {
        scanInfo = { Cycle: value };
      } else if (section === 'export') exportSettings[key] = value;
      else if (section === 'scan') scanInfo[key] = value;
      else region[key] = value;
      continue;
    }
    const t = line.trim();
    if (t === '') continue;
    const k = readNumberRow(t, row);
    if (k < 1) throw new FormatError('a data row is not numeric', { format: ctx.format, line: L.line, actual: t.slice(0, 40) });
    if (!x.length) {
      dataLine = L.line;
      ys = Array.from({ length: k - 1 }, () => new Float64Builder());
    }
    if (k - 1 !== ys.length) {
      ctx.warn('a data row has a different number of values; it is dropped', { ruleId: 'ragged-row', line: L.line });
      continue;
    }
    x.push(row[0]!);
    for (let j = 1; j < k; j++) ys[j - 1]!.push(row[j]!);
  }
  flush();
  const sw = /^(.*?),\s*Version\s+(\S+)/.exec(software ?? '');
  return { software: { name: sw?.[1] ?? software, version: sw?.[2] ?? null }, instrument: { vendor: 'SPECS', model: null }, measurements };
}
