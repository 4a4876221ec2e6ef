/** The optional `load` hook: lazy plugins, the host awaiting it, and the typed errors around it. */
import { describe, expect, it, vi } from 'vitest';
import { VFile } from 'vfile';
import { createReader, FormatError, FormatRegistry, isEchemkitError, lazyPlugin, loadPlugin, PluginLoadError, prepareParse, readBytes, type EchemkitTree, type FormatDescriptor, type FormatPlugin } from '@echemkit/core';
import { makeTestBin, testBinPlugin } from './fixtures.js';

const { parse: _parse, ...descriptor } = testBinPlugin;
const testBinFormat: FormatDescriptor = descriptor;

/** A lazy test.bin whose import is counted (a stand-in for `() => import('./parse.js')`). */
function counted(impl: () => Promise<FormatPlugin> = async () => testBinPlugin) {
  const importPlugin = vi.fn(impl);
  return { plugin: lazyPlugin(testBinFormat, importPlugin), importPlugin };
}

describe('lazyPlugin', () => {
  it('keeps the descriptor and sniffs without loading', () => {
    const { plugin, importPlugin } = counted();
    expect(plugin).toMatchObject({ id: 'test.bin', name: 'Test binary', extensions: ['.tbin'], binary: true });
    expect(plugin.sniff(makeTestBin([[0, 1]]))).toBe(1);
    expect(new FormatRegistry([plugin]).detect(makeTestBin([]), 'x.tbin').plugin).toBe(plugin);
    expect(importPlugin).not.toHaveBeenCalled();
  });

  it('throws PluginLoadError from parse before load, and parses after it', async () => {
    const { plugin, importPlugin } = counted();
    const ctx = { fileName: 'x', format: plugin.id, options: {}, siblings: new Map(), warn: () => {}, info: () => {} };
    let err: unknown;
    try {
      plugin.parse(makeTestBin([[0, 1]]), ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PluginLoadError);
    expect(err).toMatchObject({ code: 'ECHEM_PLUGIN_LOAD', format: 'test.bin' });
    expect(isEchemkitError(err)).toBe(true);
    await Promise.all([plugin.load!(), plugin.load!()]);
    await plugin.load!();
    expect(importPlugin).toHaveBeenCalledTimes(1);
    expect(plugin.parse(makeTestBin([[0, 3.5]]), ctx).measurements[0]!.columns[1]!.values).toEqual(new Float32Array([3.5]));
  });

  it('is loaded by readBytes after detection, only for the detected plugin', async () => {
    const a = counted();
    const other = counted(async () => ({ ...testBinPlugin, id: 'other.bin' }));
    const otherLazy = lazyPlugin({ ...testBinFormat, id: 'other.bin', extensions: ['.oth'], sniff: () => 0 }, other.importPlugin);
    const doc = await readBytes(makeTestBin([[0, 3.2]]), { registry: new FormatRegistry([a.plugin, otherLazy]), fileName: 'x.tbin', sha256: false });
    expect(doc.source.format).toBe('test.bin');
    expect(a.importPlugin).toHaveBeenCalledTimes(1);
    expect(other.importPlugin).not.toHaveBeenCalled();
  });

  it('turns a failed import into PluginLoadError and lets a later load retry', async () => {
    let fail = true;
    const { plugin, importPlugin } = counted(async () => {
      if (fail) throw new Error('Cannot find module ./parse.js');
      return testBinPlugin;
    });
    const registry = new FormatRegistry([plugin]);
    const first = readBytes(makeTestBin([[0, 1]]), { registry, fileName: 'x.tbin', sha256: false });
    await expect(first).rejects.toBeInstanceOf(PluginLoadError);
    await expect(first).rejects.toThrow(/test\.bin: cannot load the parser \(Cannot find module \.\/parse\.js\)/);
    fail = false;
    await expect(readBytes(makeTestBin([[0, 1]]), { registry, fileName: 'x.tbin', sha256: false })).resolves.toMatchObject({ source: { format: 'test.bin' } });
    expect(importPlugin).toHaveBeenCalledTimes(2);
  });

  it('refuses a loaded plugin that does not match its descriptor', async () => {
    const { plugin } = counted(async () => ({ ...testBinPlugin, id: 'wrong.bin' }));
    await expect(plugin.load!()).rejects.toThrow(/loaded parser is 'wrong\.bin'/);
  });

  it('keeps echemkit errors of a plugin load hook as they are', async () => {
    const failing: FormatPlugin = { ...testBinPlugin, load: async () => { throw new FormatError('no codec', { format: 'test.bin' }); } };
    await expect(loadPlugin(failing)).rejects.toBeInstanceOf(FormatError);
    await expect(loadPlugin(testBinPlugin)).resolves.toBeUndefined();
  });
});

describe('host and load hook', () => {
  it('awaits any plugin load hook before its synchronous parse', async () => {
    let ready = false;
    const plugin: FormatPlugin = {
      ...testBinPlugin,
      load: async () => {
        await new Promise((r) => setTimeout(r, 5));
        ready = true;
      },
      parse: (bytes, ctx) => {
        if (!ready) throw new PluginLoadError('not loaded', { format: ctx.format });
        return testBinPlugin.parse(bytes, ctx);
      },
    };
    const doc = await readBytes(makeTestBin([[0, 1]]), { registry: new FormatRegistry([plugin]), sha256: false });
    expect(doc.measurements).toHaveLength(1);
  });

  it('prepareParse lets a createReader processor run a lazy plugin; without it parse says what to do', async () => {
    const { plugin } = counted();
    const registry = new FormatRegistry([plugin]);
    const fileOf = () => {
      const f = new VFile({ path: 'x.tbin', value: '' });
      f.data.bytes = makeTestBin([[0, 1]]);
      return f;
    };
    expect(() => createReader({ registry }).parse(fileOf())).toThrow(/before the parser was loaded.*readBytes/);
    const file = fileOf();
    const detection = await prepareParse(file, { registry });
    expect(detection).toMatchObject({ by: 'content', plugin: { id: 'test.bin' } });
    const tree = createReader({ registry }).parse(file) as EchemkitTree;
    expect(tree.document.source.format).toBe('test.bin');
    expect(file.data.detectedBy).toBe('content');
  });
});
