/**
 * Regenerates the files derived from schemas/echemkit.schema.json:
 * - packages/core/src/generated/schema-types.ts (TypeScript types, json-schema-to-typescript)
 * - packages/core/src/generated/validate-document.js (ajv 2020 standalone validator)
 * `npm run generate` writes them; test/schema-drift.test.ts fails when they are stale.
 */
import { writeFileSync } from 'node:fs';
import { generateArtifacts } from './schema-artifacts.js';

const artifacts = await generateArtifacts();
for (const [path, text] of Object.entries(artifacts)) {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
