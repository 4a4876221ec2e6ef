/**
 * Builds the web page into dist/: one ES module bundle of src/main.ts (echemkit's browser
 * entry, every plugin) plus index.html. Node's `events` and `timers` (needed by xml2js) are
 * replaced by their browser ports. `buildWeb()` is also used by the browser test.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export async function buildWeb(outDir = join(here, 'dist')) {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(here, 'src', 'main.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    outfile: join(outDir, 'app.js'),
    minify: true,
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
    alias: { events: require.resolve('events/'), timers: require.resolve('timers-browserify') },
    define: { global: 'globalThis' },
  });
  copyFileSync(join(here, 'src', 'index.html'), join(outDir, 'index.html'));
  return { outDir, inputs: Object.keys(result.metafile.inputs) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outDir, inputs } = await buildWeb();
  console.log(`built ${outDir} from ${inputs.length} modules`);
}
