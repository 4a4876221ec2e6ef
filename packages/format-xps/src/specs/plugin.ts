import type { FormatPlugin } from '@echemkit/core';
import { specsXmlFormat, specsXyFormat } from './sniff.js';
import { parseSpecsXy } from './xy.js';
import { parseSpecsXml } from './xml.js';

/**
 * SPECS Prodigy `.xy` export.
 * @example
 * const doc = await read(bytes, { fileName: 'sample.xy' });
 */
export const specsXyPlugin: FormatPlugin = {
  ...specsXyFormat,
  parse: parseSpecsXy,
};

/**
 * SpecsLab2 XML (`.xml`): sequence → group → region → cycle → scan data.
 * @example
 * const doc = await read(bytes, { fileName: 'sample.xml' });
 */
export const specsXmlPlugin: FormatPlugin = {
  ...specsXmlFormat,
  parse: parseSpecsXml,
};
