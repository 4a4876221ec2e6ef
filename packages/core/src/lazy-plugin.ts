/**
 * Plugins whose parser code is imported on first use. A registry of lazy plugins costs only
 * their descriptors and sniffers at start-up; a conversion imports the one parser it runs.
 */
import { PluginLoadError, isEchemkitError } from './errors.js';
import type { ByteSource } from './byte-source.js';
import { parseFromSource, type FormatDescriptor, type FormatPlugin, type ParseContext, type ParseResult } from './plugin.js';

/**
 * A plugin made of a light descriptor (id, name, extensions, binary, sniff) and an import of
 * the full plugin. Its `load` imports the full plugin once (and awaits that plugin's own
 * `load`, if any); its `parse` delegates to it, and throws `PluginLoadError` when `load` has
 * not resolved. The imported plugin must have the descriptor's id, name, extensions and
 * binary flag (checked on load), so both can be exported side by side.
 * @example
 * import { hasMagic, lazyPlugin } from '@echemkit/core';
 * export const lazyMprPlugin = lazyPlugin(
 *   { id: 'biologic.mpr', name: 'Bio-Logic binary (.mpr)', extensions: ['.mpr'], binary: true, sniff: (h) => (hasMagic(h, 'BIO-LOGIC MODULAR FILE') ? 1 : 0) },
 *   () => import('./mpr/index.js').then((m) => m.mprPlugin),
 * );
 */
export function lazyPlugin(descriptor: FormatDescriptor, importPlugin: () => Promise<FormatPlugin>): FormatPlugin {
  let impl: FormatPlugin | undefined;
  let pending: Promise<void> | undefined;
  const { id, name, extensions, binary, sniff } = descriptor;
  const load = async (): Promise<void> => {
    let p: FormatPlugin;
    try {
      p = await importPlugin();
      await p.load?.();
    } catch (e) {
      throw loadError(id, e, 'The installation may be incomplete; reinstall the package');
    }
    const same = p.id === id && p.name === name && p.binary === binary && p.extensions.join() === extensions.join();
    if (!same) throw new PluginLoadError(`the loaded parser is '${p.id}' (${p.name}), which does not match its descriptor`, { format: id, hint: 'This is a packaging bug; please report it' });
    impl = p;
  };
  return {
    id,
    name,
    extensions,
    binary,
    sniff,
    load(): Promise<void> {
      // One import per plugin; a failed import may be retried.
      pending ??= load().catch((e: unknown) => {
        pending = undefined;
        throw e;
      });
      return pending;
    },
    parse(bytes: Uint8Array, ctx: ParseContext): ParseResult {
      return loaded().parse(bytes, ctx);
    },
    parseSource(source: ByteSource, ctx: ParseContext): ParseResult {
      return parseFromSource(loaded(), source, ctx);
    },
  };
  function loaded(): FormatPlugin {
    if (!impl) {
      throw new PluginLoadError('parse() was called before the parser was loaded', {
        format: id,
        hint: 'Await plugin.load() first, or read through readBytes()/read(), which do',
      });
    }
    return impl;
  }
}

/**
 * Awaits a plugin's `load` hook when it has one, so that its synchronous `parse` can run.
 * Failures other than echemkit errors become `PluginLoadError`.
 * @example
 * await loadPlugin(registry.get('neware.ndax')!);
 */
export async function loadPlugin(plugin: FormatPlugin): Promise<void> {
  if (!plugin.load) return;
  try {
    await plugin.load();
  } catch (e) {
    throw loadError(plugin.id, e);
  }
}

/** echemkit errors pass through; anything else becomes a `PluginLoadError` naming the plugin. */
function loadError(id: string, e: unknown, hint?: string): Error {
  if (isEchemkitError(e)) return e;
  return new PluginLoadError(`cannot load the parser (${e instanceof Error ? e.message : String(e)})`, { format: id, cause: e, ...(hint ? { hint } : {}) });
}
