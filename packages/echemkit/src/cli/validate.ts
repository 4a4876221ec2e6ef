/** `echemkit validate`: documents against the schema and the code checks. */
import { readFile } from 'node:fs/promises';
import { validateDocument } from '@echemkit/core';
import { parse, UsageError } from './args.js';
import { validateUsage } from './usage.js';

async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of process.stdin) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function runValidate(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(validateUsage + '\n');
    return 0;
  }
  if (!positionals.length) throw new UsageError('validate needs at least one document');
  let unreadable = 0;
  let invalid = 0;
  const results: unknown[] = [];
  for (const path of positionals) {
    let text: string;
    try {
      text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
    } catch (e) {
      unreadable++;
      results.push({ path, status: 'unreadable', message: (e as Error).message });
      if (!values.json) process.stderr.write(`${path}: unreadable (${(e as Error).message})\n`);
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      unreadable++;
      results.push({ path, status: 'unreadable', message: `not JSON: ${(e as Error).message}` });
      if (!values.json) process.stderr.write(`${path}: unreadable, not JSON (${(e as Error).message})\n`);
      continue;
    }
    const r = validateDocument(doc);
    if (!r.valid) invalid++;
    results.push({ path, status: r.valid ? 'valid' : 'invalid', problems: r.problems });
    if (!values.json) {
      process.stderr.write(`${path}: ${r.valid ? 'valid' : 'INVALID'}\n`);
      for (const p of r.problems) process.stderr.write(`  ${p.severity} ${p.pointer}: ${p.message} [${p.ruleId}]\n`);
    }
  }
  if (values.json) process.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
  return unreadable ? 2 : invalid ? 1 : 0;
}
