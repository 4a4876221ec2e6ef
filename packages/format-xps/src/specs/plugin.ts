import { headLines, type FormatPlugin } from '@echemkit/core';
import { parseSpecsXy } from './xy.js';
import { parseSpecsXml } from './xml.js';

/**
 * SPECS Prodigy `.xy` export.
 * @example
 * const doc = await read(bytes, { fileName: 'sample.xy' });
 */
export const specsXyPlugin: FormatPlugin = {
  id: 'specs.xy',
  name: 'SPECS Prodigy XY export (.xy)',
  extensions: ['.xy'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 6);
    if (l.some((x) => /^#\s*XY-Serializer Export Settings/.test(x))) return 1;
    return /^#\s*Created by:\s*SpecsLab Prodigy/.test(l[0] ?? '') ? 1 : 0;
  },
  parse: parseSpecsXy,
};

/**
 * SpecsLab2 XML (`.xml`): sequence → group → region → cycle → scan data.
 * @example
 * const doc = await read(bytes, { fileName: 'sample.xml' });
 */
export const specsXmlPlugin: FormatPlugin = {
  id: 'specs.xml',
  name: 'SpecsLab2 XML (.xml)',
  extensions: ['.xml'],
  binary: false,
  sniff: (head) => {
    const t = headLines(head, 40).join('\n');
    if (!/^\s*<\?xml|^\s*</.test(t)) return 0;
    return /type_name="RegionGroupSeq"/.test(t) || /SpecsLab2?/i.test(t) ? 1 : 0;
  },
  parse: parseSpecsXml,
};
