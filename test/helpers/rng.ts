/** Deterministic pseudo-random numbers for tests, so failures reproduce (core's mulberry32). */
export { mulberry32 as rng } from '@echemkit/core';
