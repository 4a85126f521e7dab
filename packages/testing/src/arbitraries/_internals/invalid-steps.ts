// Deliberately invalid steps: bad and malformed IDs, the wrong party or Region, the wrong state (see
// state-steps.ts), bad CIDRs, bad tags, bad filters, bad peer parameters, missing parameters, DryRun,
// and the refusals of subnets, route tables and routes (see routing-mistakes.ts). Each names the action it calls,
// so a sequence restricted to some actions keeps only theirs.
import type { Caller, Command, CommandType } from '@pcxsim/engine';
import type { TagInput } from '@pcxsim/tags';
import fc from 'fast-check';
import { unboundId } from '../bindings.js';
import { invalidTag } from '../invalid-tags.js';
import { invalidTagLists } from '../invalid-tag-lists.js';
import type { SequenceStep } from '../sequence-step.js';
import { planRequest, requestStep, withConnection } from './peering-steps.js';
import { CIDR_POOL, other, pickFrom, viewer, type Settings } from './settings.js';
import { mistakesFor } from './routing-mistakes.js';
import { wrongStateVariants } from './state-steps.js';
import { template, type StepTemplate, type WeightedTemplates } from './template.js';
import type { PcxEntry, Tracker } from './tracker.js';
import { pooledTags, withVpc } from './vpc-steps.js';

/** One invalid variant for one action. */
interface Variant {
  readonly action: CommandType;
  readonly arbitrary: fc.Arbitrary<StepTemplate>;
}

const MALFORMED_PCX_IDS = ['pcx-123', 'pcx-zzzzzzzzzzzzzzzzz', 'vpc-0123456789abcdef0', 'pcx-0123456789ABCDEF0', 'pcx'];
const MALFORMED_VPC_IDS = ['vpc-123', 'vpc-xyz', 'pcx-0123456789abcdef0', 'vpc-0123456789ABCDEF0', 'vpc'];
const BAD_CIDRS = ['10.0.0.0/8', '10.0.0.0/29', '169.254.0.0/16', '0.0.0.0/0', 'not-a-cidr', '10.0.0.0', '10.0.0.0/33', '2001:db8::/56', '256.0.0.0/16'];
/** Well-formed IDs no backend has. */
const UNKNOWN_PCX = unboundId('pcx', 0xbad);
const UNKNOWN_VPC = unboundId('vpc', 0xbad);
const BAD_FILTERS = [
  { Name: 'no-such-filter', Values: ['x'] },
  { Name: 'status-code' },
  { Name: '', Values: ['x'] },
  { Name: 'tag:', Values: ['x'] },
  { Name: 'status-code', Values: ['x'.repeat(256)] },
];

type ByPcx = 'AcceptVpcPeeringConnection' | 'RejectVpcPeeringConnection' | 'DeleteVpcPeeringConnection' | 'ModifyVpcPeeringConnectionOptions' | 'DescribeVpcPeeringConnections';
const BY_PCX: readonly ByPcx[] = [
  'AcceptVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'ModifyVpcPeeringConnectionOptions',
  'DescribeVpcPeeringConnections',
];

/** The command of an action that takes one connection ID. */
function byPcx(action: ByPcx, id: string): Command {
  switch (action) {
    case 'DescribeVpcPeeringConnections':
      return { type: action, VpcPeeringConnectionIds: [id] };
    case 'ModifyVpcPeeringConnectionOptions':
      return { type: action, VpcPeeringConnectionId: id, RequesterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } };
    default:
      return { type: action, VpcPeeringConnectionId: id };
  }
}

const pick = fc.nat({ max: 63 });
const variant = <T>(action: CommandType, arbitrary: fc.Arbitrary<T>, plan: (value: T, tracker: Tracker) => SequenceStep): Variant => ({
  action,
  arbitrary: arbitrary.map((value) => template(action, (tracker) => plan(value, tracker), true)),
});

/** An account that is neither party of the connection, or else any other account than the requester's. */
function stranger(settings: Settings, pcx: PcxEntry, n: number): Caller {
  const outsiders = settings.accounts.filter((account) => account !== pcx.requester.accountId && account !== pcx.accepter.accountId);
  const accountId = outsiders[n % Math.max(outsiders.length, 1)] ?? other(settings.accounts, pcx.requester.accountId, n) ?? pcx.requester.accountId;
  return { accountId, region: pcx.accepter.region };
}

function idVariants(settings: Settings): Variant[] {
  const bad = (ids: readonly string[]) => fc.record({ id: fc.constantFrom(...ids), viewer: pick });
  return [
    ...BY_PCX.map((action) => variant(action, bad(MALFORMED_PCX_IDS), ({ id, viewer: v }) => ({ caller: viewer(settings, v), command: byPcx(action, id) }))),
    ...BY_PCX.map((action) => variant(action, bad([UNKNOWN_PCX]), ({ id, viewer: v }) => ({ caller: viewer(settings, v), command: byPcx(action, id) }))),
    variant('CreateVpcPeeringConnection', fc.record({ id: fc.constantFrom(...MALFORMED_VPC_IDS, UNKNOWN_VPC), n: pick, side: fc.boolean(), cross: fc.boolean() }), ({ id, n, side, cross }, tracker) =>
      withVpc(tracker, settings, n, (vpc) => ({
        caller: vpc.owner,
        command: {
          type: 'CreateVpcPeeringConnection',
          VpcId: side ? id : vpc.symbol,
          PeerVpcId: side ? vpc.symbol : id,
          // Cross-account, an unknown peer is not checked at once: the request fails later (spec §2.2).
          ...(cross ? { PeerOwnerId: other(settings.accounts, vpc.owner.accountId, n) ?? vpc.owner.accountId } : {}),
        },
      })),
    ),
    ...(['DeleteVpc', 'AssociateVpcCidrBlock', 'ModifyVpcAttribute', 'DescribeVpcs', 'CreateTags'] as const).map((action) =>
      variant(action, bad([...MALFORMED_VPC_IDS, UNKNOWN_VPC]), ({ id, viewer: v }) => {
        const caller = viewer(settings, v);
        switch (action) {
          case 'DeleteVpc':
            return { caller, command: { type: action, VpcId: id } };
          case 'AssociateVpcCidrBlock':
            return { caller, command: { type: action, VpcId: id, CidrBlock: CIDR_POOL[1]! } };
          case 'ModifyVpcAttribute':
            return { caller, command: { type: action, VpcId: id, EnableDnsHostnames: { Value: true } } };
          case 'DescribeVpcs':
            return { caller, command: { type: action, VpcIds: [id] } };
          case 'CreateTags':
            return { caller, command: { type: action, Resources: [id], Tags: [{ Key: 'Name', Value: 'x' }] } };
        }
      }),
    ),
  ];
}

function partyVariants(settings: Settings): Variant[] {
  const who = fc.record({ n: pick, as: fc.constantFrom('requester' as const, 'stranger' as const, 'wrong-region' as const) });
  return BY_PCX.filter((action) => action !== 'DescribeVpcPeeringConnections').map((action) =>
    variant(action, who, ({ n, as }, tracker) =>
      withConnection(tracker, settings, n, ['pending-acceptance', 'active'], (pcx) => {
        const wrongRegion = other(settings.regions, pcx.accepter.region, n);
        const caller =
          as === 'stranger' || (as === 'wrong-region' && wrongRegion === undefined)
            ? stranger(settings, pcx, n)
            : as === 'wrong-region'
              ? { accountId: pcx.accepter.accountId, region: wrongRegion! }
              : pcx.requester;
        // The requester touching the accepter's side (spec §5.2).
        const command =
          action === 'ModifyVpcPeeringConnectionOptions'
            ? { type: action, VpcPeeringConnectionId: pcx.symbol, AccepterPeeringConnectionOptions: { AllowDnsResolutionFromRemoteVpc: true } }
            : byPcx(action, pcx.symbol);
        return { caller, command };
      }),
    ),
  );
}

function requestVariants(settings: Settings): Variant[] {
  const wrong = fc.record({ vpc: pick, peer: pick, what: fc.constantFrom('owner', 'region', 'bad-owner', 'unknown-region', 'missing-peer', 'missing-vpc') });
  return [
    variant('CreateVpcPeeringConnection', wrong, ({ vpc, peer, what }, tracker) => {
      const planned = planRequest(tracker, settings, { vpc, peer, scope: 'cross-account', overlap: false, explicit: true, tags: null });
      if (planned.command.type !== 'CreateVpcPeeringConnection') return planned;
      const requester = tracker.vpc(planned.command.VpcId);
      const target = tracker.vpc(planned.command.PeerVpcId);
      if (requester === undefined || target === undefined) return planned;
      switch (what) {
        // spec §2.2: the wrong owner or Region of a real peer VPC — the request fails (or, aimed at
        // the caller's own account and Region, is a NotFound at once).
        case 'owner':
          return requestStep(requester, target, true, null, { accountId: other(settings.accounts, target.owner.accountId, peer) ?? target.owner.accountId });
        case 'region':
          return requestStep(requester, target, true, null, { region: other(settings.regions, target.owner.region, peer) ?? target.owner.region });
        case 'bad-owner':
          return requestStep(requester, target, true, null, { accountId: peer % 2 === 0 ? '12345' : 'abcdefghijkl' });
        case 'unknown-region':
          return requestStep(requester, target, true, null, { region: 'xx-nowhere-1' });
        case 'missing-peer':
          return { caller: requester.owner, command: { type: 'CreateVpcPeeringConnection', VpcId: requester.symbol } };
        case 'missing-vpc':
          return { caller: requester.owner, command: { type: 'CreateVpcPeeringConnection', PeerVpcId: target.symbol } };
      }
    }),
  ];
}

function cidrVariants(settings: Settings): Variant[] {
  return [
    variant('CreateVpc', fc.record({ cidr: fc.constantFrom(...BAD_CIDRS, null), v: pick }), ({ cidr, v }) => ({
      caller: viewer(settings, v),
      command: cidr === null ? { type: 'CreateVpc' } : { type: 'CreateVpc', CidrBlock: cidr },
    })),
    // A bad block, one the VPC already has (spec §6.1: no overlap with its own blocks), or none.
    variant('AssociateVpcCidrBlock', fc.record({ cidr: fc.constantFrom(...BAD_CIDRS, 'own', 'none'), n: pick }), ({ cidr, n }, tracker) =>
      withVpc(tracker, settings, n, (vpc) => ({
        caller: vpc.owner,
        command:
          cidr === 'none'
            ? { type: 'AssociateVpcCidrBlock', VpcId: vpc.symbol }
            : { type: 'AssociateVpcCidrBlock', VpcId: vpc.symbol, CidrBlock: cidr === 'own' ? (vpc.cidrs[0] ?? CIDR_POOL[0]!) : cidr },
      })),
    ),
  ];
}

function tagVariants(settings: Settings): Variant[] {
  const badTag = invalidTag({ wireOnly: true }).map(({ tag }) => tag as TagInput);
  const badList = fc.oneof(
    badTag.map((tag) => [tag]),
    invalidTagLists.duplicateKey().map(({ tags }) => tags as readonly TagInput[]),
    invalidTagLists.tooMany().map(({ tags }) => tags as readonly TagInput[]),
    fc.constant(null),
  );
  const badSpecification = fc.oneof(
    pooledTags.map((Tags) => ({ ResourceType: 'instance', Tags })),
    pooledTags.map((Tags) => ({ ResourceType: '', Tags })),
    badTag.map((tag) => ({ ResourceType: '?', Tags: [tag] })),
  );
  return [
    variant('CreateTags', fc.record({ tags: badList, n: pick }), ({ tags, n }, tracker) =>
      withVpc(tracker, settings, n, (vpc) => ({ caller: vpc.owner, command: { type: 'CreateTags', Resources: [vpc.symbol], ...(tags === null ? {} : { Tags: tags }) } })),
    ),
    variant('DeleteTags', fc.record({ n: pick }), ({ n }, tracker) =>
      withVpc(tracker, settings, n, (vpc) => ({ caller: vpc.owner, command: { type: 'DeleteTags', Resources: [vpc.symbol], Tags: [{ Key: 'aws:cloudformation:stack-name' }] } })),
    ),
    // '?' stands for the action's own resource type, so the bad tag is what fails.
    variant('CreateVpc', fc.record({ spec: badSpecification, v: pick }), ({ spec, v }) => ({
      caller: viewer(settings, v),
      command: { type: 'CreateVpc', CidrBlock: CIDR_POOL[0]!, TagSpecifications: [{ ...spec, ResourceType: spec.ResourceType === '?' ? 'vpc' : spec.ResourceType }] },
    })),
    variant('CreateVpcPeeringConnection', fc.record({ spec: badSpecification, vpc: pick, peer: pick }), ({ spec, vpc, peer }, tracker) => {
      const planned = planRequest(tracker, settings, { vpc, peer, scope: 'same', overlap: false, explicit: false, tags: null });
      if (planned.command.type !== 'CreateVpcPeeringConnection') return planned;
      const ResourceType = spec.ResourceType === '?' ? 'vpc-peering-connection' : spec.ResourceType === 'instance' ? 'vpc' : spec.ResourceType;
      return { caller: planned.caller, command: { ...planned.command, TagSpecifications: [{ ...spec, ResourceType }] } };
    }),
  ];
}

function filterVariants(settings: Settings): Variant[] {
  const bad = fc.record({ filter: fc.constantFrom(...BAD_FILTERS), v: pick });
  return (['DescribeVpcPeeringConnections', 'DescribeVpcs', 'DescribeTags'] as const).map((action) =>
    variant(action, bad, ({ filter, v }) => ({ caller: viewer(settings, v), command: { type: action, Filters: [filter] } })),
  );
}

function missingVariants(settings: Settings): Variant[] {
  const actions = [...BY_PCX.filter((action) => action !== 'DescribeVpcPeeringConnections'), 'ModifyVpcAttribute', 'DisassociateVpcCidrBlock', 'DeleteVpc'] as const;
  return actions.map((action) =>
    variant(action, pick, (n, tracker) => {
      // The ID is given where the action needs more than it (the Modify actions), else nothing is.
      if (action === 'ModifyVpcAttribute') return withVpc(tracker, settings, n, (vpc) => ({ caller: vpc.owner, command: { type: action, VpcId: vpc.symbol } }));
      if (action === 'ModifyVpcPeeringConnectionOptions') {
        const pcx = pickFrom(tracker.pcxs, n);
        return { caller: pcx?.requester ?? viewer(settings, n), command: { type: action, ...(pcx === undefined ? {} : { VpcPeeringConnectionId: pcx.symbol }) } };
      }
      return { caller: viewer(settings, n), command: { type: action } };
    }),
  );
}

/** The routing mistakes (routing-mistakes.ts): each plans the steps it needs, then itself. */
function routingVariants(settings: Settings): Variant[] {
  return mistakesFor(settings).map((mistake) => variant(mistake.action, pick, (n, tracker) => mistake.plan(tracker, settings, n).step));
}

/** DryRun on a valid-looking step of each action that takes it in the SDK (spec §8.3). */
function dryRunVariants(valid: readonly WeightedTemplates[]): Variant[] {
  const takesDryRun = (action: CommandType) => !['AssociateVpcCidrBlock', 'DisassociateVpcCidrBlock', 'ModifyVpcAttribute', 'AdvanceClock', 'FailPeeringChecks'].includes(action);
  return valid
    .filter(({ action }) => takesDryRun(action))
    .map(({ action, arbitrary }) => ({
      action,
      arbitrary: arbitrary.map((inner) =>
        template(
          action,
          (tracker) => {
            const step = inner.plan(tracker);
            // A fallback creation keeps its own action; DryRun goes on the step actually planned.
            return takesDryRun(step.command.type) ? { caller: step.caller, command: { ...step.command, DryRun: true } as Command } : step;
          },
          true,
        ),
      ),
    }));
}

/**
 * The invalid templates allowed by the settings, `weight` in all (0: none), shared by the kinds of
 * mistake (IDs, parties, states, requests, CIDRs, tags, filters, missing parameters, DryRun) — equally
 * but for the wrong states' three shares and the routing mistakes' two — and within a kind by the actions it applies to.
 */
export function invalidTemplates(settings: Settings, valid: readonly WeightedTemplates[], weight: number): WeightedTemplates[] {
  // [variants, shares]: routing mistakes (only with the routing actions) get two, as they are many;
  // wrong-state steps get three shares — before them, 700 runs held no
  // InvalidStateTransition at all (issue 16 §5), and half their plans are the steps towards the state.
  const kinds: [Variant[], number][] = (
    [
      [idVariants(settings), 1],
      [partyVariants(settings), 1],
      [wrongStateVariants(settings), 3],
      [requestVariants(settings), 1],
      [cidrVariants(settings), 1],
      [tagVariants(settings), 1],
      [filterVariants(settings), 1],
      [missingVariants(settings), 1],
      [dryRunVariants(valid), 1],
      [routingVariants(settings), 2],
    ] as [Variant[], number][]
  )
    .map(([variants, shares]): [Variant[], number] => [variants.filter(({ action }) => settings.allowed.has(action)), shares])
    .filter(([variants]) => variants.length > 0);
  if (weight <= 0 || kinds.length === 0) return [];
  const unit = weight / kinds.reduce((sum, [, shares]) => sum + shares, 0);
  return kinds.map(([variants, shares]) => ({
    action: variants[0]!.action,
    weight: Math.max(1, Math.round(unit * shares)),
    arbitrary: fc.oneof(...variants.map(({ arbitrary }) => arbitrary)),
  }));
}
