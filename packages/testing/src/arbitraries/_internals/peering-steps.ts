// Templates of the peering actions: CreateVpcPeeringConnection (in each scope, overlapping or not),
// Accept, Reject, Delete, Describe (by ID, by filters, everything) and ModifyVpcPeeringConnectionOptions.
import type { Caller, Command } from '@pcxsim/engine';
import type { PeeringState } from '@pcxsim/lifecycle';
import type { Tag } from '@pcxsim/tags';
import fc from 'fast-check';
import { symbolFor } from '../bindings.js';
import type { SequenceStep } from '../sequence-step.js';
import { CIDR_POOL, STATES, TAG_KEYS, TAG_VALUES, clockCaller, other, pickFrom, viewer, type Settings } from './settings.js';
import { template, type WeightedTemplates } from './template.js';
import { blocksOverlap, type PcxEntry, type Tracker, type VpcEntry } from './tracker.js';
import { createVpcStep, pooledTags } from './vpc-steps.js';

/** Where the accepter VPC is, seen from the requester. */
export type Scope = 'same' | 'cross-account' | 'cross-region' | 'cross-both';

const scopeOf = (requester: Caller, accepter: Caller): Scope =>
  requester.accountId === accepter.accountId
    ? requester.region === accepter.region
      ? 'same'
      : 'cross-region'
    : requester.region === accepter.region
      ? 'cross-account'
      : 'cross-both';

/** An owner in `scope` of `requester`, or `undefined` when the cast has no such account or Region. */
function ownerIn(settings: Settings, requester: Caller, scope: Scope, n: number): Caller | undefined {
  const accountId = scope === 'same' || scope === 'cross-region' ? requester.accountId : other(settings.accounts, requester.accountId, n);
  const region = scope === 'same' || scope === 'cross-account' ? requester.region : other(settings.regions, requester.region, n);
  return accountId === undefined || region === undefined ? undefined : { accountId, region };
}

/** What a CreateVpcPeeringConnection template asks for. */
export interface CreateWish {
  readonly vpc: number;
  readonly peer: number;
  readonly scope: Scope;
  readonly overlap: boolean;
  /** Name PeerOwnerId and PeerRegion even when they are the defaults. */
  readonly explicit: boolean;
  readonly tags: readonly Tag[] | null;
}

/** The Create request from `requester` to `peer`, naming the peer's true owner and Region. */
export function requestStep(requester: VpcEntry, peer: VpcEntry, explicit: boolean, tags: readonly Tag[] | null, parties: Partial<Caller> = {}): SequenceStep {
  const owner = parties.accountId ?? peer.owner.accountId;
  const region = parties.region ?? peer.owner.region;
  return {
    caller: requester.owner,
    command: {
      type: 'CreateVpcPeeringConnection',
      VpcId: requester.symbol,
      PeerVpcId: peer.symbol,
      ...(explicit || owner !== requester.owner.accountId ? { PeerOwnerId: owner } : {}),
      ...(explicit || region !== requester.owner.region ? { PeerRegion: region } : {}),
      ...(tags === null ? {} : { TagSpecifications: [{ ResourceType: 'vpc-peering-connection', Tags: tags }] }),
    },
  };
}

/**
 * A request as wished: from a live VPC to a live VPC in the wished scope, overlapping it or not as
 * wished when there is a choice. Missing VPCs are created first (one step at a time), so every
 * scope turns up; when CreateVpc is not allowed, the request names what there is.
 */
export function planRequest(tracker: Tracker, settings: Settings, wish: CreateWish): SequenceStep {
  const live = tracker.liveVpcs();
  const canCreate = settings.allowed.has('CreateVpc');
  // A requester that has a peer in the wished scope, if any VPC has one.
  const paired = live.filter((vpc) => live.some((peer) => peer !== vpc && scopeOf(vpc.owner, peer.owner) === wish.scope));
  const requester = pickFrom(paired.length > 0 ? paired : live, wish.vpc);
  if (requester === undefined) {
    if (canCreate) return createVpcStep(viewer(settings, wish.vpc), CIDR_POOL[wish.peer % CIDR_POOL.length]!);
    const count = tracker.ids.count('vpc');
    return { caller: viewer(settings, wish.vpc), command: { type: 'CreateVpcPeeringConnection', VpcId: symbolFor('vpc', count), PeerVpcId: symbolFor('vpc', count + 1) } };
  }
  const others = live.filter((vpc) => vpc !== requester);
  const inScope = others.filter((vpc) => scopeOf(requester.owner, vpc.owner) === wish.scope);
  const wantedOwner = ownerIn(settings, requester.owner, wish.scope, wish.peer);
  if (inScope.length === 0 && canCreate && wantedOwner !== undefined) {
    // The peer the wish needs: in its scope, with a block that overlaps the requester's or not.
    const disjoint = CIDR_POOL.filter((cidr) => !blocksOverlap([cidr], requester.cidrs));
    const cidr = wish.overlap ? requester.cidrs[0] : disjoint[wish.peer % Math.max(disjoint.length, 1)];
    return createVpcStep(wantedOwner, cidr ?? CIDR_POOL[0]!);
  }
  const candidates = inScope.length > 0 ? inScope : others.length > 0 ? others : [requester];
  const preferred = candidates.filter((vpc) => blocksOverlap(vpc.cidrs, requester.cidrs) === wish.overlap);
  const peer = pickFrom(preferred.length > 0 ? preferred : candidates, wish.peer)!;
  return requestStep(requester, peer, wish.explicit, wish.tags);
}

const SCOPES: readonly Scope[] = ['same', 'cross-account', 'cross-region', 'cross-both'];

/**
 * The step that brings a connection closer to one of the `wanted` states when none is in one: the
 * clock step that settles a transient state on the way (initiating-request → pending-acceptance,
 * provisioning → active), the Accept that makes a pending one active, or a new request. `undefined`
 * when no allowed action gets closer.
 */
function progress(tracker: Tracker, settings: Settings, n: number, wanted: readonly PeeringState[], statuses: readonly (PeeringState | undefined)[]): SequenceStep | undefined {
  const wantsActive = wanted.includes('active');
  const wantsPending = wanted.includes('pending-acceptance') || wantsActive;
  const settles = (status: PeeringState | undefined) => (status === 'initiating-request' && wantsPending) || (status === 'provisioning' && wantsActive);
  if (settings.allowed.has('AdvanceClock') && statuses.some(settles)) {
    return { caller: clockCaller(settings), command: { type: 'AdvanceClock', Milliseconds: 0 } };
  }
  const pending = tracker.pcxs.filter((_, i) => statuses[i] === 'pending-acceptance');
  const accept = pickFrom(pending, n);
  if (wantsActive && accept !== undefined && settings.allowed.has('AcceptVpcPeeringConnection')) {
    return { caller: accept.accepter, command: { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: accept.symbol } };
  }
  if (wantsPending && settings.allowed.has('CreateVpcPeeringConnection')) {
    return planRequest(tracker, settings, { vpc: n, peer: n >> 2, scope: SCOPES[n % SCOPES.length]!, overlap: false, explicit: false, tags: null });
  }
  return undefined;
}

/**
 * The step a template that acts on a connection takes: `use` a connection in one of the `wanted`
 * states; when there is none, a step towards one (see {@link progress}); failing that, `use` any
 * connection, or one that does not exist.
 */
export function withConnection(
  tracker: Tracker,
  settings: Settings,
  n: number,
  wanted: readonly PeeringState[],
  use: (pcx: PcxEntry) => SequenceStep,
): SequenceStep {
  const statuses = tracker.pcxs.map((pcx) => tracker.statusOf(pcx));
  const inState = tracker.pcxs.filter((_, i) => statuses[i] !== undefined && wanted.includes(statuses[i]));
  const chosen = pickFrom(inState, n);
  if (chosen !== undefined) return use(chosen);
  const closer = progress(tracker, settings, n, wanted, statuses);
  if (closer !== undefined) return closer;
  const any = pickFrom(tracker.pcxs, n);
  if (any !== undefined) return use(any);
  const nobody = viewer(settings, n);
  return use({ symbol: symbolFor('pcx', tracker.ids.count('pcx')), requester: nobody, accepter: nobody, requesterVpc: '', accepterVpc: '' });
}

// Shrinks towards the same account and Region: the shortest way to most peering behaviour.
const scope: fc.Arbitrary<Scope> = fc.oneof(
  { withCrossShrink: true },
  { weight: 3, arbitrary: fc.constant('same' as const) },
  { weight: 3, arbitrary: fc.constant('cross-account' as const) },
  { weight: 2, arbitrary: fc.constant('cross-region' as const) },
  { weight: 1, arbitrary: fc.constant('cross-both' as const) },
);

type Answer = 'AcceptVpcPeeringConnection' | 'RejectVpcPeeringConnection' | 'DeleteVpcPeeringConnection';

/** The filters a DescribeVpcPeeringConnections template may use, given a connection to aim at. */
function peeringFilters(kind: number, pcx: PcxEntry | undefined, tracker: Tracker, values: { states: string[]; key: string; value: string }) {
  const requesterBlock = tracker.vpc(pcx?.requesterVpc)?.cidrs[0] ?? CIDR_POOL[0]!;
  const filters = [
    { Name: 'status-code', Values: values.states },
    { Name: 'status-code', Values: ['pending*'] },
    { Name: 'vpc-peering-connection-id', Values: [pcx?.symbol ?? symbolFor('pcx', 0)] },
    { Name: 'requester-vpc-info.vpc-id', Values: [pcx?.requesterVpc ?? symbolFor('vpc', 0)] },
    { Name: 'accepter-vpc-info.vpc-id', Values: [pcx?.accepterVpc ?? symbolFor('vpc', 1)] },
    { Name: 'accepter-vpc-info.owner-id', Values: [pcx?.accepter.accountId ?? '111111111111'] },
    { Name: 'requester-vpc-info.cidr-block', Values: [requesterBlock] },
    { Name: 'tag-key', Values: [values.key] },
    { Name: `tag:${values.key}`, Values: [values.value] },
  ];
  return filters[kind % filters.length]!;
}

export function peeringTemplates(settings: Settings): WeightedTemplates[] {
  const pick = fc.nat({ max: 63 });
  const answer = (action: Answer, weight: number, parties: readonly ('requester' | 'accepter')[], preferred: readonly PeeringState[]): WeightedTemplates => ({
    action,
    weight,
    arbitrary: fc.record({ pcx: pick, party: fc.constantFrom(...parties) }).map(({ pcx: n, party }) =>
      template(action, (tracker) =>
        withConnection(tracker, settings, n, preferred, (pcx) => ({ caller: pcx[party], command: { type: action, VpcPeeringConnectionId: pcx.symbol } })),
      ),
    ),
  });
  return [
    {
      action: 'CreateVpcPeeringConnection',
      weight: 70,
      arbitrary: fc
        .record({ vpc: pick, peer: pick, scope, overlap: fc.boolean(), explicit: fc.boolean(), tags: fc.option(pooledTags, { freq: 4 }) })
        .map((wish) => template('CreateVpcPeeringConnection', (tracker) => planRequest(tracker, settings, wish))),
    },
    answer('AcceptVpcPeeringConnection', 50, ['accepter'], ['pending-acceptance']),
    answer('RejectVpcPeeringConnection', 15, ['accepter'], ['pending-acceptance']),
    answer('DeleteVpcPeeringConnection', 20, ['requester', 'requester', 'accepter'], ['active', 'pending-acceptance']),
    {
      action: 'DescribeVpcPeeringConnections',
      weight: 40,
      arbitrary: fc
        .record({
          by: fc.constantFrom('id', 'filter', 'all', 'two-filters'),
          pcx: pick,
          party: fc.constantFrom('requester' as const, 'accepter' as const),
          viewer: pick,
          filter: pick,
          states: fc.subarray([...STATES], { minLength: 1, maxLength: 3 }),
          key: fc.constantFrom(...TAG_KEYS),
          value: fc.constantFrom(...TAG_VALUES),
        })
        .map(({ by, pcx: n, party, viewer: v, filter, ...values }) =>
          template('DescribeVpcPeeringConnections', (tracker) => {
            const pcx = pickFrom(tracker.pcxs, n);
            const caller = pcx?.[party] ?? viewer(settings, v);
            const command: Command =
              by === 'id'
                ? { type: 'DescribeVpcPeeringConnections', VpcPeeringConnectionIds: [pcx?.symbol ?? symbolFor('pcx', 0)] }
                : by === 'all'
                  ? { type: 'DescribeVpcPeeringConnections' }
                  : {
                      type: 'DescribeVpcPeeringConnections',
                      Filters:
                        by === 'filter'
                          ? [peeringFilters(filter, pcx, tracker, values)]
                          : [peeringFilters(filter, pcx, tracker, values), peeringFilters(filter >> 3, pcx, tracker, values)],
                    };
            return { caller: by === 'all' ? viewer(settings, v) : caller, command };
          }),
        ),
    },
    {
      action: 'ModifyVpcPeeringConnectionOptions',
      weight: 35,
      arbitrary: fc
        .record({ pcx: pick, party: fc.constantFrom('requester' as const, 'accepter' as const), value: fc.boolean(), both: fc.boolean() })
        .map(({ pcx: n, party, value, both }) =>
          template('ModifyVpcPeeringConnectionOptions', (tracker) =>
            withConnection(tracker, settings, n, ['active'], (pcx) => {
              // spec §5.2: DNS resolution needs DNS hostnames on both VPCs; turn them on first.
              const unready = [tracker.vpc(pcx.requesterVpc), tracker.vpc(pcx.accepterVpc)].find((vpc) => vpc !== undefined && !vpc.deleted && !vpc.dnsHostnames);
              if (value && unready !== undefined && settings.allowed.has('ModifyVpcAttribute')) {
                return { caller: unready.owner, command: { type: 'ModifyVpcAttribute', VpcId: unready.symbol, EnableDnsHostnames: { Value: true } } };
              }
              const options = { AllowDnsResolutionFromRemoteVpc: value };
              // spec §5.2: one account in one Region may set both sides at once; others only their own.
              const bothSides = both && scopeOf(pcx.requester, pcx.accepter) === 'same';
              return {
                caller: pcx[party],
                command: {
                  type: 'ModifyVpcPeeringConnectionOptions',
                  VpcPeeringConnectionId: pcx.symbol,
                  ...(bothSides || party === 'requester' ? { RequesterPeeringConnectionOptions: options } : {}),
                  ...(bothSides || party === 'accepter' ? { AccepterPeeringConnectionOptions: options } : {}),
                },
              };
            }),
          ),
        ),
    },
  ];
}
