/**
 * The text header shared by EC-Lab / BT-Lab `.mpt` exports, `.mpl` logs and (per technique)
 * `.mps` settings files: `key : value` lines with indented continuation lines, statement
 * lines (`Record Ece`), the fixed-width parameter table (20-character cells), `Modify on`
 * sections and the loops section.
 */

/** A header value: text, a repeated key's texts, a statement flag, or an indented block. */
export type HeaderValue = string | true | string[] | HeaderBlock | (string | HeaderBlock)[];
export interface HeaderBlock {
  [key: string]: HeaderValue;
}

/** One row of the parameter table, verbatim: the name, then one cell per sequence (Ns 0, 1 …). */
export type ParameterRow = string[];

export interface HeaderModification {
  /** The date after `Modify on :`, verbatim. */
  on: string;
  settings: HeaderBlock;
  parameters: ParameterRow[];
}

export interface ParsedHeader {
  /** Technique names in order (one for `.mpt`). */
  techniques: string[];
  /** `key : value` lines; repeated keys become arrays; statements are `true`. */
  settings: HeaderBlock;
  /** Fixed-width parameter table rows. */
  parameters: ParameterRow[];
  modifications: HeaderModification[];
  /** `Loop k from point number a to b` → [a, b] (0-based, inclusive), in order. */
  loops: [number, number][];
  /** Declared `Number of loops`, when present. */
  loopCount: number | undefined;
}

const KEY_SEP = ' : ';

/** True for a row of the fixed-width parameter table. */
export function isParameterRow(line: string, inTable: boolean): boolean {
  if (line.length < 21 || line.charCodeAt(19) !== 32) return false;
  const name = line.slice(0, 20);
  if (name.includes(KEY_SEP) || name.trim() === '') return false;
  // Rows whose cells are all empty (`ctrl2_val`) occur inside a table, never as its first row.
  if (line.slice(20).trim() === '') return inTable;
  // EC-Lab pads every cell to 20 characters; inside a table accept rows whose padding was trimmed.
  return inTable || (line.length % 20 === 0 && line.endsWith(' '));
}

/** Cells of a parameter-table row: name and 20-character value cells, trimmed. */
export function parameterCells(line: string): ParameterRow {
  const out: ParameterRow = [line.slice(0, 20).trim()];
  for (let at = 20; at < line.length; at += 20) out.push(line.slice(at, at + 20).trim());
  while (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

function addValue(block: HeaderBlock, key: string, value: string | true): void {
  const prev = block[key];
  if (prev === undefined) block[key] = value;
  else if (Array.isArray(prev)) (prev as (string | HeaderBlock)[]).push(value === true ? key : value);
  else if (typeof prev === 'string') block[key] = [prev, value === true ? key : value];
  else if (prev === true) block[key] = value;
  else block[key] = [prev, value === true ? key : value];
}

/** Appends an indented line to the value of `key`. */
function addContinuation(block: HeaderBlock, key: string, line: string): void {
  const t = line.trim();
  const at = t.indexOf(KEY_SEP);
  const prev = block[key];
  const isBlock = prev !== undefined && typeof prev === 'object' && !Array.isArray(prev);
  if (prev === '' || prev === true || isBlock) {
    if (at > 0) {
      const obj: HeaderBlock = isBlock ? (prev as HeaderBlock) : {};
      addValue(obj, t.slice(0, at).trim(), t.slice(at + KEY_SEP.length).trim());
      block[key] = obj;
    } else if (isBlock) addValue(prev as HeaderBlock, t, true);
    else block[key] = [t];
    return;
  }
  if (Array.isArray(prev) && at < 0) {
    (prev as (string | HeaderBlock)[]).push(t);
    return;
  }
  // The key already has its own value (`Mass of active material : 0.001 mg` / ` at x = 0.000`):
  // keep the indented line as an entry of its own.
  if (at > 0) addValue(block, t.slice(0, at).trim(), t.slice(at + KEY_SEP.length).trim());
  else addValue(block, t, true);
}

/**
 * Parses header lines (without the magic line, the `Nb header lines` line and the column names).
 * `isTechnique` recognises a technique-name line.
 * @example
 * const h = parseHeaderLines(['', 'Open Circuit Voltage', '', 'User : me', 'Saved on :', '\tFile : a.mpr'], isKnownTechnique);
 * h.techniques; // ['Open Circuit Voltage']
 * h.settings; // { User: 'me', 'Saved on': { File: 'a.mpr' } }
 */
export function parseHeaderLines(lines: readonly string[], isTechnique: (line: string) => boolean): ParsedHeader {
  const out: ParsedHeader = { techniques: [], settings: {}, parameters: [], modifications: [], loops: [], loopCount: undefined };
  let target = out.settings;
  let params = out.parameters;
  let lastKey: string | undefined;
  let inTable = false;
  let sawContent = false;
  for (const line of lines) {
    if (line.trim() === '') {
      inTable = false;
      lastKey = undefined;
      continue;
    }
    if (isParameterRow(line, inTable)) {
      inTable = true;
      params.push(parameterCells(line));
      continue;
    }
    inTable = false;
    const loop = /^Loop (\d+) from point number (\d+) to (\d+)\s*$/.exec(line);
    if (loop) {
      out.loops.push([Number(loop[2]), Number(loop[3])]);
      continue;
    }
    if (/^\s/.test(line) && lastKey !== undefined) {
      addContinuation(target, lastKey, line);
      continue;
    }
    const at = line.indexOf(KEY_SEP);
    const bare = line.trimEnd();
    if (at < 0 && bare.endsWith(' :')) {
      // `Safety Limits :` / `Saved on :` introduce an indented block.
      lastKey = bare.slice(0, -2).trim();
      addValue(target, lastKey, '');
      continue;
    }
    if (at > 0) {
      const key = line.slice(0, at).trim();
      const value = line.slice(at + KEY_SEP.length).trim();
      if (key === 'Modify on') {
        const mod: HeaderModification = { on: value, settings: {}, parameters: [] };
        out.modifications.push(mod);
        target = mod.settings;
        params = mod.parameters;
        lastKey = undefined;
        continue;
      }
      if (key === 'Number of loops') {
        const n = Number(value);
        if (Number.isInteger(n)) out.loopCount = n;
        lastKey = undefined;
        continue;
      }
      addValue(target, key, value);
      lastKey = key;
      sawContent = true;
      continue;
    }
    // The first statement of the header is the technique name (also one we do not know).
    if (!sawContent && (out.techniques.length === 0 || isTechnique(bare))) {
      out.techniques.push(bare);
      continue;
    }
    addValue(target, bare, true);
    lastKey = bare;
    sawContent = true;
  }
  return out;
}
