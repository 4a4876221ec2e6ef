/**
 * Document validation: the precompiled ajv (2020-12) validator generated from
 * schemas/echemkit.schema.json, then the code checks (checks.ts).
 */
import { checkDocument } from './checks.js';
// @ts-expect-error generated standalone ajv code has no type declarations
import validateSchema from './generated/validate-document.js';

export interface ValidationProblem {
  severity: 'error' | 'warning';
  /** JSON pointer to the offending value. */
  pointer: string;
  message: string;
  ruleId: string;
}

export interface ValidationResult {
  /** True when no problem has severity error. */
  valid: boolean;
  problems: ValidationProblem[];
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** Copy of the document with typed-array values replaced by [] so ajv checks structure only. */
function structureOnly(doc: unknown): unknown {
  const d = doc as { measurements?: unknown[] };
  if (!d || typeof d !== 'object' || !Array.isArray(d.measurements)) return doc;
  const strip = (cols: unknown) =>
    Array.isArray(cols)
      ? cols.map((c: { values?: unknown; scaleExponent?: unknown }) => {
          if (!c || typeof c !== 'object') return c;
          const { scaleExponent: _s, ...rest } = c as Record<string, unknown>;
          return ArrayBuffer.isView(c.values) ? { ...rest, values: [] } : rest;
        })
      : cols;
  return {
    ...d,
    measurements: d.measurements.map((m: unknown) => {
      if (!m || typeof m !== 'object') return m;
      const mm = m as { columns?: unknown; tables?: unknown };
      const out: Record<string, unknown> = { ...mm, columns: strip(mm.columns) };
      if (Array.isArray(mm.tables)) out.tables = mm.tables.map((t: { columns?: unknown }) => (t && typeof t === 'object' ? { ...t, columns: strip(t.columns) } : t));
      return out;
    }),
  };
}

function describe(e: AjvError): string {
  if (e.keyword === 'required') return `missing required property '${String(e.params.missingProperty)}'`;
  if (e.keyword === 'additionalProperties') return `unknown property '${String(e.params.additionalProperty)}'`;
  if (e.keyword === 'enum') return `${e.message ?? 'not allowed'}: ${JSON.stringify(e.params.allowedValues)}`;
  return e.message ?? e.keyword;
}

/**
 * Validates a document (in memory, or parsed from JSON).
 * @example
 * const r = validateDocument({ echemkit: '1.0' });
 * r.valid; // false — source, measurements and diagnostics are missing
 */
export function validateDocument(doc: unknown): ValidationResult {
  const problems: ValidationProblem[] = [];
  const ok = (validateSchema as (d: unknown) => boolean)(structureOnly(doc));
  if (!ok) {
    const errors = ((validateSchema as unknown as { errors?: AjvError[] }).errors ?? []) as AjvError[];
    for (const e of errors) {
      // oneOf/anyOf report every branch; the branch errors carry the useful text.
      if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
      problems.push({ severity: 'error', pointer: e.instancePath || '/', message: describe(e), ruleId: `schema-${e.keyword}` });
    }
    if (!problems.length) problems.push({ severity: 'error', pointer: '/', message: 'does not match the schema', ruleId: 'schema' });
  }
  for (const p of checkDocument(doc)) problems.push({ severity: p.severity, pointer: p.pointer, message: p.message, ruleId: p.ruleId });
  return { valid: !problems.some((p) => p.severity === 'error'), problems };
}
