import { startsWithAscii, type FormatDescriptor } from '@echemkit/core';

/** First line of an `.mps`. */
export const MPS_MAGICS = ['EC-LAB SETTING FILE', 'BT-LAB SETTING FILE'] as const;

/**
 * Confidence that `head` is an `.mps`: 1 for the magic first line, else 0.
 * @example
 * sniffMps(new TextEncoder().encode('EC-LAB SETTING FILE\r\n')); // 1
 */
export function sniffMps(head: Uint8Array): number {
  return MPS_MAGICS.some((m) => startsWithAscii(head, m)) ? 1 : 0;
}

/** What a registry needs of `biologic.mps` without its parser. */
export const mpsFormat: FormatDescriptor = {
  id: 'biologic.mps',
  name: 'Bio-Logic EC-Lab settings (.mps)',
  extensions: ['.mps'],
  binary: false,
  sniff: sniffMps,
};
