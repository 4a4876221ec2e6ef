/**
 * echemkit — read battery, electrochemistry and surface-analysis instrument files into
 * one JSON schema. Browser entry: `read` takes bytes or a Blob/File.
 * @packageDocumentation
 */
export { read, convert, validate, formats, outputsOf, type ReadOptions, type ConvertOptions, type ConvertedFile, type BinaryInput } from './api.js';
export { allPlugins, defaultRegistry } from './plugins.js';
export { lineChart, niceTicks, type Series, type ChartOptions } from './plot/svg.js';
export * from '@echemkit/core';
