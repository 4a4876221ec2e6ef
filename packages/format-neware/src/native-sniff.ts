/**
 * Detection of the native NEWARE files (`.nda`, `.ndax`) without their parsers: the lazy
 * plugins (`./lazy.ts`) need it, and importing `nda/parse.ts` or `ndax/parse.ts` would load the
 * decoders and xml2js. The parsers' plugins spread these descriptors.
 */
import { hasMagic, type FormatDescriptor } from '@echemkit/core';

/**
 * Sniff: `NEWARE` magic followed by eight date digits (1), or by anything else (0.6).
 * @example
 * sniffNda(new TextEncoder().encode('NEWARE20200325\x1d')); // 1
 */
export function sniffNda(head: Uint8Array): number {
  if (!hasMagic(head, 'NEWARE')) return 0;
  for (let i = 6; i < 14 && i < head.length; i++) if (head[i]! < 0x30 || head[i]! > 0x39) return 0.6;
  return 1;
}

const latin1 = new TextDecoder('latin1');

/**
 * Sniff: a zip whose first bytes name NEWARE members (data.ndc, TestInfo.xml …). The head is
 * decoded one character per byte in one call (the patterns are printable ASCII).
 * @example
 * sniffNdax(firstBytesOfAnNdax); // 1
 */
export function sniffNdax(head: Uint8Array): number {
  if (head.length < 30 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) return 0;
  const text = latin1.decode(head.subarray(0, 65536));
  if (/data\.ndc|data_runInfo\.ndc|data_step\.ndc/.test(text) && /(TestInfo|VersionInfo|Step)\.xml|\.ndc/.test(text)) return 1;
  if (/(TestInfo|VersionInfo|EditStep)\.xml/.test(text)) return 0.8;
  return 0;
}

/** What a registry needs of `neware.nda` without its parser. */
export const ndaFormat: FormatDescriptor = {
  id: 'neware.nda',
  name: 'NEWARE BTS binary (.nda)',
  extensions: ['.nda'],
  binary: true,
  sniff: sniffNda,
};

/** What a registry needs of `neware.ndax` without its parser (xml2js is imported by the parser only). */
export const ndaxFormat: FormatDescriptor = {
  id: 'neware.ndax',
  name: 'NEWARE BTS archive (.ndax)',
  extensions: ['.ndax'],
  binary: true,
  sniff: sniffNdax,
};
