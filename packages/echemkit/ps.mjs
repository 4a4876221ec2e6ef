import { openSync, statSync, readSync } from 'node:fs';
const { parseMpr } = await import('@echemkit/format-biologic');
function fileSource(fd, size) { return { size, read(offset, length, into) { const n = Math.max(0, Math.min(length, size - offset)); const out = into && into.length >= n ? into.subarray(0, n) : new Uint8Array(n); let done = 0; while (done < n) { const r = readSync(fd, out, done, n - done, offset + done); if (r === 0) break; done += r; } return done < n ? out.subarray(0, done) : out; } }; }
const ctx = { format: 'biologic.mpr', warn() {}, info() {}, options: {}, fileName: 'x.mpr', diagnostics: [], siblings: new Map() };
const f = process.argv[2];
const t = performance.now();
const r = parseMpr(fileSource(openSync(f, 'r'), statSync(f).size), ctx);
console.log('parse-source', (performance.now() - t).toFixed(0), r.measurements[0].columns.length);
