import { startsWithAscii } from '@echemkit/core';
import { MPS_MAGICS } from './parse.js';

/**
 * Confidence that `head` is an `.mps`: 1 for the magic first line, else 0.
 * @example
 * sniffMps(new TextEncoder().encode('EC-LAB SETTING FILE\r\n')); // 1
 */
export function sniffMps(head: Uint8Array): number {
  return MPS_MAGICS.some((m) => startsWithAscii(head, m)) ? 1 : 0;
}
