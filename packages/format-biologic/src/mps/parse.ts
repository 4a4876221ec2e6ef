/**
 * The `.mps` settings file EC-Lab / BT-Lab writes beside the data: global settings, then one
 * block per linked technique (`Technique : k`, the technique name, its parameter table).
 * It holds no data points.
 */
import { FormatError, decodeText, type ParseContext, type ParseResult } from '@echemkit/core';
import { parseHeaderLines, type HeaderBlock, type ParameterRow } from '../text/header.js';
import { instrumentOf, sampleOf } from '../text/run-info.js';
import { isKnownTechnique, techniqueShortName } from '../techniques.js';
import { MPS_MAGICS } from './sniff.js';

export { MPS_MAGICS };

/** One linked technique of a settings file. */
export interface MpsTechnique {
  /** 1-based position in the sequence (`Technique : k`). */
  index: number;
  /** Short name (GCPL, PEIS …). */
  name: string;
  /** As written (`Galvanostatic Cycling with Potential Limitation`). */
  vendorName: string | null;
  /** `key : value` lines inside the block, verbatim. */
  settings: HeaderBlock;
  /** Parameter table rows, verbatim (name, then one cell per sequence). */
  parameters: ParameterRow[];
}

/** A parsed settings file. */
export interface MpsSettings {
  /** Global `key : value` lines and statements, verbatim. */
  header: HeaderBlock;
  techniques: MpsTechnique[];
}

/**
 * Parses `.mps` text into global settings and linked techniques.
 * @example
 * const s = parseMpsText('EC-LAB SETTING FILE\r\n\r\nNumber of linked techniques : 1\r\n\r\nTechnique : 1\r\nOpen Circuit Voltage\r\n');
 * s.techniques[0].name; // 'OCV'
 */
export function parseMpsText(text: string, format = 'biologic.mps'): MpsSettings {
  const lines = text.split(/\r\n|\n|\r/);
  const magic = (lines[0] ?? '').trim().toUpperCase();
  if (!MPS_MAGICS.includes(magic as (typeof MPS_MAGICS)[number])) {
    throw new FormatError('not a Bio-Logic settings file', { format, line: 1, expected: MPS_MAGICS.map((m) => `"${m}"`).join(' or '), actual: JSON.stringify((lines[0] ?? '').slice(0, 40)) });
  }
  // Split at `Technique : k` lines.
  const blocks: { index: number; line: number; lines: string[] }[] = [];
  const global: string[] = [];
  let current: string[] = global;
  for (let i = 1; i < lines.length; i++) {
    const m = /^Technique\s*:\s*(\d{1,6})\s*$/.exec(lines[i]!);
    if (m) {
      const b = { index: Number(m[1]), line: i + 1, lines: [] as string[] };
      blocks.push(b);
      current = b.lines;
    } else current.push(lines[i]!);
  }
  // The global part has no technique-name line: parse it with an empty dummy first statement rule.
  const g = parseHeaderLines(['(settings)', ...global], () => false);
  const techniques: MpsTechnique[] = blocks.map((b) => {
    const h = parseHeaderLines(b.lines, isKnownTechnique);
    const vendorName = h.techniques[0] ?? null;
    return { index: b.index, name: vendorName ? techniqueShortName(vendorName) : 'unknown', vendorName, settings: h.settings, parameters: h.parameters };
  });
  return { header: g.settings, techniques };
}

/**
 * The `biologic.mps` parse: one settings-only measurement (no columns) per linked technique.
 * @example
 * parseMps(bytes, ctx).measurements.map((m) => m.technique.name); // ['MIR', 'CA']
 */
export function parseMps(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const s = parseMpsText(text, ctx.format);
  const declared = s.header['Number of linked techniques'];
  if (typeof declared === 'string' && Number(declared) !== s.techniques.length) {
    ctx.warn(`header declares ${declared} linked techniques, the file holds ${s.techniques.length}`, { ruleId: 'technique-count-mismatch', expected: declared, actual: String(s.techniques.length) });
  }
  ctx.info('settings file: technique sequence and parameters only, no data points', { ruleId: 'settings-only' });
  const result: ParseResult = {
    formatVersion: null,
    measurements: s.techniques.map((t) => ({
      name: `technique ${t.index}`,
      kind: 'timeseries' as const,
      technique: { name: t.name, vendorName: t.vendorName },
      startTime: null,
      settings: { header: s.header, technique: t.settings, parameters: t.parameters },
      metadata: { settingsOnly: true, techniqueIndex: t.index },
      columns: [],
    })),
  };
  const instrument = instrumentOf(s.header);
  if (instrument) result.instrument = instrument;
  const sample = sampleOf(s.header, '.');
  if (sample) result.sample = sample;
  return result;
}
