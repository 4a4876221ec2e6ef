import { hasMagic, type FormatDescriptor } from '@echemkit/core';

/** Fixed file start: magic text, DOS EOF, space padding, four zero bytes. */
export const MPR_MAGIC = 'BIO-LOGIC MODULAR FILE';

/**
 * 1 when the bytes start with the `.mpr` magic text, else 0.
 * @example
 * sniffMpr(new TextEncoder().encode('BIO-LOGIC MODULAR FILE\x1a')); // 1
 */
export function sniffMpr(head: Uint8Array): number {
  return hasMagic(head, MPR_MAGIC) ? 1 : 0;
}

/** What a registry needs of `biologic.mpr` without its parser (binary-parser is imported by the parser only). */
export const mprFormat: FormatDescriptor = {
  id: 'biologic.mpr',
  name: 'Bio-Logic EC-Lab / BT-Lab binary (.mpr)',
  extensions: ['.mpr'],
  binary: true,
  sniff: sniffMpr,
};
