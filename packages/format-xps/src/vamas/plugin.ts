import { decodeText, FormatError, type FormatPlugin, type ParseContext, type ParseResult } from '@echemkit/core';
import { keyValueComments } from './casa.js';
import { parseVamasText } from './parse.js';
import { isCommentFragment, sniffVamas, vamasFormat } from './sniff.js';

/** A bare VAMAS comment block (as cut out of a Kratos file): kept as one measurement without columns. */
function parseFragment(text: string, ctx: ParseContext): ParseResult {
  const lines = text.split(/\r\n|\n|\r/);
  const k = Number(lines[0]!.trim());
  const body = lines.slice(1, 1 + k);
  if (body.length < k) ctx.warn(`the comment block announces ${k} lines but has ${body.length}`, { ruleId: 'truncated-record', line: body.length + 1, expected: `${k} lines` });
  ctx.info('a VAMAS comment block without the VAMAS header: metadata only, no spectrum', { ruleId: 'vamas-comment-fragment', line: 1 });
  return {
    formatVersion: 'ISO 14976 comment block',
    measurements: [{ name: 'comment block', kind: 'spectrum', technique: { name: 'XPS', vendorName: null }, startTime: null, settings: keyValueComments(body), metadata: { comments: body }, columns: [] }],
  };
}

/**
 * VAMAS / ISO 14976 (`.vms`, `.npl`) reader.
 * @example
 * const doc = await read(bytes, { fileName: 'regular.vms' }); // one `spectrum` measurement per block
 */
export const vamasPlugin: FormatPlugin = {
  ...vamasFormat,
  parse(bytes, ctx) {
    const { text } = decodeText(bytes);
    const firstLines = text.slice(0, 4096).split(/\r\n|\n|\r/, 12);
    if (sniffVamas(bytes.subarray(0, 4096)) < 1 && isCommentFragment(firstLines)) return parseFragment(text, ctx);
    if (!text.length) throw new FormatError('empty file', { format: ctx.format, offset: 0, expected: 'the VAMAS identifier line' });
    return parseVamasText(text, ctx);
  },
};
