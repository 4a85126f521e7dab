// The one error the reconciler throws on purpose. What happens to a pair (overlap, a connection that
// ended, a wait that ran out) is reported in the result instead, so one bad pair does not stop the
// others; any other AWS error (a wrong VPC or route table ID, a quota) reaches the caller as the SDK
// raised it.

/** A call stayed throttled (or failing with 5xx) through every retry. */
export class RetriesExhaustedError extends Error {
  override readonly name = 'RetriesExhaustedError';
  constructor(
    readonly action: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`${action} still failing after ${attempts} attempts: ${String((cause as Error).name)}`);
  }
}
