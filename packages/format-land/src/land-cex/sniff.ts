/** Detection of LAND `.cex` files: the four-byte magic. */
import type { FormatDescriptor } from '@echemkit/core';
import { CEX_MAGIC } from './layout.js';

/** True when the bytes start with the `.cex` magic. */
export function hasCexMagic(bytes: Uint8Array): boolean {
  if (bytes.length < CEX_MAGIC.length) return false;
  for (let i = 0; i < CEX_MAGIC.length; i++) if (bytes[i] !== CEX_MAGIC[i]) return false;
  return true;
}

/** What a registry needs of `land.cex` without its parser. */
export const landCexFormat: FormatDescriptor = {
  id: 'land.cex',
  name: 'LAND Monitor data file (.cex)',
  extensions: ['.cex'],
  binary: true,
  // The magic decides (other versions are recognised too, so the user gets the version error).
  sniff: (head) => (hasCexMagic(head) ? 1 : 0),
};
