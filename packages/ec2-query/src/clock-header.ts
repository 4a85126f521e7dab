// Every answer names the simulated now in `x-pcxsim-clock`, so a client can relate ExpirationTime to
// its call. It is not the `Date` header: SDKs compare `Date` with their own clock and, past five
// minutes of skew, correct their clock and retry the failed call (the JS SDK marks it
// clockSkewCorrected, a transient error). A simulated clock that is not the wall clock would make
// every client send its first error twice. Over HTTP, `Date` is the wall clock, as AWS's is.

/** The header that carries the simulated now. */
export const CLOCK_HEADER = 'x-pcxsim-clock';

/** The header naming `now` (epoch ms), in ISO 8601. */
export const clockHeader = (now: number): Record<typeof CLOCK_HEADER, string> => ({ [CLOCK_HEADER]: new Date(now).toISOString() });
