/**
 * XML members of an `.ndax`: decoded with the encoding their declaration names (GB2312 is
 * read as GB18030, its superset), parsed with xml2js (synchronous callback) into a small
 * element tree that keeps attribute values verbatim.
 */
// The parser module alone: the package entry also loads the XML builder (xmlbuilder), twice the start-up time.
import { parseString } from 'xml2js/lib/parser.js';
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

// Names, attributes and tag ends of the simple XML that NEWARE writes (ASCII names, quoted
// values without entities); anything else goes to xml2js.
const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const ATTR = /[ \t\r\n]+([A-Za-z_:][A-Za-z0-9_:.-]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<&]*)"|'([^'<&]*)')/y;
const TAG_END = /[ \t\r\n]*(\/?)>/y;
const WHITE = /[ \t\r\n]*/y;

/**
 * The element tree of simple, well-formed XML (declaration, elements, attributes, text
 * without entities), exactly as xml2js + sax give it through `convert` (children below depth
 * 64 dropped), or undefined for anything else (comments, CDATA, DOCTYPE, entities, non-ASCII
 * names, duplicate attributes, any error), which xml2js then parses. A few native regex and
 * indexOf calls per tag instead of a character-by-character state machine.
 */
function parseSimpleXml(text: string): XmlNode | undefined {
  // Entities (in text or values) are xml2js's business.
  if (text.includes('&')) return undefined;
  const n = text.length;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const stop = lt < 0 ? n : lt;
    if (stop > i && stack.length === 0) {
      // Outside the root element only white space.
      WHITE.lastIndex = i;
      WHITE.test(text);
      if (WHITE.lastIndex !== stop) return undefined;
    }
    if (lt < 0) break;
    const c = text.charCodeAt(lt + 1);
    if (c === 0x3f) {
      // Processing instruction (the XML declaration): only before the root element.
      if (root) return undefined;
      // sax ends it at a '?' followed by '>', and takes the character after any other '?' as body.
      let q = text.indexOf('?', lt + 2);
      while (q >= 0 && text.charCodeAt(q + 1) !== 0x3e) q = text.indexOf('?', q + 2);
      if (q < 0) return undefined;
      i = q + 2;
      continue;
    }
    if (c === 0x2f) {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(text);
      if (!m) return undefined;
      TAG_END.lastIndex = NAME.lastIndex;
      const t = TAG_END.exec(text);
      if (!t || t[1]) return undefined;
      if (stack.pop()?.tag !== m[0]) return undefined;
      i = TAG_END.lastIndex;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(text);
    if (!m || (root && stack.length === 0) || m[0] === '__text__') return undefined;
    const attrs: Record<string, string> = {};
    let p = NAME.lastIndex;
    for (;;) {
      ATTR.lastIndex = p;
      const a = ATTR.exec(text);
      if (!a) break;
      // Repeated names and Object.prototype names: xml2js's own handling applies.
      if (a[1]! in attrs) return undefined;
      attrs[a[1]!] = a[2] ?? a[3]!;
      p = ATTR.lastIndex;
    }
    TAG_END.lastIndex = p;
    const t = TAG_END.exec(text);
    if (!t) return undefined;
    i = TAG_END.lastIndex;
    const node: XmlNode = { tag: m[0], attrs, children: [] };
    if (stack.length === 0) root = node;
    else if (stack.length - 1 < 64) stack[stack.length - 1]!.children.push(node);
    if (!t[1]) stack.push(node);
  }
  return root && stack.length === 0 ? root : undefined;
}

/**
 * Parses an XML member into its root element.
 * @example
 * parseXmlMember(new TextEncoder().encode('<root><a x="1"/></root>'), 'neware.ndax', 'a.xml').children[0].attrs.x; // '1'
 */
export function parseXmlMember(b: Uint8Array, format: string, member: string): XmlNode {
  const text = decodeXml(b);
  const simple = parseSimpleXml(text);
  if (simple) return simple;
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
