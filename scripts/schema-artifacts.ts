import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
export const schemaPath = `${root}schemas/echemkit.schema.json`;
export const typesPath = `${root}packages/core/src/generated/schema-types.ts`;
export const validatorPath = `${root}packages/core/src/generated/validate-document.js`;

/** Returns path → file text for every artifact generated from the schema. */
export async function generateArtifacts(): Promise<Record<string, string>> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const types = await compile(structuredClone(schema), 'EchemkitDocument', {
    bannerComment: '/* Generated from schemas/echemkit.schema.json by `npm run generate`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  const AjvCtor = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
  const ajv = new AjvCtor({ code: { source: true, esm: true, lines: true }, allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  const standalone = (standaloneCode as unknown as { default?: typeof standaloneCode }).default ?? standaloneCode;
  const code = `// @ts-nocheck\n/* Generated from schemas/echemkit.schema.json by \`npm run generate\` (ajv standalone, 2020-12). Do not edit. */\n${standalone(ajv, validate)}`;
  return { [typesPath]: types, [validatorPath]: code };
}
