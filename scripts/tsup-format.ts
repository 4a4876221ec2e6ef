/**
 * The tsup build of a format package (`packages/format-<vendor>/tsup.config.ts`):
 *
 * - `index` and every module `src/lazy.ts` imports dynamically (`import('./mpt/plugin.js')`),
 *   built as entries with code splitting, so each parser is its own file plus shared chunks;
 * - `lazy` built on its own as ONE file: the descriptors and sniffers inlined, its dynamic
 *   imports left pointing at those built parser files.
 *
 * So a registry of lazy plugins costs one module per package at start-up (not one per chunk
 * the splitter would otherwise cut between sniffers and parsers), and reading a file imports
 * only its parser.
 */
import { readFileSync } from 'node:fs';
import type { Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/** Leaves `import('./x.js')` of src/lazy.ts as written: the target is a file of the main build. */
const keepDynamicImports: EsbuildPlugin = {
  name: 'keep-dynamic-imports',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/** Build options of the format package in the current directory. */
export function formatPackageConfig(): Options[] {
  const lazy = readFileSync('src/lazy.ts', 'utf8');
  const targets = new Set([...lazy.matchAll(/import\(\s*'\.\/([\w/.-]+)\.js'\s*\)/g)].map((m) => m[1]!));
  const entry: Record<string, string> = { index: 'src/index.ts' };
  for (const t of targets) entry[t] = `src/${t}.ts`;
  const base: Options = { format: ['esm'], target: 'es2022' };
  return [
    // clean keeps lazy.js, written concurrently by the second build; its types come from here.
    { ...base, entry, dts: { entry: { index: 'src/index.ts', lazy: 'src/lazy.ts' } }, clean: ['!lazy.js'] },
    { ...base, entry: { lazy: 'src/lazy.ts' }, dts: false, splitting: false, clean: false, esbuildPlugins: [keepDynamicImports] },
  ];
}
