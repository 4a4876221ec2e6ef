/** A fake CLI io for the `echemkit analyze` topic tests: collects stdout and stderr. */
import type { EchemkitDocument } from '@echemkit/core';
import type { CliIO } from '../../packages/echemkit/src/analyze/types.js';

/** `readDocument` returns `doc` (or calls it, when it is a reader); output is collected in `out` / `err`. */
export function fakeIO(doc: EchemkitDocument | CliIO['readDocument']): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (d) => void out.push(typeof d === 'string' ? d : new TextDecoder().decode(d)),
    stderr: (t) => void err.push(t),
    readDocument: typeof doc === 'function' ? doc : async () => doc,
    writeFile: async () => undefined,
  };
  return { io, out, err };
}
