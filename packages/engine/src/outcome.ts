// What an action handler returns: its output, or the EC2 error. A refusal because of who the caller
// is (not what it asked) is marked, so that a DryRun answers UnauthorizedOperation for it (spec §8.3).
import type { Ec2Error } from './errors.js';

/** Success: the output. */
export interface Done<T> {
  /** Discriminant. */
  readonly ok: true;
  /** The output. */
  readonly value: T;
}

/** Failure: the error, and whether the caller was refused for who it is. */
export interface Refused {
  /** Discriminant. */
  readonly ok: false;
  /** The error. */
  readonly error: Ec2Error;
  /** The caller may not do this (a DryRun answers UnauthorizedOperation). */
  readonly unauthorized: boolean;
}

/** A handler's result. */
export type Outcome<T> = Done<T> | Refused;

/** Success with `value`. */
export const done = <T>(value: T): Done<T> => ({ ok: true, value });

/** Failure with `error`. */
export const refuse = (error: Ec2Error, unauthorized = false): Refused => ({ ok: false, error, unauthorized });
