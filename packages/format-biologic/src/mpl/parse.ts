/**
 * The `.mpl` log EC-Lab / BT-Lab writes beside an `.mpr`: the same header as an `.mpt`
 * (technique, settings, parameter table, `Modify on` sections) without data points.
 */
import { FormatError, decodeText, type FormatPlugin, type ParseContext, type ParseResult } from '@echemkit/core';
import { parseBiologicDate } from '../text/dates.js';
import { parseHeaderLines } from '../text/header.js';
import { channelOf, headerText, instrumentOf, sampleOf, softwareOf } from '../text/run-info.js';
import { isKnownTechnique, techniqueShortName } from '../techniques.js';
import { MPL_MAGICS, mplFormat } from './sniff.js';

export { MPL_MAGICS };

/**
 * Parses an `.mpl` into one settings-only measurement (no columns).
 * @example
 * parseMpl(bytes, ctx).measurements[0].technique; // { name: 'MB', vendorName: 'Modulo Bat' }
 */
export function parseMpl(bytes: Uint8Array, ctx: ParseContext): ParseResult {
  const { text } = decodeText(bytes);
  const lines = text.split(/\r\n|\n|\r/);
  const magic = (lines[0] ?? '').trim();
  if (!MPL_MAGICS.some((m) => m.toLowerCase() === magic.toLowerCase())) {
    throw new FormatError('not a Bio-Logic log file', { format: ctx.format, line: 1, expected: MPL_MAGICS.map((m) => `"${m}"`).join(' or '), actual: JSON.stringify(magic.slice(0, 40)) });
  }
  const h = parseHeaderLines(lines.slice(1), isKnownTechnique);
  const vendorName = h.techniques[0] ?? null;
  const startText = headerText(h.settings, 'Acquisition started on');
  const startTime = startText !== undefined ? parseBiologicDate(startText) : null;
  if (startText !== undefined && !startTime) ctx.warn('start time not understood', { ruleId: 'bad-start-time', note: startText });
  const settings: Record<string, unknown> = { header: h.settings };
  if (h.parameters.length) settings.parameters = h.parameters;
  if (h.modifications.length) settings.modifications = h.modifications;
  ctx.info('log file: settings only, the data points are in the .mpr', { ruleId: 'settings-only' });
  const software = softwareOf(h.settings);
  const result: ParseResult = {
    formatVersion: software?.version ?? null,
    channel: channelOf(h.settings),
    measurements: [
      {
        kind: 'timeseries',
        technique: { name: vendorName ? techniqueShortName(vendorName) : 'unknown', vendorName },
        startTime,
        settings,
        metadata: { settingsOnly: true },
        columns: [],
      },
    ],
  };
  if (software) result.software = software;
  const instrument = instrumentOf(h.settings);
  if (instrument) result.instrument = instrument;
  const sample = sampleOf(h.settings, '.');
  if (sample) result.sample = sample;
  return result;
}

/**
 * Bio-Logic EC-Lab / BT-Lab log (`.mpl`): run settings without data.
 * @example
 * import { read } from 'echemkit';
 * const doc = await read(bytes, { fileName: 'run_C01.mpl' }); // one settings-only measurement
 */
export const mplPlugin: FormatPlugin = {
  ...mplFormat,
  parse: parseMpl,
};
