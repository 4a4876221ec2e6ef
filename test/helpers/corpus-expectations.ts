/**
 * What the conformance harness demands of the corpus: folders whose every file must be
 * read by one of the listed plugins (with reasoned exceptions), and registered plugins
 * that have no public sample in the corpus.
 */
export const expectations: {
  owned: Record<string, { plugins: string[]; except?: Record<string, string> }>;
  noCorpusSample: Record<string, string>;
} = {
  owned: {},
  noCorpusSample: {},
};
