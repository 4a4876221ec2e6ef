/**
 * Lazy plugins (`@echemkit/format-<vendor>/lazy`, registered by the `echemkit` umbrella) against
 * the packages' loaded plugins: same descriptors, same sniff scores, same parse results; and
 * detection alone imports no parser (no SheetJS, xml2js or binary-parser).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PluginLoadError, SNIFF_BYTES, type FormatPlugin, type ParseContext } from '@echemkit/core';
import { allPlugins } from 'echemkit';
import * as biologic from '@echemkit/format-biologic';
import * as biologicLazy from '@echemkit/format-biologic/lazy';
import * as chi from '@echemkit/format-chi';
import * as chiLazy from '@echemkit/format-chi/lazy';
import * as land from '@echemkit/format-land';
import * as landLazy from '@echemkit/format-land/lazy';
import * as neware from '@echemkit/format-neware';
import * as newareLazy from '@echemkit/format-neware/lazy';
import * as potentiostat from '@echemkit/format-potentiostat';
import * as potentiostatLazy from '@echemkit/format-potentiostat/lazy';
import * as tofsims from '@echemkit/format-tofsims';
import * as tofsimsLazy from '@echemkit/format-tofsims/lazy';
import * as xps from '@echemkit/format-xps';
import * as xpsLazy from '@echemkit/format-xps/lazy';
import { corpusAvailable, manifest, readCorpus, repoRoot } from './helpers/corpus.js';

const packages: [string, readonly FormatPlugin[], readonly FormatPlugin[]][] = [
  ['biologic', biologic.plugins, biologicLazy.lazyPlugins],
  ['neware', neware.plugins, newareLazy.lazyPlugins],
  ['land', land.plugins, landLazy.lazyPlugins],
  ['chi', chi.plugins, chiLazy.lazyPlugins],
  ['potentiostat', potentiostat.plugins, potentiostatLazy.lazyPlugins],
  ['xps', xps.plugins, xpsLazy.lazyPlugins],
  ['tofsims', tofsims.plugins, tofsimsLazy.lazyPlugins],
];
const descriptor = (p: FormatPlugin) => ({ id: p.id, name: p.name, extensions: [...p.extensions], binary: p.binary });
const ctx = (format: string): ParseContext => ({ fileName: 'x', format, options: {}, siblings: new Map(), warn: () => {}, info: () => {} });
/** Heads of every corpus file, whole and cut (sniffers see cut heads of short reads too). */
const heads = corpusAvailable ? manifest().flatMap((e) => { const b = readCorpus(e.file).subarray(0, SNIFF_BYTES); return [b, b.subarray(0, 4096), b.subarray(0, 200), b.subarray(0, 31)].map((h) => ({ file: e.file, h })); }) : [];

/** The smallest corpus file (≤ 2 MB) the plugin claims with confidence ≥ 0.9. */
function smallestClaimed(p: FormatPlugin): string | undefined {
  const claimed = (corpusAvailable ? manifest() : []).filter((e) => e.bytes <= 2 << 20 && p.sniff(readCorpus(e.file).subarray(0, SNIFF_BYTES)) >= 0.9);
  return claimed.sort((a, b) => a.bytes - b.bytes)[0]?.file;
}

describe('lazy plugins', () => {
  // First, before anything in this file loads a parser.
  it('detection loads no parser: parse still says it was not loaded', () => {
    for (const { h } of heads) for (const p of allPlugins) p.sniff(h);
    for (const p of allPlugins) expect(() => p.parse(new Uint8Array(0), ctx(p.id)), p.id).toThrow(PluginLoadError);
  });

  it('the umbrella registers every package lazy plugin, in package order', () => {
    expect(allPlugins.map((p) => p.id)).toEqual(packages.flatMap(([, , lazy]) => lazy.map((p) => p.id)));
  });

  for (const [name, eager, lazy] of packages) {
    it(`${name}: same descriptors, same order, same sniff scores on the corpus`, () => {
      expect(lazy.map(descriptor)).toEqual(eager.map(descriptor));
      const differ: string[] = [];
      for (const { file, h } of heads) for (let i = 0; i < eager.length; i++) if (lazy[i]!.sniff(h) !== eager[i]!.sniff(h)) differ.push(`${eager[i]!.id} on ${file}@${h.length}`);
      expect(differ).toEqual([]);
    });

    it(`${name}: after load, the same parse result as the loaded plugin (smallest corpus file of each)`, async () => {
      await Promise.all(lazy.map((p) => p.load!()));
      for (let i = 0; i < eager.length; i++) {
        const e = smallestClaimed(eager[i]!);
        if (!e) continue; // e.g. no LAND or IONTOF files in the corpus
        const bytes = readCorpus(e);
        const run = (p: FormatPlugin) => {
          try {
            return p.parse(bytes, ctx(p.id));
          } catch (err) {
            return { error: String(err) };
          }
        };
        expect(run(lazy[i]!), `${eager[i]!.id} on ${e}`).toEqual(run(eager[i]!));
      }
    });
  }
});

describe('module graph', () => {
  it('detecting every corpus file imports no parser module and none of SheetJS, xml2js, binary-parser; reading an .mpt imports its parser only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'echemkit-lazy-'));
    const log = join(dir, 'loaded.txt');
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
    const files = corpusAvailable ? manifest().map((e) => join(repoRoot, '..', 'shared', 'fixtures', e.file)) : [];
    const script = `
      import { readFileSync, appendFileSync } from 'node:fs';
      import { defaultRegistry, read } from ${JSON.stringify(pathToFileURL(join(repoRoot, 'packages/echemkit/src/node.ts')).href)};
      const registry = defaultRegistry();
      for (const f of ${JSON.stringify(files)}) { try { registry.detect(readFileSync(f).subarray(0, 65536), f); } catch {} }
      appendFileSync(${JSON.stringify(log)}, '--- detected\\n');
      await read(${JSON.stringify(join(repoRoot, 'fixtures/samples/gcpl-demo.mpt'))}, { sha256: false });
      appendFileSync(${JSON.stringify(log)}, '--- read\\n');`;
    writeFileSync(join(dir, 'main.mjs'), script);
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'main.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = readFileSync(log, 'utf8');
    const [detected, reading] = text.split('--- detected\n') as [string, string];
    // Parser modules: the targets of the lazy entries' dynamic imports.
    const parserModules = readdirSync(join(repoRoot, 'packages')).filter((p) => p.startsWith('format-')).flatMap((p) => [...readFileSync(join(repoRoot, 'packages', p, 'src/lazy.ts'), 'utf8').matchAll(/import\('\.\/([\w/.-]+)\.js'\)/g)].map((m) => `/packages/${p}/src/${m[1]}.ts`));
    expect(parserModules.length).toBeGreaterThan(20);
    expect(detected).toContain('/packages/format-neware/src/native-sniff.ts'); // the hook saw the sniffers
    const heavy = /\/node_modules\/(xlsx|@e965\/xlsx|xml2js|sax|binary-parser)\//;
    expect(detected.split('\n').filter((u) => heavy.test(u) || parserModules.some((m) => u.endsWith(m)))).toEqual([]);
    expect(reading).toContain('/packages/format-biologic/src/mpt/plugin.ts');
    expect(reading.split('\n').filter((u) => heavy.test(u) || (parserModules.some((m) => u.endsWith(m)) && !u.endsWith('/mpt/plugin.ts')))).toEqual([]);
  });
});
