/**
 * Shared work of one detection pass. `FormatRegistry.detect` hands the same head to every
 * sniffer; many of them start with `headLines(head)`, i.e. decoding the same 16 KiB again. In
 * a detection pass the decoded text is kept for that head object (nobody changes the bytes
 * while the sniffers run); outside one nothing is cached. Not exported from the package.
 */
let scopeHead: Uint8Array | undefined;
let scopeText: string | undefined;

/** Runs `fn` (the sniffers, synchronously) with a cache for `head`. */
export function inSniffScope<T>(head: Uint8Array, fn: () => T): T {
  const outerHead = scopeHead;
  const outerText = scopeText;
  scopeHead = head;
  scopeText = undefined;
  try {
    return fn();
  } finally {
    scopeHead = outerHead;
    scopeText = outerText;
  }
}

/** `decode(head)`, computed once per detection pass for the pass's head. */
export function scopedText(head: Uint8Array, decode: (head: Uint8Array) => string): string {
  if (head !== scopeHead) return decode(head);
  return (scopeText ??= decode(head));
}
