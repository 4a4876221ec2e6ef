/** The CLI's Node-backed I/O (stdout/stderr, reading documents, writing files). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, type EchemkitDocument } from '@echemkit/core';
import type { CliIO } from '../analyze/types.js';
import { read, readInputFile } from '../node.js';

/** Reads an echemkit JSON document, or converts an instrument file. */
export async function readDocumentOrFile(path: string, options: { format?: string } = {}): Promise<EchemkitDocument> {
  if (/\.json$/i.test(path)) {
    const bytes = await readInputFile(path);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      throw new InputError(`${path} is not valid JSON (${(e as Error).message})`, { format: 'echemkit' });
    }
    if (!parsed || typeof parsed !== 'object' || (parsed as { echemkit?: unknown }).echemkit === undefined) {
      throw new InputError(`${path} is JSON but not an echemkit document (no "echemkit" version field)`, { format: 'echemkit' });
    }
    return parsed as EchemkitDocument;
  }
  return read(path, options.format ? { format: options.format } : {});
}

export const nodeIO: CliIO = {
  stdout: (data) => {
    process.stdout.write(data);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readDocument: readDocumentOrFile,
  writeFile: async (path, data) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  },
};
