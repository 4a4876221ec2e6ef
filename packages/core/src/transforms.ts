/**
 * Transformers of the document tree (the run phase of the unified pipeline).
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { findQuantityColumn, quantityColumn } from './columns.js';
import { report } from './diagnostics.js';
import type { EchemkitTree } from './host.js';
import { getQuantity } from './quantities.js';
import type { Column } from './types.js';
import { applyConversionDecimal, convertFloat32, convertUnit } from './units.js';

function normalizeColumn(c: Column, file: VFile, where: string): void {
  if (!c.quantity) return;
  const q = getQuantity(c.quantity);
  const target = q.unit === '1' ? null : q.unit;
  if (c.unit === target || c.unit === null || target === null) return;
  const conv = convertUnit(c.unit, target);
  if (!conv) return; // left for validation to report (wrong-unit)
  const v = c.values;
  if (v instanceof Float32Array) {
    const r = convertFloat32(v, conv);
    c.values = r.values;
    if (r.scaleExponent) {
      c.dtype = 'float32';
      c.scaleExponent = (c.scaleExponent ?? 0) + r.scaleExponent;
    }
  } else if (v instanceof Float64Array) {
    if (c.dtype === 'float32' && conv.exponent !== undefined) {
      for (let i = 0; i < v.length; i++) v[i] = v[i]! * conv.factor;
      c.scaleExponent = (c.scaleExponent ?? 0) + conv.exponent;
    } else applyConversionDecimal(v, conv);
  } else return;
  report(file, 'echemkit.units', `${where}: converted column '${c.name}' from ${c.unit} to ${target}`, { ruleId: 'unit-normalised' }, 'info');
  c.unit = target;
}

/**
 * Unit normalisation: any column of a vocabulary quantity whose unit is a known alias
 * (mA for current_ampere …) is converted to the quantity's fixed unit. Plugins normally
 * convert themselves; this is the safety net that keeps documents valid.
 */
export const echemkitNormalizeUnits: Plugin<[], EchemkitTree> = function () {
  return (tree: EchemkitTree, file: VFile) => {
    tree.document.measurements.forEach((m, i) => {
      for (const c of m.columns) normalizeColumn(c, file, `measurement ${i}`);
      for (const t of m.tables ?? []) for (const c of t.columns) normalizeColumn(c, file, `measurement ${i} table ${t.name}`);
    });
  };
};

/**
 * Derived `unix_time_second` = start time + test time, added (derived: true) when a
 * measurement has test time, no Unix time, and a start time whose zone is known (stated or
 * assumed UTC). Local wall-clock start times have no known offset, so nothing is derived.
 */
export const echemkitDeriveUnixTime: Plugin<[], EchemkitTree> = function () {
  return (tree: EchemkitTree, file: VFile) => {
    tree.document.measurements.forEach((m, i) => {
      if (!m.startTime || m.startTime.zone === 'assumed-local' || findQuantityColumn(m, 'unix_time_second')) return;
      const t = findQuantityColumn(m, 'test_time_second');
      if (!t) return;
      const start = Date.parse(m.startTime.value) / 1000;
      if (!Number.isFinite(start)) return;
      const tv = t.values as ArrayLike<number | null>;
      const out = new Float64Array(tv.length);
      for (let r = 0; r < tv.length; r++) {
        const x = tv[r];
        out[r] = typeof x === 'number' ? start + x : NaN;
      }
      m.columns.push(quantityColumn('unix_time_second', out, { derived: true, description: 'start time + test time' }));
      report(file, 'echemkit.derive', `measurement ${i}: derived unix_time_second from the start time (${m.startTime.zone}) and test time`, { ruleId: 'derived-unix-time' }, 'info');
    });
  };
};
