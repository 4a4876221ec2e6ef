/**
 * The quantity vocabulary (schemas/quantities.json): names, labels and units every plugin
 * maps vendor columns to. BDF names where BDF defines the quantity.
 */
import vocabulary from '../../../schemas/quantities.json';

export interface Quantity {
  /** Machine name, `quantity_unitword` (BDF machine name where one exists). */
  name: string;
  /** Preferred label, `Quantity / unit`. */
  label: string;
  /** Unit symbol of the values, null for strings. */
  unit: string | null;
  dtype: 'number' | 'integer' | 'string';
  group: string;
  description: string;
  /** BDF IRI, or null for echemkit extensions. */
  bdf: string | null;
}

const byName = new Map<string, Quantity>();
for (const q of (vocabulary as { quantities: Quantity[] }).quantities) byName.set(q.name, q);

/** Every quantity of the vocabulary. */
export function quantities(): readonly Quantity[] {
  return [...byName.values()];
}

/** Looks a quantity up by machine name; undefined when it is not in the vocabulary. */
export function findQuantity(name: string): Quantity | undefined {
  return byName.get(name);
}

/** Looks a quantity up by machine name and throws on a name outside the vocabulary (a programming error). */
export function getQuantity(name: string): Quantity {
  const q = byName.get(name);
  if (!q) throw new Error(`echemkit: unknown quantity '${name}' (not in schemas/quantities.json)`);
  return q;
}

/** Version of the vocabulary file. */
export const QUANTITIES_VERSION: string = (vocabulary as { version: string }).version;
