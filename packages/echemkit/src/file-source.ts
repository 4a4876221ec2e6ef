/**
 * Large input files in Node: read by offset instead of whole (`ByteSource`), and hashed on a
 * worker thread while the main thread parses. A 250 MB .mpr then never sits in memory beside
 * the columns decoded from it.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ByteSource } from '@echemkit/core';

/**
 * A source over an open file descriptor (synchronous positional reads; the parse is synchronous).
 * @example
 * const fh = await open('big.mpr'); const src = fileSource(fh.fd, (await fh.stat()).size);
 */
export function fileSource(fd: number, size: number): ByteSource {
  return {
    size,
    read(offset: number, length: number, into?: Uint8Array): Uint8Array {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = into && into.length >= n ? into.subarray(0, n) : new Uint8Array(n);
      let done = 0;
      while (done < n) {
        const r = readSync(fd, out, done, n - done, offset + done);
        if (r === 0) break; // the file shrank since it was opened
        done += r;
      }
      return done < n ? out.subarray(0, done) : out;
    },
  };
}

/**
 * SHA-256 of a file read through one reused buffer (a read stream's fresh buffer per chunk
 * leaves the file's size in garbage until the next collection).
 */
function hashHere(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    try {
      const fd = openSync(path, 'r');
      try {
        const h = createHash('sha256');
        const buf = new Uint8Array(1 << 20);
        for (let pos = 0; ; ) {
          const n = readSync(fd, buf, 0, buf.length, pos);
          if (!n) break;
          h.update(buf.subarray(0, n));
          pos += n;
        }
        resolve(h.digest('hex'));
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      reject(e);
    }
  });
}

/** The same loop on a worker thread (CommonJS, evaluated). */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
try {
  const h = require('node:crypto').createHash('sha256');
  const fd = fs.openSync(workerData, 'r');
  const buf = new Uint8Array(1 << 20);
  for (let pos = 0; ; ) {
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    if (!n) break;
    h.update(buf.subarray(0, n));
    pos += n;
  }
  fs.closeSync(fd);
  parentPort.postMessage(h.digest('hex'));
} catch (e) {
  parentPort.postMessage({ error: String(e) });
}
`;

/**
 * SHA-256 of a file, computed on a worker thread (it runs beside the parse on another core);
 * on this thread if the worker cannot run.
 */
export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(HASH_WORKER, { eval: true, workerData: path });
    } catch {
      hashHere(path).then(resolve, reject);
      return;
    }
    let settled = false;
    const fallback = () => {
      if (settled) return;
      settled = true;
      hashHere(path).then(resolve, reject);
    };
    worker.once('message', (m: string | { error: string }) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (typeof m === 'string') resolve(m);
      else hashHere(path).then(resolve, reject);
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
}
