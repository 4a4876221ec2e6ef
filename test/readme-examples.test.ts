/**
 * Every ```ts example block in the READMEs (root and packages) is run as a test, so the
 * documented examples cannot rot. Blocks use node:assert and may use top-level await.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/corpus.js';

function readmes(): string[] {
  const list = [join(repoRoot, 'README.md')];
  for (const p of readdirSync(join(repoRoot, 'packages'))) {
    const f = join(repoRoot, 'packages', p, 'README.md');
    if (existsSync(f)) list.push(f);
  }
  return list;
}

function examples(file: string): { line: number; code: string }[] {
  const text = readFileSync(file, 'utf8');
  const out: { line: number; code: string }[] = [];
  const re = /^```ts example[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ line: text.slice(0, m.index).split('\n').length, code: m[1]! });
  return out;
}

const work = join(repoRoot, 'node_modules', '.cache', 'echemkit-doctest');

describe('README examples', () => {
  const all = readmes().flatMap((f) => examples(f).map((e) => ({ file: f, ...e })));
  it('the root README has at least one example', () => {
    expect(all.some((e) => e.file === join(repoRoot, 'README.md'))).toBe(true);
  });
  for (const ex of all) {
    const name = `${relative(repoRoot, ex.file)}:${ex.line}`;
    it(name, () => {
      mkdirSync(work, { recursive: true });
      const path = join(work, `${name.replace(/[^a-z0-9]+/gi, '_')}.mts`);
      writeFileSync(path, ex.code);
      const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', path], { cwd: repoRoot, encoding: 'utf8' });
      expect(r.status, `example ${name} failed:\n${r.stderr}${r.stdout}`).toBe(0);
    }, 120_000);
  }
});
