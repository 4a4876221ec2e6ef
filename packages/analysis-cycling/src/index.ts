/**
 * @echemkit/analysis-cycling — cycling analysis on the echemkit schema: segmentation into typed
 * steps and cycles (shared with GITT/DCIR), per-cycle capacities, efficiencies, energies, voltages,
 * retention, voltage decay, rate capability, dQ/dV and dV/dQ with peak tracking, and CV peaks.
 * Browser-safe.
 * @packageDocumentation
 */
export * from './version.js';
export * from './stats.js';
export * from './series.js';
export * from './increments.js';
export * from './segment.js';
export * from './cycles.js';
export * from './cycle-table.js';
export * from './rate.js';
export * from './smoothing.js';
export * from './peaks.js';
export * from './differential.js';
export * from './cv.js';
export * from './table.js';
export * from './analyze.js';
