// What one side answered to one step, reduced to what the checker compares: the HTTP status, and
// either the output (no `$metadata`: request IDs and attempt counts differ by nature) or the error
// code and message exactly as the SDK surfaced them.

/** A call that succeeded: its HTTP status and the SDK output without `$metadata`. */
export interface SuccessOutcome {
  /** Discriminant. */
  readonly ok: true;
  /** The HTTP status (200). */
  readonly status: number;
  /** The output the SDK parsed, without `$metadata`. */
  readonly output: Readonly<Record<string, unknown>>;
}

/** A call that failed with an EC2 error. */
export interface ErrorOutcome {
  /** Discriminant. */
  readonly ok: false;
  /** The HTTP status. */
  readonly status: number;
  /** The EC2 error code, in the exact casing the server sent. */
  readonly code: string;
  /** The error message. */
  readonly message: string;
}

/** What one side answered. */
export type Outcome = SuccessOutcome | ErrorOutcome;

/** One line for people: `200`, or `400 InvalidVpcID.NotFound: The vpc ID '$vpc9' does not exist`. */
export function describeOutcome(outcome: Outcome): string {
  return outcome.ok ? `${outcome.status} ${JSON.stringify(outcome.output)}` : `${outcome.status} ${outcome.code}: ${outcome.message}`;
}
