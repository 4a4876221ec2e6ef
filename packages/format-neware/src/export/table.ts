/**
 * Columns of a BTSDA export table (CSV rows or a worksheet), whatever language or units the
 * user chose: mapped headers become BDF quantities (units converted decimal-exactly), the
 * rest stay vendor columns with their original header and unit.
 */
import { applyConversionDecimal, convertUnit, findQuantity, getQuantity, quantityColumn, uniquifyNames, vendorColumn, type Column, type ParseContext } from '@echemkit/core';
import { stepTypeOfExportLabel } from '../common/step-types.js';
import { parseDuration, recordHeaderRole, splitHeader, type HeaderRole } from './headers.js';

export type Cell = string | number | null;

function toNumber(x: Cell): number {
  if (x === null) return NaN;
  if (typeof x === 'number') return x;
  const t = x.trim();
  return t === '' ? NaN : Number(t);
}

function numeric(cells: Cell[]): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) out[i] = toNumber(cells[i]!);
  return out;
}

function allNumeric(cells: Cell[]): boolean {
  for (const c of cells) {
    if (c === null || typeof c === 'number') continue;
    const t = c.trim();
    if (t !== '' && Number.isNaN(Number(t))) return false;
  }
  return true;
}

/**
 * Builds columns from headers and column-major cells.
 * @param headers header text per column as the export writes it
 * @param data cells per column
 */
export function exportColumns(headers: string[], data: Cell[][], ctx: ParseContext, where: string, scope: 'step' | 'cycle' = 'step'): Column[] {
  const roles: HeaderRole[] = headers.map(recordHeaderRole);
  const cols: Column[] = [];
  const usedQuantities = new Set<string>();
  headers.forEach((h, k) => {
    const cells = data[k] ?? [];
    const { name, unit } = splitHeader(h);
    let role = roles[k]!;
    if (role.kind === 'temperature') role = role.channel >= 1 && role.channel <= 5 ? { kind: 'quantity', quantity: `temperature_t${role.channel}_celsius` } : { kind: 'vendor' };
    if (role.kind === 'auxVoltage') role = { kind: 'quantity', quantity: role.channel === 1 ? 'auxiliary_voltage_volt' : `auxiliary_voltage_volt` };
    // In cycle rows the capacity/energy totals are per cycle.
    if (scope === 'cycle' && role.kind === 'quantity' && role.quantity.startsWith('step_') && /_(ah|wh)$/.test(role.quantity)) role = { kind: 'quantity', quantity: role.quantity.replace(/^step_/, 'cycle_') };
    if (role.kind === 'quantity' && usedQuantities.has(role.quantity) && !role.quantity.startsWith('auxiliary_voltage')) role = { kind: 'vendor' };
    if (role.kind === 'quantity' && !findQuantity(role.quantity)) role = { kind: 'vendor' };
    switch (role.kind) {
      case 'quantity': {
        const q = getQuantity(role.quantity);
        if (q.name === 'step_id') {
          cols.push(quantityColumn('step_id', cells.map((c) => (c === null || c === '' ? null : String(c).trim())), { sourceName: h, dtype: 'string' }));
          usedQuantities.add(q.name);
          return;
        }
        const values = numeric(cells);
        if (q.unit === '1' || q.unit === null) {
          cols.push(quantityColumn(q.name, values, { sourceName: h, sourceUnit: unit }));
          usedQuantities.add(q.name);
          return;
        }
        const conv = unit ? convertUnit(unit, q.unit) : q.unit === 'degC' ? convertUnit('degC', 'degC') : undefined;
        if (!conv) {
          ctx.warn(`column '${h}' (${where}): unit '${unit ?? ''}' cannot be converted to ${q.unit}; kept as a vendor column`, { ruleId: 'unknown-unit', actual: unit ?? '', expected: q.unit });
          cols.push(vendorColumn(name, unit, values, { name: h }));
          return;
        }
        applyConversionDecimal(values, conv);
        const opts: Parameters<typeof quantityColumn>[2] = { sourceName: h, sourceUnit: unit };
        if (q.name === 'auxiliary_voltage_volt' && usedQuantities.has(q.name)) {
          let n = 2;
          while (cols.some((c) => c.name === `auxiliary_voltage_volt_${n}`)) n++;
          opts.name = `auxiliary_voltage_volt_${n}`;
          opts.label = `Auxiliary Voltage ${n} / V`;
        }
        cols.push(quantityColumn(q.name, values, opts));
        usedQuantities.add(q.name);
        return;
      }
      case 'duration': {
        const out = new Float64Array(cells.length);
        let bad = 0;
        for (let i = 0; i < cells.length; i++) {
          const c = cells[i]!;
          out[i] = c === null ? NaN : typeof c === 'number' ? c * (unit && /h/.test(unit) ? 3600 : 1) : parseDuration(c);
          if (c !== null && c !== '' && Number.isNaN(out[i]!)) bad++;
        }
        if (bad) ctx.warn(`column '${h}' (${where}): ${bad} value(s) are not durations (h:mm:ss); left missing`, { ruleId: 'bad-duration', actual: String(bad) });
        if (usedQuantities.has(role.quantity)) cols.push(vendorColumn(h, 's', out, { name: h }));
        else {
          cols.push(quantityColumn(role.quantity, out, { sourceName: h, sourceUnit: unit ?? 'h:mm:ss' }));
          usedQuantities.add(role.quantity);
        }
        return;
      }
      case 'stepType': {
        const raw = cells.map((c) => (c === null ? null : String(c).trim()));
        if (!usedQuantities.has('step_type')) {
          cols.push(quantityColumn('step_type', raw.map((s) => (s ? stepTypeOfExportLabel(s) : null)), { sourceName: h, dtype: 'string' }));
          usedQuantities.add('step_type');
        }
        cols.push(vendorColumn(h, null, raw, { dtype: 'string', description: 'Step type as the export writes it.' }));
        return;
      }
      case 'date': {
        cols.push(vendorColumn(h, null, cells.map((c) => (c === null ? null : String(c).trim())), { dtype: 'string', description: 'Local wall-clock date and time (no zone in the export).' }));
        return;
      }
      default: {
        if (allNumeric(cells) && unit === '?') {
          // BTSDA wrote ℃ in GBK and the export lost it to '?': the values are °C.
          const c = vendorColumn(name, '?', numeric(cells), { name: h, description: "Unit '?' in the export is ℃ lost in encoding." });
          c.unit = 'degC';
          c.label = `${name} / degC`;
          cols.push(c);
        } else if (allNumeric(cells)) cols.push(vendorColumn(name, unit, numeric(cells), { name: h }));
        else cols.push(vendorColumn(name, unit, cells.map((c) => (c === null ? null : String(c))), { name: h, dtype: 'string' }));
      }
    }
  });
  uniquifyNames(cols);
  return cols;
}
