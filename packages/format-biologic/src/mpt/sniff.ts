import { startsWithAscii } from '@echemkit/core';
import { MPT_MAGICS } from './parse.js';

/**
 * Confidence that `head` is an `.mpt`: 1 for the magic first line, else 0.
 * @example
 * sniffMpt(new TextEncoder().encode('EC-Lab ASCII FILE\r\n')); // 1
 */
export function sniffMpt(head: Uint8Array): number {
  return MPT_MAGICS.some((m) => startsWithAscii(head, m)) ? 1 : 0;
}
