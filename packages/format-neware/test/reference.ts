/**
 * Compares a parsed NEWARE document with NewareNDA's reading of the same file (rows as
 * dumped by bench/neware.newarenda-dump.py). NewareNDA stores float32 and uses mA/mAh/mWh;
 * we use A/Ah/Wh, so values are compared with a float32-sized relative tolerance.
 */
import { numericValues, type Column, type EchemkitDocument } from '@echemkit/core';
import { STEP_TYPE_VENDOR_NAMES } from '../src/index.js';

export type RefRow = Record<string, number | string | null>;

export interface ColumnReport {
  compared: number;
  mismatches: number;
  first?: { row: number; ours: unknown; theirs: unknown };
}

const close = (a: number, b: number, rel: number, abs: number) => Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));

/** Our value getter per NewareNDA column name, or undefined when we have no such column. */
function getters(doc: EchemkitDocument, fileName: string): Record<string, (i: number) => number | string | null> {
  const m = doc.measurements[0]!;
  const col = (name: string): Column | undefined => m.columns.find((c) => c.name === name);
  const num = (c: Column | undefined, f = 1) => {
    if (!c) return undefined;
    const v = numericValues(c);
    return (i: number) => (Number.isNaN(v[i]!) ? null : v[i]! * f);
  };
  const g: Record<string, ((i: number) => number | string | null) | undefined> = {
    Index: num(col('record_index')),
    Cycle: num(col('cycle_count')),
    Cycle_BTSDA: num(col('Cycle (BTSDA)')),
    Step: num(col('step_count')),
    Step_Index: (() => {
      const c = col('step_id');
      return c ? (i: number) => Number((c.values as string[])[i]) : undefined;
    })(),
    Status: (() => {
      const c = col('Status');
      return c ? (i: number) => STEP_TYPE_VENDOR_NAMES[(c.values as Uint8Array)[i]!] ?? null : undefined;
    })(),
    Time: num(col('step_time_second') ?? col('test_time_second')),
    Voltage: num(col('voltage_volt')),
    'Current(mA)': num(col('current_ampere'), 1000),
    Unix: num(col('unix_time_second')),
    Local: (() => {
      const c = col('Date');
      return c ? (i: number) => (c.values as string[])[i] ?? null : undefined;
    })(),
  };
  const net = col('step_net_capacity_ah');
  if (net) {
    // BTS 9.1 stores one signed value; NewareNDA splits it by sign.
    const q = numericValues(net);
    const e = numericValues(col('step_net_energy_wh')!);
    g['Charge_Capacity(mAh)'] = (i) => Math.max(q[i]!, 0) * 1000;
    g['Discharge_Capacity(mAh)'] = (i) => Math.abs(Math.min(q[i]!, 0)) * 1000;
    g['Charge_Energy(mWh)'] = (i) => Math.max(e[i]!, 0) * 1000;
    g['Discharge_Energy(mWh)'] = (i) => Math.abs(Math.min(e[i]!, 0)) * 1000;
  } else {
    // BTS 9.0 stores discharge values negative; we report magnitudes (BDF: non-negative).
    const sign = doc.source.formatVersion?.includes('9.0') ? -1 : 1;
    g['Charge_Capacity(mAh)'] = num(col('step_charging_capacity_ah'), 1000);
    g['Discharge_Capacity(mAh)'] = num(col('step_discharging_capacity_ah'), 1000 * sign);
    g['Charge_Energy(mWh)'] = num(col('step_charging_energy_wh'), 1000);
    g['Discharge_Energy(mWh)'] = num(col('step_discharging_energy_wh'), 1000 * sign);
  }
  // Aux columns: NewareNDA names them by channel; the IFE file's three aux members are
  // matched by NewareNDA in name order (wrongly, see README), we match by ChlType.
  const t = (k: number) => num(col(`temperature_t${k}_celsius`));
  const aux: Record<string, Record<string, ((i: number) => number | null) | undefined>> = {
    'TestFile.nda': { T1: t(1) },
    '123456789012_Unit27_Example_Data_File.ndax': { T1: t(1), T2: t(2) },
    '46_1_5_60_ZZZZZZZZTEST_20250924092922.ndax': { T1: t(1), V1: num(col('auxiliary_voltage_volt')) },
    'ZZZZZZZZTEST.ndax': { T1: t(1), V1: num(col('auxiliary_voltage_volt')) },
    'TESTCELL0001-B2-2025-M50T_NewareNDA_Investigation.ndax': { T1: t(1) },
    '20260302_IFE_BTS85_2_9_8_1.ndax': { '?1_x': num(col('ChlType 1122 data_AUX_1_1022_1')), T1: num(col('auxiliary_voltage_volt')), '?1_y': t(1) },
  };
  Object.assign(g, aux[fileName] ?? {});
  const out: Record<string, (i: number) => number | string | null> = {};
  for (const [k, v] of Object.entries(g)) if (v) out[k] = v;
  return out;
}

/**
 * Compares rows: `rows[k]` is NewareNDA's row `rowNumbers[k]` (row numbers of both tables
 * agree because both are sorted by Index without duplicates).
 */
export function compareRows(doc: EchemkitDocument, fileName: string, columns: string[], rows: (number | string | null)[][], rowNumbers: number[]): Record<string, ColumnReport> {
  const g = getters(doc, fileName);
  const rep: Record<string, ColumnReport> = {};
  for (let c = 0; c < columns.length; c++) {
    const name = columns[c]!;
    const get = g[name];
    if (!get) continue;
    const r: ColumnReport = { compared: 0, mismatches: 0 };
    for (let k = 0; k < rows.length; k++) {
      const theirs = rows[k]![c];
      if (theirs === null || theirs === undefined) continue;
      const ours = get(rowNumbers[k]!);
      if (ours === null) continue; // stored as missing by us: counted separately by the caller
      r.compared++;
      let ok: boolean;
      if (typeof theirs === 'number' && typeof ours === 'number') {
        ok = name === 'Unix' ? Math.abs(ours - theirs) < 2e-3 : close(ours, theirs, 3e-7, name === 'Time' ? 2e-3 : 1e-9);
      } else ok = String(ours) === String(theirs);
      if (!ok) {
        r.mismatches++;
        r.first ??= { row: rowNumbers[k]!, ours, theirs };
      }
    }
    rep[name] = r;
  }
  return rep;
}
