/** Assertions on echemkit's typed errors, for the package tests. */
import { expect } from 'vitest';
import { EchemkitError } from '@echemkit/core';

/** Calls fn and returns the EchemkitError it throws (fails when it throws anything else or nothing). */
export function catchEchemkit(fn: () => unknown): EchemkitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EchemkitError);
    return e as EchemkitError;
  }
  throw new Error('expected an EchemkitError');
}
