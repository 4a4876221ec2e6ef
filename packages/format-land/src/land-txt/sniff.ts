/** Content sniffing for LANDdt text exports: the record header within the first lines. */
import type { FormatDescriptor } from '@echemkit/core';
import { decodeLandText } from './decode.js';
import { findLandHeader } from './header-line.js';

/**
 * Confidence that `head` is a LANDdt text export.
 * @example
 * sniffLandText(new TextEncoder().encode('Index\tTestTime/Sec.\tVoltage/V\tCurrent/mA\n')); // 0.8
 */
export function sniffLandText(head: Uint8Array): number {
  if (head.length < 8) return 0;
  for (let i = 0; i < Math.min(head.length, 512); i++) if (head[i] === 0) return 0;
  const lines = decodeLandText(head.subarray(0, Math.min(head.length, 16384))).text.split(/\r\n|\n|\r/, 60);
  return findLandHeader(lines) ? 0.8 : 0;
}

/** What a registry needs of `land.txt` without its parser. */
export const landTextFormat: FormatDescriptor = {
  id: 'land.txt',
  name: 'LAND LANDdt text export (.txt, .csv)',
  extensions: ['.txt', '.csv'],
  binary: false,
  sniff: sniffLandText,
};
