/**
 * @echemkit/analysis-eis — EIS analysis on the echemkit schema: equivalent-circuit fitting
 * (CNLS), Lin-KK validation and the distribution of relaxation times (DRT).
 * Browser-safe: plain typed arrays, no Node built-ins.
 * @packageDocumentation
 */
export * from './spectrum.js';
export * from './elements.js';
export * from './circuit.js';
export * from './fit.js';
export { levenbergMarquardt, type LmOptions, type LmResult, type ResidualFunction } from './lm.js';
export { VERSION } from './version.js';
export * from './linkk.js';
export * from './drt/drt.js';
export * from './drt/peaks.js';
export { gaussianEpsilon, kernelMatrices, penaltyMatrix, gammaFromCoefficients } from './drt/rbf.js';
export { nnlsNormal } from './drt/nnls.js';
export * from './batch.js';
export { studentTQuantile, studentTCdf } from './stats.js';
