import { hasMagic } from '@echemkit/core';
import { MPR_MAGIC } from './modules.js';

/**
 * 1 when the bytes start with the `.mpr` magic text, else 0.
 * @example
 * sniffMpr(new TextEncoder().encode('BIO-LOGIC MODULAR FILE\x1a')); // 1
 */
export function sniffMpr(head: Uint8Array): number {
  return hasMagic(head, MPR_MAGIC) ? 1 : 0;
}
