/**
 * An independent, deliberately simple `.mpt` reader for tests: split into lines and tabs,
 * values as the text strings. Unit conversion is done on the TEXT (the exponent is shifted),
 * so `Number()` of the result is the decimal-exact expectation.
 */
export interface ReferenceMpt {
  nHeader: number;
  names: string[];
  rows: string[][];
}

export function readReferenceMpt(bytes: Uint8Array): ReferenceMpt {
  const text = new TextDecoder('windows-1252').decode(bytes);
  const lines = text.split(/\r?\n/);
  const nHeader = Number(/(\d+)/.exec(lines[1]!)![1]);
  const names = lines[nHeader - 1]!.split('\t');
  while (names.length && names[names.length - 1] === '') names.pop();
  const rows: string[][] = [];
  for (const l of lines.slice(nHeader)) {
    if (l.trim() === '') continue;
    const f = l.split('\t');
    if (f[f.length - 1] === '') f.pop();
    rows.push(f);
  }
  return { nHeader, names, rows };
}

/** Number of a text field (decimal comma allowed); '' → NaN. */
export function textNumber(field: string | undefined): number {
  if (field === undefined || field.trim() === '') return NaN;
  const n = Number(field.trim().replace(',', '.'));
  return n;
}

/** The field's number times 10^e, computed by editing the decimal text. */
export function shiftedTextNumber(field: string | undefined, e: number): number {
  if (field === undefined || field.trim() === '') return NaN;
  const s = field.trim().replace(',', '.');
  const m = /^([-+]?[\d.]+)(?:[eE]([-+]?\d+))?$/.exec(s);
  if (!m) return NaN;
  return Number(`${m[1]}e${Number(m[2] ?? 0) + e}`);
}
