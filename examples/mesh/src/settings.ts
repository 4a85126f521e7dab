// What a mesh is made of, and the timing knobs the reconciler runs with.
import type { EC2Client } from '@aws-sdk/client-ec2';

/** One VPC of the mesh, with a client signed as its owner in its Region, and the table to route from. */
export interface MeshMember {
  /** A name for reports; unique within the mesh. */
  readonly name: string;
  /** Signed as `accountId`, in `region` (the VPC's Region): every call about this VPC goes through it. */
  readonly client: EC2Client;
  readonly accountId: string;
  readonly region: string;
  readonly vpcId: string;
  /** The route table (of this VPC, owned by `accountId`) that gets a route to each peer's blocks. */
  readonly routeTableId: string;
}

/** How often to look, and for how long, while waiting for a connection to change state. */
export interface PollSettings {
  readonly intervalMs: number;
  /** Per wait (each wait has its own budget). */
  readonly timeoutMs: number;
}

/** How a throttled (`RequestLimitExceeded`) or 5xx call is retried: exponential backoff, capped. */
export interface RetrySettings {
  /** Retries after the first attempt; one more failure than this and the call gives up. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** The desired mesh: every pair of members peered and routed, unless their blocks overlap. */
export interface MeshSpec {
  /** The VPCs, in an order that decides who requests: the earlier member of a pair asks the later one. */
  readonly members: readonly MeshMember[];
  /** `MaxResults` of each DescribeVpcPeeringConnections page (5 to 1000, spec §4.1). */
  readonly pageSize?: number;
  readonly poll?: Partial<PollSettings>;
  readonly retry?: Partial<RetrySettings>;
  /** Waits `ms`; tests pass the simulator's clock here so that no real time passes. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Like the SDK's waiters: look every few seconds, give up after ten minutes. */
export const DEFAULT_POLL: PollSettings = { intervalMs: 5_000, timeoutMs: 600_000 };

/** 0.5 s, 1 s, 2 s, 4 s, 8 s: about 15 s of backoff before giving up. */
export const DEFAULT_RETRY: RetrySettings = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 20_000 };

/** The largest page DescribeVpcPeeringConnections serves (spec §4.1). */
export const DEFAULT_PAGE_SIZE = 1_000;

/** Real time, for production use. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The settings every step reads: the spec's, with the defaults filled in. */
export interface Run {
  readonly pageSize: number;
  readonly poll: PollSettings;
  readonly retry: RetrySettings;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The spec's settings with the defaults filled in. */
export function runOf(spec: MeshSpec): Run {
  return {
    pageSize: spec.pageSize ?? DEFAULT_PAGE_SIZE,
    poll: { ...DEFAULT_POLL, ...spec.poll },
    retry: { ...DEFAULT_RETRY, ...spec.retry },
    sleep: spec.sleep ?? realSleep,
  };
}
