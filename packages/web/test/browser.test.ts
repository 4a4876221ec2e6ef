/**
 * The web page in a real headless Chromium (Debian's, driven by playwright-core): a bundled
 * echemkit with every plugin reads files in the browser, shows the summary and plots.
 * This is also the proof that parser packages need no Node built-ins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath, repoRoot } from '../../../test/helpers/corpus.js';

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!chromium && process.env.CI === 'true') throw new Error('Chromium is required for the browser test under CI=true (.ci/run installs the Debian package)');
if (!chromium) console.warn('[echemkit] SKIPPING browser test: no /usr/bin/chromium (apt-get install chromium)');

describe.runIf(chromium)('web page in headless Chromium', () => {
  let server: Server;
  let base = '';
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    // @ts-expect-error build.mjs is plain JavaScript
    const { buildWeb } = await import('../build.mjs');
    const { outDir } = await buildWeb(join(tmpdir(), `echemkit-web-${process.pid}`));
    server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1);
      const path = join(outDir, name);
      if (!existsSync(path)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(readFileSync(path));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
    const { chromium: pw } = await import('playwright-core');
    browser = await pw.launch({
      executablePath: chromium!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  async function openFile(path: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.setInputFiles('#file', path);
    await page.waitForFunction(() => document.querySelector('#status')?.textContent?.startsWith('read ') || document.querySelector('#status.error'), undefined, { timeout: 60_000 });
    return { page, errors };
  }

  it('reads the bundled sample, shows its columns and plots voltage against time', async () => {
    const { page, errors } = await openFile(join(repoRoot, 'fixtures/samples/gcpl-demo.mpt'));
    expect(await page.textContent('#status')).toMatch(/^read gcpl-demo\.mpt/);
    expect(await page.textContent('#format')).toContain('biologic.mpt');
    expect(await page.textContent('#summary')).toContain('current_ampere');
    expect(await page.locator('#plot svg path').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.runIf(corpusAvailable)('reads a binary .mpr from the corpus in the browser', async () => {
    const { page, errors } = await openFile(corpusPath('biologic-mpr/cp.mpr'));
    expect(await page.textContent('#format')).toContain('biologic.mpr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a clear error for a file it cannot read', async () => {
    const { page } = await openFile(join(repoRoot, 'package.json'));
    expect(await page.textContent('#status.error')).toMatch(/not a supported format|ambiguous/);
    await page.close();
  });
});
