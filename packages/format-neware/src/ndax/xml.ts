/**
 * XML members of an `.ndax`: decoded with the encoding their declaration names (GB2312 is
 * read as GB18030, its superset), parsed with xml2js (synchronous callback) into a small
 * element tree that keeps attribute values verbatim.
 */
import { parseString } from 'xml2js';
import { FormatError } from '@echemkit/core';

/** An element: tag, attributes as written, child elements in order. */
export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** Encoding named in the XML declaration, mapped to a TextDecoder label. */
function declaredEncoding(b: Uint8Array): string {
  let head = '';
  for (let i = 0; i < Math.min(b.length, 200); i++) head += String.fromCharCode(b[i]!);
  const m = /encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/.exec(head);
  const e = (m?.[1] ?? 'utf-8').toLowerCase();
  if (e === 'gb2312' || e === 'gbk' || e === 'gb18030' || e === 'cp936') return 'gb18030';
  return e;
}

/** Decodes an XML member's bytes with its declared encoding. */
export function decodeXml(b: Uint8Array): string {
  let label = declaredEncoding(b);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    label = 'utf-8';
    decoder = new TextDecoder('utf-8');
  }
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return decoder.decode(b.subarray(start));
}

interface Xml2jsNode {
  '#name'?: string;
  $?: Record<string, string>;
  $$?: Xml2jsNode[];
}

function convert(n: Xml2jsNode, tag: string, depth: number): XmlNode {
  const children: XmlNode[] = [];
  if (depth < 64) for (const c of n.$$ ?? []) if (c && typeof c === 'object' && c['#name'] && c['#name'] !== '__text__') children.push(convert(c, c['#name'], depth + 1));
  return { tag, attrs: { ...(n.$ ?? {}) }, children };
}

/**
 * Parses an XML member into its root element.
 * @example
 * parseXmlMember(new TextEncoder().encode('<root><a x="1"/></root>'), 'neware.ndax', 'a.xml').children[0].attrs.x; // '1'
 */
export function parseXmlMember(b: Uint8Array, format: string, member: string): XmlNode {
  const text = decodeXml(b);
  let result: unknown;
  let error: unknown;
  try {
    parseString(text, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true, charsAsChildren: false, async: false }, (err, res) => {
      if (err) error ??= err;
      else result = res;
    });
  } catch (e) {
    error ??= e;
  }
  if (error || !result || typeof result !== 'object') {
    throw new FormatError(`member ${member} is not well-formed XML (${error instanceof Error ? error.message.split('\n')[0] : 'empty'})`, { format, hint: 'The archive may be corrupt' });
  }
  const [tag, node] = Object.entries(result as Record<string, Xml2jsNode>)[0]!;
  return convert(node ?? {}, tag, 0);
}

/** First descendant path `a/b/c` below a node. */
export function childPath(n: XmlNode | undefined, path: string): XmlNode | undefined {
  let cur = n;
  for (const part of path.split('/')) {
    cur = cur?.children.find((c) => c.tag === part);
    if (!cur) return undefined;
  }
  return cur;
}

/** A plain object of an element: attributes, then children by tag (repeated tags as arrays). */
export function toPlain(n: XmlNode, depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = { ...n.attrs };
  if (depth > 32) return o;
  for (const c of n.children) {
    const v = toPlain(c, depth + 1);
    const prev = o[c.tag];
    if (prev === undefined) o[c.tag] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else o[c.tag] = [prev, v];
  }
  return o;
}
