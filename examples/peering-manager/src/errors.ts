// The errors ensurePeering throws on purpose. Any other AWS error (a wrong VPC ID, the DNS
// hostnames prerequisite, a quota…) reaches the caller unchanged, as the SDK raised it.

/** The connection's states that never lead to `active`. */
export type EndedStatus = 'failed' | 'rejected' | 'expired' | 'deleting' | 'deleted';

/** The base of the errors below: `instanceof PeeringManagerError` catches everything this module throws. */
export abstract class PeeringManagerError extends Error {}

/**
 * The connection ended while we were working on it. Not retried: a rejection is the accepter's
 * answer, a failure (overlapping CIDRs, a wrong VPC, account or Region) would fail again, an expiry
 * or a deletion means someone or something else is in charge — a human should look.
 */
export class PeeringEndedError extends PeeringManagerError {
  override readonly name = 'PeeringEndedError';
  constructor(
    readonly connectionId: string,
    readonly status: EndedStatus,
    /** AWS's `Status.Message`, e.g. why the request failed. */
    readonly statusMessage: string,
  ) {
    super(`VPC peering connection ${connectionId} is ${status}: ${statusMessage}`);
  }
}

/** The connection did not reach the wanted state within the poll budget. */
export class PeeringTimeoutError extends PeeringManagerError {
  override readonly name = 'PeeringTimeoutError';
  constructor(
    readonly connectionId: string,
    readonly wanted: readonly string[],
    /** The last status seen, or `not-visible` when Describe never found it. */
    readonly lastSeen: string,
    readonly waitedMs: number,
  ) {
    super(`VPC peering connection ${connectionId} was still ${lastSeen} after ${waitedMs} ms (wanted ${wanted.join(' or ')})`);
  }
}

/** A call stayed throttled (or failing with 5xx) through every retry. */
export class RetriesExhaustedError extends PeeringManagerError {
  override readonly name = 'RetriesExhaustedError';
  constructor(
    readonly action: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`${action} still failing after ${attempts} attempts: ${String((cause as Error).name)}`);
  }
}
