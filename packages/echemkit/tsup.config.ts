import { defineConfig } from 'tsup';

const base = { format: ['esm'] as const, target: 'es2022' };

export default defineConfig([
  // The CLI: code splitting, so each command, analysis topic and tinyglobby load when used.
  // clean keeps index.js/node.js, written concurrently by the second build; all types come from here.
  { ...base, entry: { cli: 'src/cli.ts' }, dts: { entry: { index: 'src/index.ts', node: 'src/node.ts', cli: 'src/cli.ts' } }, clean: ['!index.js', '!node.js'] },
  // The library entries without splitting: with it esbuild drops `export * from '@echemkit/core'`.
  { ...base, entry: { index: 'src/index.ts', node: 'src/node.ts' }, splitting: false, dts: false, clean: false },
  // The CSV worker thread bundles the few core modules it runs: it starts in tens of milliseconds.
  // Resolved from core's sources (the `source` condition), so only those modules are included.
  {
    ...base,
    entry: { 'csv-worker': 'src/csv-worker.ts' },
    splitting: false,
    dts: false,
    clean: false,
    noExternal: ['@echemkit/core'],
    esbuildOptions(o) {
      o.conditions = ['source'];
    },
  },
]);
