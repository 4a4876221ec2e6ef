/** Decoding of text inputs with a clear error for binary data. */
import { decodeText, FormatError } from '@echemkit/core';

/**
 * Decodes a text file (BOM, UTF-8, UTF-16 or Windows-1252) and refuses binary data: NUL
 * characters in a file announced as text mean it is not one (or is corrupt).
 */
export function decodeTextInput(bytes: Uint8Array, format: string): string {
  const { text } = decodeText(bytes);
  const nul = text.indexOf('\u0000');
  if (nul !== -1 && nul < text.length - 8) {
    // Some exporters pad the end with NULs; NULs inside the text mean binary content.
    throw new FormatError('the file holds binary data, not text', { format, offset: nul, hint: 'Check that the file is the text export this reader expects' });
  }
  return nul === -1 ? text : text.slice(0, nul);
}
