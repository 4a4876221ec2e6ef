/** `echemkit analyze xps` and `analyze depth-profile` with a fake CLI io (files read through the format plugins). */
import { readFileSync } from 'node:fs';
import { readBytes, registryOf } from '@echemkit/core';
import { plugins as xpsPlugins } from '@echemkit/format-xps';
import { plugins as simsPlugins } from '@echemkit/format-tofsims';
import { describe, expect, it } from 'vitest';
import { describeCorpus, corpusPath } from '../../../test/helpers/corpus.js';
import { command as xps } from '../../echemkit/src/analyze/xps.js';
import { command as depth } from '../../echemkit/src/analyze/depth-profile.js';
import { fakeIO } from '../../../test/helpers/cli-io.js';

function fakeIo(files: Record<string, Uint8Array> = {}) {
  return fakeIO(async (path, options) => readBytes(files[path] ?? new Uint8Array(readFileSync(path)), { registry: registryOf([...xpsPlugins, ...simsPlugins]), fileName: path.split('/').pop()!, sha256: false, ...(options?.format ? { format: options.format } : {}) }));
}

describeCorpus('echemkit analyze xps', () => {
  it('fits Fe 2p of FeO_analyzed.vms with two named peaks and reports JSON with provenance', async () => {
    const { io, out } = fakeIo();
    const code = await xps.run([corpusPath('xps-vamas/FeO_analyzed.vms'), '--peaks', 'Fe2p3/2=710,Fe2p1/2=723.5', '--shape', 'GLS', '--range', '700:735', '--json'], io);
    expect(code).toBe(0);
    const r = JSON.parse(out.join(''));
    expect(r.package).toEqual({ name: '@echemkit/analysis-surface', version: '0.1.0' });
    const comps = r.results[0].components;
    expect(comps.map((c: { name: string }) => c.name)).toEqual(['Fe2p3/2', 'Fe2p1/2']);
    // The 2p3/2–2p1/2 spin–orbit splitting of Fe(II) oxide is ≈ 13 eV.
    expect(comps[1].position - comps[0].position).toBeGreaterThan(12.5);
    expect(comps[1].position - comps[0].position).toBeLessThan(14);
    expect(r.results[0].ratios[0].ratio).toBeGreaterThan(0.3);
    expect(r.results[0].ratios[0].ratio).toBeLessThan(0.8);
    expect(r.results[0].parameters.background).toBe('shirley');
  });

  it('without --peaks: Shirley-subtracted area per region; charge referencing with --shift', async () => {
    const { io, out } = fakeIo();
    const code = await xps.run([corpusPath('xps-vamas/Mutlipak_vms.npl'), '--region', 'C1s', '--shift=-0.5', '--range', '279.5:292', '--json'], io);
    expect(code).toBe(0);
    const r = JSON.parse(out.join(''));
    expect(r.chargeReference.shift).toBe(-0.5);
    expect(r.results).toHaveLength(1);
    expect(r.results[0].from).toBeCloseTo(279.5, 9);
    expect(r.results[0].to).toBeCloseTo(292, 9);
    expect(r.results[0].backgroundConverged).toBe(true);
    expect(r.results[0].area).toBeGreaterThan(0);
  });

  it('usage errors exit 2, missing regions exit 1', async () => {
    const a = fakeIo();
    expect(await xps.run(['--background', 'magic', 'x.vms'], a.io)).toBe(2);
    const b = fakeIo();
    expect(await xps.run([corpusPath('xps-vamas/regular.vms'), '--region', 'Zr3d'], b.io)).toBe(1);
    expect(b.err.join('')).toMatch(/no spectrum for region Zr3d/);
  });
});

describe('echemkit analyze depth-profile', () => {
  const file = [
    '# IONTOF SurfaceLab depth profile',
    'Sputter Time (s)\tLiF-\tC-',
    ...Array.from({ length: 101 }, (_, i) => {
      const d = i * 0.5 * 0.2;
      return `${i * 0.5}\t${(1000 / (1 + Math.exp((d - 5) / 0.5))).toFixed(4)}\t${(4000 / (1 + Math.exp(-(d - 6) / 0.5))).toFixed(4)}`;
    }),
  ].join('\n');
  it('finds the 50 % depths of a decaying and a rising marker', async () => {
    const { io, out } = fakeIo({ 'p.txt': new TextEncoder().encode(file) });
    const code = await depth.run(['p.txt', '--rate', '0.2', '--marker', 'LiF-', '--marker', 'C-:rise', '--json'], io);
    expect(code).toBe(0);
    const r = JSON.parse(out.join(''));
    expect(r.axis).toBe('depth_nanometre');
    expect(r.interfaces[0].species).toBe('LiF-');
    expect(r.interfaces[0].position).toBeCloseTo(5, 2);
    expect(r.interfaces[1].position).toBeCloseTo(6, 1);
    expect(r.parameters.sputterRate).toBe(0.2);
  });
  it('bad options exit 2', async () => {
    const { io } = fakeIo();
    expect(await depth.run(['p.txt', '--normalise', 'weird'], io)).toBe(2);
  });
});
