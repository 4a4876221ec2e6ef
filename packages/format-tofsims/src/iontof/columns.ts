/** Roles of depth-profile columns from their header text: time, depth, scan/cycle, dose, totals, species. */

export type ColumnRole = 'time' | 'depth' | 'scan' | 'dose' | 'total' | 'species';

export interface HeaderCell {
  /** Header text as written (all header rows joined with ' | '). */
  raw: string;
  /** Name without the unit. */
  name: string;
  unit: string | null;
  role: ColumnRole;
  /** Nominal mass (u) when a header row gives one. */
  mass: number | null;
}

/** `Sputter Time (s)`, `Depth [nm]`, `time/s`, `LiF+ (counts)` → name and unit. */
export function splitUnit(text: string): { name: string; unit: string | null } {
  const t = text.trim();
  const br = /^(.*?)\s*[([]\s*([^)\]]*)\s*[)\]]\s*$/.exec(t);
  if (br && br[1]) return { name: br[1].trim(), unit: br[2]!.trim() || null };
  const slash = /^((?:sputter\s*)?(?:time|depth|dose))\s*\/\s*(\S+)$/i.exec(t);
  if (slash) return { name: slash[1]!.trim(), unit: slash[2]!.trim() };
  return { name: t, unit: null };
}

/** The role of a column from its name. */
export function roleOf(name: string): ColumnRole {
  const n = name.toLowerCase();
  if (/(^|\b)(sputter\s*)?time\b/.test(n)) return 'time';
  if (/\bdepth\b/.test(n)) return 'depth';
  if (/^(scan|cycle|scan\s*(no|number|#)|cycle\s*(no|number|#)|#)\.?$/.test(n.trim())) return 'scan';
  if (/\bdose\b|fluence/.test(n)) return 'dose';
  if (/^total\b|total\s*(counts|ions|intensity)|^sum\b/.test(n)) return 'total';
  return 'species';
}

/** Builds the header cells from the header rows (the name row is the one with role keywords, else the last). */
export function headerCells(rows: readonly string[][], columns: number): HeaderCell[] {
  const out: HeaderCell[] = [];
  const nameRowIndex = (() => {
    const k = rows.findIndex((r) => r.some((c) => /time|depth|scan|cycle/i.test(c)));
    return k >= 0 ? k : rows.length - 1;
  })();
  for (let j = 0; j < columns; j++) {
    const texts = rows.map((r) => r[j] ?? '');
    const main = rows.length ? (texts[nameRowIndex] ?? '') : `column ${j + 1}`;
    const { name, unit } = splitUnit(main || `column ${j + 1}`);
    let mass: number | null = null;
    for (let r = 0; r < texts.length; r++) {
      if (r === nameRowIndex) continue;
      const m = /^[-+]?\d+(\.\d+)?(?:\s*u)?$/.exec(texts[r]!.trim());
      if (m) mass = Number.parseFloat(texts[r]!);
    }
    const inline = /\(\s*(\d+(?:\.\d+)?)\s*u\s*\)/.exec(main);
    if (inline) mass = Number(inline[1]);
    out.push({ raw: texts.join(' | '), name: inline ? name.replace(inline[0], '').trim() : name, unit: inline ? null : unit, role: roleOf(name), mass });
  }
  return out;
}
