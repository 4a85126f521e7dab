// The world: every VPC and peering connection of every account and Region, the simulated clock,
// the ID generator and the queue of scheduled transitions, as one frozen value of plain data.
import type { Party, PeeringState, TerminalState, TimingProfile } from '@pcxsim/lifecycle';
import { EXPIRY_MS, PEERING_STATES, VISIBILITY, isTerminal } from '@pcxsim/lifecycle';
import type { TagSet } from '@pcxsim/tags';
import type { IdState } from './ids.js';
import { emptyPMap, type PMap } from './pmap.js';
import { PUBLIC_REGIONS } from './regions.js';
import { emptyRouting, type Routing } from './routing/routing-records.js';
import { EMPTY_SCHEDULE, type Schedule } from './schedule.js';

/** The quotas a world enforces (spec §2.3, §6.1), each adjustable as in AWS. */
export interface Quotas {
  /** Outstanding (initiating or pending) requests an account may have made: default 25 (spec §2.3 [doc]). */
  readonly outstandingRequestsPerAccount: number;
  /** Active (or provisioning) connections per VPC: default 50, checked on Accept (spec §2.3 [doc]). */
  readonly activeConnectionsPerVpc: number;
  /** IPv4 blocks per VPC, the primary included: default 5 (spec §6.1 [doc]). */
  readonly ipv4BlocksPerVpc: number;
  /** IPv6 blocks per VPC: default 5 (spec §6.1 [doc]). */
  readonly ipv6BlocksPerVpc: number;
  /** Subnets per VPC: default 200 (VPC quotas page [doc]). */
  readonly subnetsPerVpc: number;
  /** Route tables per VPC, the main one included: default 200 (routes §1.8 [doc]). */
  readonly routeTablesPerVpc: number;
  /** Routes per route table, IPv4 and IPv6 counted apart: default 50, up to 1,000 (routes §1.8 [doc]). */
  readonly routesPerTable: number;
}

/**
 * How long the owners still see a connection once it is terminal, in ms, per viewer (spec §1.1).
 * A slot the lifecycle marks as never visible (the accepter of a failed request) stays hidden.
 */
export interface RetentionWindows {
  /** The owner of the requester VPC. */
  readonly requester?: number;
  /** The owner of the accepter VPC. */
  readonly accepter?: number;
  /** For `deleted`: the owner who deleted it. */
  readonly deleter?: number;
  /** For `deleted`: the other owner. */
  readonly other?: number;
  /** An account that owns both VPCs in one Region. */
  readonly sameAccount?: number;
}

/** The retention windows of the four terminal states. */
export type Retention = { readonly [S in TerminalState]: RetentionWindows };

/**
 * Opt-in eventual consistency (spec §10.4): off (0) by default, which is read-your-writes.
 *
 * With a delay of D ms, every Describe (DescribeVpcPeeringConnections, DescribeVpcs, DescribeTags)
 * at simulated time t shows the world as it was at the end of moment t − D: a new connection or VPC
 * is NotFound for D ms, a deleted VPC and an accepted request still show as they were, a terminal
 * connection stays listed D ms past its retention window. Filters apply to the version shown. Every
 * other action acts on the true, current state at once, as EC2's control plane does: Accept right
 * after Create works while Describe of the same ID is still NotFound — the race Terraform hit. Old
 * versions are dropped as soon as a newer one is shown, so memory holds only the last D ms of changes.
 */
export interface Consistency {
  /** How many ms of simulated time a change takes to reach Describe; 0 (the default) shows it at once. */
  readonly describeDelayMs: number;
}

/** Everything that makes one world behave differently from another; all plain data. */
export interface WorldConfig {
  /** Seeds the ID generator: the same seed and the same commands give the same IDs. */
  readonly seed: number;
  /** The clock at creation, epoch ms. */
  readonly startTime: number;
  /** How fast the transient states resolve (see `@pcxsim/lifecycle`'s timing profiles). */
  readonly timing: TimingProfile;
  /** The Regions that exist: callers and peer Regions outside this set are unknown. */
  readonly regions: readonly string[];
  /** The quotas. */
  readonly quotas: Quotas;
  /** How long an unanswered request waits before it expires: 168 h, not adjustable in AWS (spec §1.1). */
  readonly expiryMs: number;
  /** How long terminal connections stay visible. */
  readonly retention: Retention;
  /** Eventual consistency of every Describe (off by default: read-your-writes); see {@link Consistency}. */
  readonly consistency: Consistency;
}

/** The options of {@link createWorld}: any part of {@link WorldConfig}; the rest takes AWS's defaults. */
export interface WorldOptions {
  /** See {@link WorldConfig.seed}; default 1. */
  readonly seed?: number;
  /** See {@link WorldConfig.startTime}; default 2026-01-01T00:00:00Z. */
  readonly startTime?: number;
  /** See {@link WorldConfig.timing}; default `instant`. */
  readonly timing?: TimingProfile;
  /** See {@link WorldConfig.regions}; default {@link PUBLIC_REGIONS}. */
  readonly regions?: readonly string[];
  /** Quotas to change; the others keep their defaults. */
  readonly quotas?: Partial<Quotas>;
  /** See {@link WorldConfig.expiryMs}; default 7 days. */
  readonly expiryMs?: number;
  /** Retention windows to change, per terminal state and slot. */
  readonly retention?: { readonly [S in TerminalState]?: RetentionWindows };
  /** See {@link WorldConfig.consistency}. */
  readonly consistency?: Partial<Consistency>;
}

/**
 * The state of a CIDR block association (spec §6.1 [doc]). `failing` and `failed` are never entered:
 * nothing here makes an association fail. See block-states.ts for how and when each state passes.
 */
export type BlockState = 'associating' | 'associated' | 'disassociating' | 'disassociated';

/** One IPv4 block of a VPC (spec §6.1). */
export interface Ipv4Block {
  /** `vpc-cidr-assoc-…`. */
  readonly associationId: string;
  /** Canonical CIDR text, host bits cleared. */
  readonly cidrBlock: string;
  /** The association's state. */
  readonly state: BlockState;
  /** When it entered `state`, epoch ms: the schedule times its next step from here. */
  readonly since: number;
}

/** One Amazon-provided IPv6 block of a VPC, always a /56 (spec §6.1). */
export interface Ipv6Block {
  /** `vpc-cidr-assoc-…`. */
  readonly associationId: string;
  /** Canonical CIDR text. */
  readonly ipv6CidrBlock: string;
  /** The association's state. */
  readonly state: BlockState;
  /** When it entered `state`, epoch ms. */
  readonly since: number;
}

/** A VPC: one account's, in one Region. */
export interface VpcRecord {
  /** `vpc-…`. */
  readonly vpcId: string;
  /** The owning account. */
  readonly ownerId: string;
  /** The Region it lives in. */
  readonly region: string;
  /** IPv4 blocks, a disassociated one included until it is gone; the first is the primary block, which cannot be removed. */
  readonly ipv4Blocks: readonly Ipv4Block[];
  /** IPv6 blocks, a disassociated one included until it is gone. */
  readonly ipv6Blocks: readonly Ipv6Block[];
  /** The `enableDnsSupport` attribute (default true). */
  readonly enableDnsSupport: boolean;
  /** The `enableDnsHostnames` attribute (default false for a non-default VPC). */
  readonly enableDnsHostnames: boolean;
  /** The `enableNetworkAddressUsageMetrics` attribute; absent is false, AWS's default (vpc-attributes.ts). */
  readonly enableNetworkAddressUsageMetrics?: boolean;
  /** `InstanceTenancy` as created; absent is `default` (vpc-attributes.ts). */
  readonly instanceTenancy?: 'dedicated';
  /** Its tags. */
  readonly tags: TagSet;
}

/**
 * One version of a VPC as DescribeVpcs shows it from `from` on (spec §10.4), until a later version's
 * `from`. `vpc` is `null` for a VPC deleted by then.
 */
export interface VpcVersion {
  /** When Describe starts to show this version, epoch ms. */
  readonly from: number;
  /** The VPC as it was, or `null` once deleted. */
  readonly vpc: VpcRecord | null;
}

/** The peering options of one side (spec §5.1); all false by default. */
export interface PeeringOptionsRecord {
  /** `AllowDnsResolutionFromRemoteVpc`. */
  readonly allowDnsResolutionFromRemoteVpc: boolean;
  /** `AllowEgressFromLocalClassicLinkToRemoteVpc` (deprecated). */
  readonly allowEgressFromLocalClassicLinkToRemoteVpc: boolean;
  /** `AllowEgressFromLocalVpcToRemoteClassicLink` (deprecated). */
  readonly allowEgressFromLocalVpcToRemoteClassicLink: boolean;
}

/** The blocks a VPC had when it was deleted, kept for the views of its connections. */
export interface VpcBlocks {
  /** IPv4 blocks, primary first. */
  readonly ipv4: readonly string[];
  /** IPv6 blocks. */
  readonly ipv6: readonly string[];
}

/**
 * One VPC's peering connections, every state, visible or not (vpc-links.ts): derived from the
 * connection records, like the indexes.
 */
export interface VpcLinks {
  /** Its provisioning and active connections: what the per-VPC quota counts (spec §2.3). */
  readonly active: number;
  /** How many connections {@link VpcLinks.peers} holds in all. */
  readonly size: number;
  /** The connections between it and each other VPC, either direction, by the other VPC's ID, oldest first. */
  readonly peers: PMap<readonly string[]>;
}

/** Tag sets of one connection, one per (account, Region) view, keyed `account|region` (spec §7.4). */
export type TagViews = Readonly<Record<string, TagSet>>;

/**
 * A VPC peering connection: one record, whatever each party sees of it (the views are computed by
 * the queries from the record and the caller).
 */
export interface PeeringRecord {
  /** `pcx-…`. */
  readonly id: string;
  /** The requester VPC. */
  readonly requesterVpcId: string;
  /** The account that owns the requester VPC (the caller of Create). */
  readonly requesterOwnerId: string;
  /** The requester VPC's Region. */
  readonly requesterRegion: string;
  /** The accepter VPC, as the request named it. */
  readonly accepterVpcId: string;
  /** The accepter account, as the request named it (`PeerOwnerId`, default the caller). */
  readonly accepterOwnerId: string;
  /** The accepter Region, as the request named it (`PeerRegion`, default the caller's). */
  readonly accepterRegion: string;
  /** The state. */
  readonly status: PeeringState;
  /** When it entered `status`, epoch ms. */
  readonly statusSince: number;
  /** When it was created, epoch ms. */
  readonly createdAt: number;
  /** When an unanswered request expires: creation + the expiry, epoch ms. */
  readonly expiresAt: number;
  /** Whether the accepter accepted it: from then on the accepter's CIDRs and options are shown. */
  readonly accepted: boolean;
  /** For `deleted`: which party deleted it. */
  readonly deletedBy: Party | null;
  /** While pending: the position of its expiry in the schedule, so that an answer can cancel it. */
  readonly expiryEntry: number | null;
  /** The requester side's options. */
  readonly requesterOptions: PeeringOptionsRecord;
  /** The accepter side's options. */
  readonly accepterOptions: PeeringOptionsRecord;
  /** The tag set of each (account, Region) view. */
  readonly tags: TagViews;
  /** The blocks of its VPCs that have been deleted since, by VPC ID. */
  readonly deletedVpcs: Readonly<Record<string, VpcBlocks>> | null;
  /** With eventual consistency: the version Describe shows until {@link PeeringRecord.visibleFrom}. */
  readonly previous: PeeringRecord | null;
  /** With eventual consistency: when Describe starts to show this version (epoch ms). */
  readonly visibleFrom: number;
}

/**
 * The version of the world's layout. A world saved with another (a snapshot of an older pcxsim) is not
 * read as this one: its commands are replayed instead. 2: block association states, versions for
 * eventual consistency of VPCs, check faults, trie nodes as flat arrays, the status index apart. 3: routing
 * (subnets, route tables, routes). 4: each VPC's connections, pairs and quota counter in one entry
 * (`links`), instead of a pair table, per-VPC index sets and counters.
 */
export const WORLD_FORMAT = 4;

/**
 * The whole simulated EC2 world, frozen plain data: `JSON.parse(JSON.stringify(world))` restores it
 * exactly. Read it through the engine's commands and queries; the maps are persistent tries.
 */
export interface World {
  /** The version of this layout ({@link WORLD_FORMAT}). */
  readonly format: typeof WORLD_FORMAT;
  /** The configuration. */
  readonly config: WorldConfig;
  /** The simulated clock, epoch ms. */
  readonly clock: number;
  /** The ID generator. */
  readonly ids: IdState;
  /** Every VPC, by ID. */
  readonly vpcs: PMap<VpcRecord>;
  /** Every peering connection still visible to someone, by ID. */
  readonly peerings: PMap<PeeringRecord>;
  /** Secondary indexes but the status index: index key → set of IDs (see indexes.ts). */
  readonly index: PMap<PMap<true>>;
  /**
   * The status index, apart from the others so that a state change, the commonest change, walks a
   * map of a few keys: status key → set of IDs (see indexes.ts).
   */
  readonly statuses: PMap<PMap<true>>;
  /** Counters the outstanding-requests quota reads: counter key → count (see indexes.ts). */
  readonly counts: PMap<number>;
  /** Each VPC's connections, by the other VPC, and its quota counter: VPC ID → entry (see vpc-links.ts). */
  readonly links: PMap<VpcLinks>;
  /** The scheduled transitions. */
  readonly schedule: Schedule;
  /** The number of Amazon-provided IPv6 /56 blocks handed out per Region. */
  readonly ipv6Allocated: Readonly<Record<string, number>>;
  /**
   * With eventual consistency: the versions DescribeVpcs may still show of the VPCs changed in the
   * last `describeDelayMs`, by VPC ID (see vpc-versions.ts); absent when there are none, so a
   * world that never lags keeps its exact form.
   */
  readonly vpcVersions?: PMap<readonly VpcVersion[]>;
  /** Injected check failures (the `FailPeeringChecks` command); absent when none is armed or pending. */
  readonly checkFaults?: CheckFaults;
  /** Subnets, route tables and routes (routing/records.ts). */
  readonly routing: Routing;
}

/**
 * Simulated failures of the asynchronous check of new requests (spec §2.2), armed by the
 * simulation's `FailPeeringChecks` command: a marked request fails its check as an overlapping one
 * does, whatever its VPCs.
 */
export interface CheckFaults {
  /** How many of the next requests created are marked. */
  readonly armed: number;
  /** The requests marked whose check has not run yet, by ID. */
  readonly marked: readonly string[];
}

/** Options all false: AWS's defaults (spec §5.1). */
export const DEFAULT_OPTIONS: PeeringOptionsRecord = Object.freeze({
  allowDnsResolutionFromRemoteVpc: false,
  allowEgressFromLocalClassicLinkToRemoteVpc: false,
  allowEgressFromLocalVpcToRemoteClassicLink: false,
});

/** AWS's default quotas (spec §2.3, §6.1). */
export const DEFAULT_QUOTAS: Quotas = Object.freeze({
  outstandingRequestsPerAccount: 25,
  activeConnectionsPerVpc: 50,
  ipv4BlocksPerVpc: 5,
  ipv6BlocksPerVpc: 5,
  subnetsPerVpc: 200,
  routeTablesPerVpc: 200,
  routesPerTable: 50,
});

/** 2026-01-01T00:00:00Z: the default start of the clock. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 1);

const TERMINAL: readonly TerminalState[] = PEERING_STATES.filter(isTerminal);

/** The retention windows the lifecycle's visibility table gives (spec §1.1). */
function defaultRetention(): Retention {
  const out: Partial<Record<TerminalState, RetentionWindows>> = {};
  for (const state of TERMINAL) {
    const numbers: Record<string, number> = {};
    for (const [slot, window] of Object.entries(VISIBILITY[state])) if (typeof window === 'number') numbers[slot] = window;
    out[state] = numbers;
  }
  return out as Retention;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A new, empty world: no VPCs, no connections, the clock at `startTime`. Every option has AWS's
 * default; the result is frozen.
 *
 * @example
 * const world = createWorld({ seed: 7, timing: 'realistic', quotas: { activeConnectionsPerVpc: 125 } });
 */
export function createWorld(options: WorldOptions = {}): World {
  const base = defaultRetention();
  const retention = Object.fromEntries(
    TERMINAL.map((state) => [state, { ...base[state], ...options.retention?.[state] }]),
  ) as unknown as Retention;
  const config: WorldConfig = {
    seed: options.seed ?? 1,
    startTime: options.startTime ?? DEFAULT_START_TIME,
    timing: options.timing ?? 'instant',
    regions: [...(options.regions ?? PUBLIC_REGIONS)],
    quotas: { ...DEFAULT_QUOTAS, ...options.quotas },
    expiryMs: options.expiryMs ?? EXPIRY_MS,
    retention,
    consistency: { describeDelayMs: options.consistency?.describeDelayMs ?? 0 },
  };
  return deepFreeze({
    format: WORLD_FORMAT,
    config,
    clock: config.startTime,
    ids: { seed: config.seed >>> 0, next: 0 },
    vpcs: emptyPMap<VpcRecord>(),
    peerings: emptyPMap<PeeringRecord>(),
    index: emptyPMap<PMap<true>>(),
    statuses: emptyPMap<PMap<true>>(),
    counts: emptyPMap<number>(),
    links: emptyPMap<VpcLinks>(),
    schedule: EMPTY_SCHEDULE,
    ipv6Allocated: {},
    routing: emptyRouting(config.seed >>> 0),
  });
}

/**
 * Freezes a world restored from JSON (`JSON.parse(JSON.stringify(world))`), in place, and returns
 * it. The engine does this itself on the first command it gets such a world with.
 */
export function freezeWorld(world: World): World {
  return deepFreeze(world);
}
