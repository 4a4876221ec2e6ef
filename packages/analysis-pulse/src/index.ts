/**
 * @echemkit/analysis-pulse — GITT diffusion coefficients (Weppner–Huggins and √t) and DC internal
 * resistance / HPPC on the echemkit schema, using the segmentation of @echemkit/analysis-cycling.
 * Browser-safe.
 * @packageDocumentation
 */
export * from './version.js';
export * from './pulses.js';
export * from './gitt.js';
export * from './dcir.js';
