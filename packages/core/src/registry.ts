/** The set of registered format plugins, and detection of an input's format. */
import { DetectionError } from './errors.js';
import { SNIFF_BYTES, type FormatPlugin } from './plugin.js';
import { inSniffScope } from './sniff-scope.js';

export interface Detection {
  plugin: FormatPlugin;
  /** 'forced' (caller named it), 'content' (sniffed) or 'extension'. */
  by: 'forced' | 'content' | 'extension';
  confidence: number;
}

/** Lower-case extension of a file name including the dot, '' when none. */
export function extensionOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const at = base.lastIndexOf('.');
  return at > 0 ? base.slice(at).toLowerCase() : '';
}

/** A registry of format plugins. */
export class FormatRegistry {
  private readonly plugins = new Map<string, FormatPlugin>();

  constructor(plugins: Iterable<FormatPlugin> = []) {
    for (const p of plugins) this.register(p);
  }

  /** Adds a plugin; ids must be unique. */
  register(plugin: FormatPlugin): this {
    if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(plugin.id)) throw new Error(`echemkit: plugin id '${plugin.id}' is not <vendor>.<format>`);
    if (this.plugins.has(plugin.id)) throw new Error(`echemkit: plugin '${plugin.id}' is registered twice`);
    this.plugins.set(plugin.id, plugin);
    return this;
  }

  /** Registered plugins in registration order. */
  list(): FormatPlugin[] {
    return [...this.plugins.values()];
  }

  get(id: string): FormatPlugin | undefined {
    return this.plugins.get(id);
  }

  /**
   * Chooses the plugin for an input: the forced id, else the best content sniff, else a
   * unique extension match. Throws DetectionError listing what was tried otherwise.
   */
  detect(bytes: Uint8Array, fileName = '', forced?: string): Detection {
    if (forced) {
      const p = this.plugins.get(forced);
      if (!p) throw new DetectionError(`no format '${forced}' is registered`, { hint: `Registered formats: ${this.ids()}` });
      return { plugin: p, by: 'forced', confidence: 1 };
    }
    const head = bytes.subarray(0, SNIFF_BYTES);
    const scores: { plugin: FormatPlugin; score: number }[] = [];
    inSniffScope(head, () => {
      for (const plugin of this.plugins.values()) {
        let score = 0;
        try {
          score = plugin.sniff(head);
        } catch {
          score = 0; // a sniffer must never decide detection by crashing
        }
        if (score > 0) scores.push({ plugin, score });
      }
    });
    scores.sort((a, b) => b.score - a.score);
    const ext = extensionOf(fileName);
    if (scores.length) {
      const top = scores[0]!.score;
      let tied = scores.filter((s) => s.score === top);
      // Equal content scores: the extension breaks the tie.
      if (tied.length > 1 && ext) {
        const byExt = tied.filter((s) => s.plugin.extensions.includes(ext));
        if (byExt.length === 1) tied = byExt;
      }
      if (tied.length === 1) return { plugin: tied[0]!.plugin, by: 'content', confidence: top };
      throw new DetectionError(`${fileName || 'input'} is ambiguous: ${tied.map((t) => t.plugin.id).join(', ')} all recognise it`, {
        hint: 'Choose one with --format <id> (read option `format`)',
      });
    }
    const byExt = ext ? this.list().filter((p) => p.extensions.includes(ext)) : [];
    if (byExt.length === 1) return { plugin: byExt[0]!, by: 'extension', confidence: 0.1 };
    const tried = `tried the magic bytes of ${this.plugins.size} formats${ext ? ` and the extension ${ext}` : ''}`;
    if (byExt.length > 1) {
      throw new DetectionError(`${fileName || 'input'} is ambiguous: no content match, and ${byExt.map((p) => p.id).join(', ')} all use ${ext}`, {
        hint: `${tried}. Choose one with --format <id>`,
      });
    }
    throw new DetectionError(`${fileName || 'input'} is not a supported format (${tried})`, {
      hint: `Supported formats: ${this.ids()}`,
    });
  }

  private ids(): string {
    return this.list()
      .map((p) => `${p.id} (${p.extensions.join(' ')})`)
      .join(', ');
  }
}
