/**
 * Turning vendor columns into echemkit columns: a vocabulary quantity when the vendor
 * column is known (unit converted decimal-exactly, sign flipped where the vendor stores the
 * negative), a vendor column otherwise. Nothing is dropped.
 */
import { applyConversionDecimal, convertUnit, getQuantity, quantityColumn, uniquifyNames, vendorColumn, type Column, type ColumnValues } from '@echemkit/core';

/** How one vendor column maps onto the vocabulary. */
export interface ColumnRule {
  quantity: string;
  /** The vendor stores the negative of the quantity (−Z″, −phase). */
  negate?: boolean;
  /** Unit of the values for conversion, when the header's unit text is not a plain unit or missing. */
  unit?: string;
}

/**
 * A column from vendor values. Numeric values with a known rule become a vocabulary
 * column; unknown units or rules keep the vendor column as is.
 * @example
 * toColumn("Z''(b)", null, new Float64Array([-1.2]), { quantity: 'imaginary_impedance_ohm', unit: 'ohm' });
 */
export function toColumn(sourceName: string, sourceUnit: string | null, values: ColumnValues, rule?: ColumnRule, displayName?: string): Column {
  if (rule && values instanceof Float64Array) {
    const q = getQuantity(rule.quantity);
    const target = q.unit === '1' ? null : q.unit;
    const unit = rule.unit ?? sourceUnit ?? null;
    const conv = target === null ? undefined : unit === null ? undefined : convertUnit(unit, target);
    if (target === null || conv) {
      if (conv) applyConversionDecimal(values, conv);
      if (rule.negate) for (let i = 0; i < values.length; i++) values[i] = -values[i]!;
      const col = quantityColumn(rule.quantity, values, { sourceName, sourceUnit });
      if (rule.negate) col.description = `The file stores the negative (${sourceName}); sign flipped to the true value.`;
      return col;
    }
  }
  if (rule && Array.isArray(values) && values.every((v) => v === null || typeof v === 'string')) {
    const q = getQuantity(rule.quantity);
    if (q.unit === null || q.unit === '1') return quantityColumn(rule.quantity, values, { sourceName, sourceUnit, dtype: 'string' });
  }
  const opts = displayName === undefined ? {} : { displayName };
  if (Array.isArray(values) && values.every((v) => v === null || typeof v === 'string')) return vendorColumn(sourceName, sourceUnit, values, { ...opts, dtype: 'string' });
  return vendorColumn(sourceName, sourceUnit, values, opts);
}

/**
 * Ensures each quantity appears once as its own name: a second column of the same quantity
 * (e.g. Gamry drift-corrected Zreal) stays a vendor column so the first keeps the name.
 */
export function dedupeQuantities(columns: Column[]): Column[] {
  const seen = new Set<string>();
  const out = columns.map((c) => {
    if (!c.quantity) return c;
    if (!seen.has(c.quantity)) {
      seen.add(c.quantity);
      return c;
    }
    return { ...c, name: c.sourceName ?? c.name, label: c.sourceName ? `${c.sourceName}${c.unit ? ` / ${c.unit}` : ''}` : c.label };
  });
  uniquifyNames(out);
  return out;
}
