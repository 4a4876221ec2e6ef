import { startsWithAscii, type FormatDescriptor } from '@echemkit/core';

/** First lines of an `.mpt`, as EC-Lab and BT-Lab write them. */
export const MPT_MAGICS = ['EC-Lab ASCII FILE', 'BT-Lab ASCII FILE'] as const;

/**
 * Confidence that `head` is an `.mpt`: 1 for the magic first line, else 0.
 * @example
 * sniffMpt(new TextEncoder().encode('EC-Lab ASCII FILE\r\n')); // 1
 */
export function sniffMpt(head: Uint8Array): number {
  return MPT_MAGICS.some((m) => startsWithAscii(head, m)) ? 1 : 0;
}

/** What a registry needs of `biologic.mpt` without its parser. */
export const mptFormat: FormatDescriptor = {
  id: 'biologic.mpt',
  name: 'Bio-Logic EC-Lab text export (.mpt)',
  extensions: ['.mpt'],
  binary: false,
  sniff: sniffMpt,
};
