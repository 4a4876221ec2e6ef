/** Recognises SPECS Prodigy `.xy` exports and SpecsLab2 XML (without xml2js). */
import { headLines, type FormatDescriptor } from '@echemkit/core';

/** What a registry needs of `specs.xy` without its parser. */
export const specsXyFormat: FormatDescriptor = {
  id: 'specs.xy',
  name: 'SPECS Prodigy XY export (.xy)',
  extensions: ['.xy'],
  binary: false,
  sniff: (head) => {
    const l = headLines(head, 6);
    if (l.some((x) => /^#\s*XY-Serializer Export Settings/.test(x))) return 1;
    return /^#\s*Created by:\s*SpecsLab Prodigy/.test(l[0] ?? '') ? 1 : 0;
  },
};

/** What a registry needs of `specs.xml` without its parser (xml2js is imported by the parser only). */
export const specsXmlFormat: FormatDescriptor = {
  id: 'specs.xml',
  name: 'SpecsLab2 XML (.xml)',
  extensions: ['.xml'],
  binary: false,
  sniff: (head) => {
    const t = headLines(head, 40).join('\n');
    if (!/^\s*<\?xml|^\s*</.test(t)) return 0;
    return /type_name="RegionGroupSeq"/.test(t) || /SpecsLab2?/i.test(t) ? 1 : 0;
  },
};
