/** Version of @echemkit/analysis-surface, recorded in every result. */
export const VERSION = '0.1.0';

/** What every analysis result carries: the method, the parameters used and the package version. */
export interface Provenance {
  method: string;
  parameters: Record<string, unknown>;
  package: { name: '@echemkit/analysis-surface'; version: string };
}

/** Builds the provenance block of a result. */
export function provenance(method: string, parameters: Record<string, unknown>): Provenance {
  return { method, parameters, package: { name: '@echemkit/analysis-surface', version: VERSION } };
}
