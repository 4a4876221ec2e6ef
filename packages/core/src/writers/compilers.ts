/** Writers as unified compilers (the compile phase of the pipeline). */
import type { Plugin, Processor } from 'unified';
import type { EchemkitTree } from '../host.js';
import { bdfCsvOutput, type CsvWriterOptions } from './bdf-csv.js';
import type { ChunkedOutput } from './chunks.js';
import { jsonOutput, type JsonWriterOptions } from './json.js';

declare module 'unified' {
  interface CompileResultMap {
    ChunkedOutput: ChunkedOutput;
  }
}

/** unified attacher: compile to JSON chunks. */
export const echemkitJson: Plugin<[JsonWriterOptions?], EchemkitTree, ChunkedOutput> = function (options = {}) {
  (this as unknown as Processor<undefined, undefined, undefined, EchemkitTree, ChunkedOutput>).compiler = (tree) => jsonOutput((tree as EchemkitTree).document, options);
};

/** unified attacher: compile one measurement to BDF CSV chunks. */
export const echemkitBdfCsv: Plugin<[CsvWriterOptions?], EchemkitTree, ChunkedOutput> = function (options = {}) {
  (this as unknown as Processor<undefined, undefined, undefined, EchemkitTree, ChunkedOutput>).compiler = (tree) => bdfCsvOutput((tree as EchemkitTree).document, options);
};
