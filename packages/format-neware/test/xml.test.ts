/**
 * The fast path of the `.ndax` XML reader against xml2js itself: same element tree (or the same
 * error) for the corpus members, hand-made edge cases and mutated members.
 */
import { readdirSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { parseString } from 'xml2js';
import { describe, expect, it } from 'vitest';
import { corpusPath, describeCorpus, readCorpus } from '../../../test/helpers/corpus.js';
import { decodeXml, parseXmlMember } from '../src/ndax/xml.js';

interface X2 {
  '#name'?: string;
  $?: Record<string, string>;
  $$?: X2[];
}

/** The tree as xml2js alone gives it (the reader's own conversion, written out again here). */
function viaXml2js(b: Uint8Array): unknown {
  const convert = (n: X2, tag: string, depth: number): unknown => {
    const children: unknown[] = [];
    if (depth < 64) for (const c of n.$$ ?? []) if (c && typeof c === 'object' && c['#name'] && c['#name'] !== '__text__') children.push(convert(c, c['#name'], depth + 1));
    return { tag, attrs: { ...(n.$ ?? {}) }, children };
  };
  let result: unknown;
  let error: unknown;
  try {
    parseString(decodeXml(b), { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true, charsAsChildren: false, async: false }, (err, res) => {
      if (err) error ??= err;
      else result = res;
    });
  } catch (e) {
    error ??= e;
  }
  if (error || !result || typeof result !== 'object') return `error: ${error instanceof Error ? error.message.split('\n')[0] : 'empty'}`;
  const [tag, node] = Object.entries(result as Record<string, X2>)[0]!;
  return convert(node ?? {}, tag, 0);
}

function viaReader(b: Uint8Array): unknown {
  try {
    return JSON.parse(JSON.stringify(parseXmlMember(b, 'neware.ndax', 'm.xml')));
  } catch (e) {
    const m = /not well-formed XML \((.*)\)\. The archive/s.exec((e as Error).message);
    return `error: ${m ? m[1] : (e as Error).message}`;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

const CASES = [
  '<a/>',
  "<a b='x\ty\r\nz'/>",
  '<?xml version="1.0" encoding="utf-8"?>\r\n<r>\r\n  <x a = "1" />text &gt; more\r\n</r>\r\n',
  '<r a="1" a="2"/>',
  '<r toString="1" __proto__="2"/>',
  '<r/><r/>',
  '<r></s>',
  '<r>',
  '',
  '  ',
  '<r><!-- c --></r>',
  '<r><![CDATA[x]]></r>',
  '<r a="<"/>',
  '<r a=1/>',
  '<r a="1"b="2"/>',
  '<r/>junk',
  '<r>&bad;</r>',
  '<r><__text__ a="1"/></r>',
  '<r:x y:z="1"><a.b-c_d e.f="2"/></r:x>',
  '<?xml version="1.0" encoding="utf-8??>\r\n<r/>',
  '<?pi a?b?><r/><?late?>',
  '\uFEFF<r/>',
  '<r >< x/></r>',
  '<r/ >',
  '<é a="é"/>',
  Array.from({ length: 70 }, (_, i) => `<d${i} k="${i}">`).join('') + Array.from({ length: 70 }, (_, i) => `</d${69 - i}>`).join(''),
];

describe('XML members', () => {
  it('give the same tree or error as xml2js on edge cases', () => {
    for (const c of CASES) expect(viaReader(enc(c)), c).toEqual(viaXml2js(enc(c)));
  });
});

describeCorpus('XML members of the corpus', () => {
  it('give the same tree as xml2js, also when mutated', () => {
    const members: Uint8Array[] = [];
    for (const f of readdirSync(corpusPath('neware-ndax'))) {
      for (const [name, data] of Object.entries(unzipSync(readCorpus(`neware-ndax/${f}`)))) if (name.endsWith('.xml')) members.push(data);
    }
    expect(members.length).toBeGreaterThan(20);
    let s = 11;
    const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
    const special = [0x3c, 0x3e, 0x2f, 0x22, 0x27, 0x3d, 0x20, 0x26, 0x21, 0x3f, 0x61, 0x0a];
    for (let k = 0; k < 1500; k++) {
      const b = members[k % members.length]!.slice();
      if (k >= members.length) {
        for (let j = 0; j <= k % 3; j++) b[Math.floor(r() * b.length)] = r() < 0.7 ? special[Math.floor(r() * special.length)]! : Math.floor(r() * 256);
      }
      expect(viaReader(b)).toEqual(viaXml2js(b));
    }
  });
});
