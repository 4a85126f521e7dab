// What ensurePeering is asked to do, and the timing knobs it runs with.
import type { EC2Client, Tag } from '@aws-sdk/client-ec2';

/** The requester's side: a client signed as the requester VPC's owner, in that VPC's Region. */
export interface RequesterSide {
  readonly client: EC2Client;
  readonly vpcId: string;
}

/** The accepter's side: a client signed as the accepter VPC's owner, in that VPC's Region. */
export interface AccepterSide {
  readonly client: EC2Client;
  readonly vpcId: string;
  /** Sent as `PeerOwnerId`. */
  readonly accountId: string;
  /** Sent as `PeerRegion`. */
  readonly region: string;
}

/** How often to look, and for how long, while waiting for the connection to change state. */
export interface PollSettings {
  readonly intervalMs: number;
  /** Per wait (each wait below has its own budget). */
  readonly timeoutMs: number;
}

/** How a throttled (`RequestLimitExceeded`) or 5xx call is retried: exponential backoff, capped. */
export interface RetrySettings {
  /** Retries after the first attempt; one more throttle than this and the call gives up. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** The arguments of {@link ensurePeering}. */
export interface EnsurePeeringRequest {
  readonly requester: RequesterSide;
  readonly accepter: AccepterSide;
  /** `AllowDnsResolutionFromRemoteVpc` for both sides; leave it out to keep what is set. */
  readonly dns?: boolean;
  /** Tags for a connection this call creates (a reused connection keeps its own). */
  readonly tags?: readonly Tag[];
  readonly poll?: Partial<PollSettings>;
  readonly retry?: Partial<RetrySettings>;
  /** Waits `ms`; tests pass the simulator's clock here so that no real time passes. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Like the SDK's waiters: look every few seconds, give up after ten minutes. */
export const DEFAULT_POLL: PollSettings = { intervalMs: 5_000, timeoutMs: 600_000 };

/** 0.5 s, 1 s, 2 s, 4 s, 8 s: about 15 s of backoff before giving up. */
export const DEFAULT_RETRY: RetrySettings = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

/** Real time, for production use. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The settings every step reads: the request's, with the defaults filled in. */
export interface Run {
  readonly poll: PollSettings;
  readonly retry: RetrySettings;
  readonly sleep: (ms: number) => Promise<void>;
}

export function runOf(request: EnsurePeeringRequest): Run {
  return {
    poll: { ...DEFAULT_POLL, ...request.poll },
    retry: { ...DEFAULT_RETRY, ...request.retry },
    sleep: request.sleep ?? realSleep,
  };
}
