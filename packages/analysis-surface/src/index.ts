/**
 * @echemkit/analysis-surface — XPS (charge referencing, Shirley/Tougaard backgrounds, GL line
 * shapes, constrained multi-peak fits with area uncertainties) and ToF-SIMS depth profiles
 * (normalisation, depth scale, interface depths, summaries) on echemkit documents.
 * @packageDocumentation
 */
export { VERSION, provenance, type Provenance } from './version.js';
export { gls, glp, unitArea, trueFwhm, shapeFunction, parseCasaLineShape, type LineShape } from './xps/lineshapes.js';
export { linearBackground, shirleyBackground, tougaardBackground, endIntensities, type ShirleyOptions, type TougaardOptions, type TougaardParameters } from './xps/background.js';
export { levenbergMarquardt, type LmProblem, type LmResult } from './xps/lm.js';
export { fitXps, type PeakSpec, type FitOptions, type FittedComponent, type AreaRatio, type XpsFitResult, type BackgroundKind } from './xps/fit.js';
export { chargeShift, chargeReferenceFromC1s, applyChargeShift, type ChargeReference } from './xps/charge.js';
export { spectrumXY, findSpectra } from './xps/spectrum.js';
export {
  profileOf,
  normalise,
  depthFromTime,
  crossing,
  movingMedian,
  interfacePosition,
  summarise,
  analyzeDepthProfile,
  type Profile,
  type Normalisation,
  type InterfaceOptions,
  type InterfaceResult,
  type SpeciesSummary,
  type DepthProfileOptions,
  type DepthProfileResult,
} from './sims/depth-profile.js';
