// How much of a request pcxsim reads (issue 5, "Limits"): past any of these it answers a 4xx at once
// (errors.ts), reads no further and leaves the world as it was. A server on loopback that anyone's
// test suite can hit must not be made to buffer or walk unbounded input.

/** The request limits. */
export interface Limits {
  /** The largest body, in bytes: 1 MiB. */
  readonly maxBodyBytes: number;
  /** The most parameters, query string and body together: 10,000. */
  readonly maxParameters: number;
  /** The largest flattened list index (`Filter.N`): 1,000, the largest list EC2 takes (spec §7.1). */
  readonly maxListIndex: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxBodyBytes: 1024 * 1024,
  maxParameters: 10_000,
  maxListIndex: 1_000,
});
