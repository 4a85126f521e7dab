// The refusals of subnets, route tables and routes (issue 13), one mistake each, with the code the
// engine answers (packages/engine/src/routing/routing-errors.ts) and the section of
// docs/reference/routing.md behind the rule. A mistake plans against what exists: when what it needs
// is missing (a subnet, a table, a route, a connection), it plans the step towards it instead, so
// the same plan, repeated, ends in the mistake itself.
import type { Command, CommandType } from '@pcxsim/engine';
import { unboundId } from '../bindings.js';
import type { SequenceStep } from '../sequence-step.js';
import { withConnection } from './peering-steps.js';
import { peerDestination, sidesOf, subnetBlock, withRouteTable, withSubnet } from './routing-steps.js';
import { pickFrom, viewer, type Settings } from './settings.js';
import type { RtbEntry, Tracker, VpcEntry } from './tracker.js';
import { withVpc } from './vpc-steps.js';

/** A planned step: the mistake itself (`final`), or a step towards what it needs. */
export interface PlannedMistake {
  readonly step: SequenceStep;
  readonly final: boolean;
}

/** One kind of routing mistake. */
export interface RoutingMistake {
  /** A short name, e.g. `route-exists`. */
  readonly kind: string;
  /** The action the mistake calls. */
  readonly action: CommandType;
  /** The EC2 error code the engine answers, exact casing. */
  readonly code: string;
  /** The rule's section of docs/reference/routing.md (`routes §N`), or where else the rule comes from. */
  readonly section: string;
  /** The actions its steps towards it may use, besides `action`. */
  readonly needs: readonly CommandType[];
  /** The next step: the mistake, or one towards it. */
  plan(tracker: Tracker, settings: Settings, n: number): PlannedMistake;
}

/** Marks the step that is the mistake itself; any other step a plan returns is a step towards it. */
export type Mark = (step: SequenceStep) => SequenceStep;

/** A live table of a VPC of a connection (any state), with that VPC and the connection's other side. */
function withPeeredTable(tracker: Tracker, settings: Settings, n: number, use: (rtb: RtbEntry, local: VpcEntry, peer: VpcEntry, pcx: string) => SequenceStep): SequenceStep {
  return withConnection(tracker, settings, n, ['pending-acceptance', 'active'], (pcx) => {
    const { local, peer } = sidesOf(tracker, settings, pcx, n)[n % 2]!;
    return withRouteTable(tracker, settings, n, local, (rtb) => use(rtb, local, peer, pcx.symbol));
  });
}

/** A live table with a pcx route in it, or the steps towards one (a connection, a table, CreateRoute). */
function withRoute(tracker: Tracker, settings: Settings, n: number, use: (rtb: RtbEntry, destination: string, pcx: string) => SequenceStep): SequenceStep {
  const routes = tracker.liveRtbs().flatMap((rtb) => [...rtb.routes].map(([destination, pcx]) => ({ rtb, destination, pcx })));
  const route = pickFrom(routes, n);
  if (route !== undefined) return use(route.rtb, route.destination, route.pcx);
  return withPeeredTable(tracker, settings, n, (rtb, _local, peer, pcx) => ({
    caller: rtb.owner,
    command: { type: 'CreateRoute', RouteTableId: rtb.symbol, DestinationCidrBlock: peerDestination(peer, false, n), VpcPeeringConnectionId: pcx },
  }));
}

const route = (rtb: RtbEntry, members: Record<string, unknown>, type: 'CreateRoute' | 'ReplaceRoute' | 'DeleteRoute' = 'CreateRoute'): SequenceStep => ({
  caller: rtb.owner,
  command: { type, RouteTableId: rtb.symbol, ...members } as Command,
});

const mistake = (
  kind: string,
  action: CommandType,
  code: string,
  section: string,
  needs: readonly CommandType[],
  plan: (tracker: Tracker, settings: Settings, n: number, mark: Mark) => SequenceStep,
): RoutingMistake => ({
  kind,
  action,
  code,
  section,
  needs,
  plan: (tracker, settings, n) => {
    let marked: SequenceStep | undefined;
    const step = plan(tracker, settings, n, (chosen) => (marked = chosen));
    return { step, final: step === marked };
  },
});

// Accept and clock steps are optional on the way (withConnection uses them only when allowed).
const PEERED: readonly CommandType[] = ['CreateVpc', 'CreateVpcPeeringConnection', 'CreateRouteTable'];

/** Every routing mistake the kit generates. */
export const ROUTING_MISTAKES: readonly RoutingMistake[] = [
  // ---- subnets (the rules of issue 13; the texts' sources are in routing-errors.ts) ----
  mistake('subnet-outside-vpc', 'CreateSubnet', 'InvalidSubnet.Range', 'issue 13: a subnet lies inside one of its VPC blocks', ['CreateVpc'], (tracker, settings, n, it) =>
    withVpc(tracker, settings, n, (vpc) => it({ caller: vpc.owner, command: { type: 'CreateSubnet', VpcId: vpc.symbol, CidrBlock: vpc.cidrs.some((c) => c.startsWith('198.18.')) ? '198.19.0.0/24' : '198.18.0.0/24' } })),
  ),
  mistake('subnet-too-small', 'CreateSubnet', 'InvalidSubnet.Range', 'issue 13: a subnet block is /16 to /28', ['CreateVpc'], (tracker, settings, n, it) =>
    withVpc(tracker, settings, n, (vpc) => it({ caller: vpc.owner, command: { type: 'CreateSubnet', VpcId: vpc.symbol, CidrBlock: subnetBlock(vpc.cidrs[0] ?? '10.0.0.0/16', 40, n).replace(/\/\d+$/, '/29') } })),
  ),
  mistake('subnet-conflict', 'CreateSubnet', 'InvalidSubnet.Conflict', 'issue 13: no two subnets of a VPC overlap', ['CreateVpc', 'CreateSubnet'], (tracker, settings, n, it) =>
    withSubnet(tracker, settings, n, undefined, (subnet) => it({ caller: subnet.owner, command: { type: 'CreateSubnet', VpcId: subnet.vpc, CidrBlock: subnet.cidr } })),
  ),
  mistake('subnet-unknown', 'DeleteSubnet', 'InvalidSubnetID.NotFound', 'issue 13: DeleteSubnet of a subnet that does not exist', [], (_tracker, settings, n, it) => it({
    caller: viewer(settings, n),
    command: { type: 'DeleteSubnet', SubnetId: unboundId('subnet', 0xbad) },
  })),
  mistake('subnet-malformed', 'DeleteSubnet', 'InvalidSubnetID.Malformed', 'issue 13: a subnet ID is subnet- and hex digits', [], (_tracker, settings, n, it) => it({
    caller: viewer(settings, n),
    command: { type: 'DeleteSubnet', SubnetId: 'subnet-xyz' },
  })),
  mistake('vpc-has-subnets', 'DeleteVpc', 'DependencyViolation', 'routes §1.2: a VPC goes only once its subnets are gone', ['CreateVpc', 'CreateSubnet'], (tracker, settings, n, it) =>
    withSubnet(tracker, settings, n, undefined, (subnet) => it({ caller: subnet.owner, command: { type: 'DeleteVpc', VpcId: subnet.vpc } })),
  ),
  // ---- route tables and associations ----
  mistake('route-table-unknown', 'DeleteRouteTable', 'InvalidRouteTableID.NotFound', 'routes §1.4', [], (_tracker, settings, n, it) => it({
    caller: viewer(settings, n),
    command: { type: 'DeleteRouteTable', RouteTableId: unboundId('rtb', 0xbad) },
  })),
  mistake('route-table-malformed', 'DeleteRouteTable', 'InvalidRouteTableId.Malformed', 'routes §1.4', [], (_tracker, settings, n, it) => it({
    caller: viewer(settings, n),
    command: { type: 'DeleteRouteTable', RouteTableId: 'rtb-xyz' },
  })),
  mistake('route-table-of-another-account', 'CreateRoute', 'InvalidRouteTableID.NotFound', 'routes §1.1: no other account can name a table', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _local, peer, pcx) => {
      const stranger = settings.accounts.find((account) => account !== rtb.owner.accountId) ?? rtb.owner.accountId;
      return it({ caller: { accountId: stranger, region: rtb.owner.region }, command: { type: 'CreateRoute', RouteTableId: rtb.symbol, DestinationCidrBlock: peerDestination(peer, false, n), VpcPeeringConnectionId: pcx } });
    }),
  ),
  mistake('route-table-in-use', 'DeleteRouteTable', 'DependencyViolation', 'routes §1.4: only a table without associations', ['CreateVpc', 'CreateRouteTable', 'CreateSubnet', 'AssociateRouteTable'], (tracker, settings, n, it) => {
    const assoc = pickFrom(tracker.liveRtbAssocs(), n);
    const rtb = tracker.rtb(assoc?.rtb);
    if (rtb !== undefined) return it({ caller: rtb.owner, command: { type: 'DeleteRouteTable', RouteTableId: rtb.symbol } });
    return withRouteTable(tracker, settings, n, undefined, (table) =>
      withSubnet(tracker, settings, n, tracker.vpc(table.vpc), (subnet) => ({ caller: table.owner, command: { type: 'AssociateRouteTable', RouteTableId: table.symbol, SubnetId: subnet.symbol } })),
    );
  }),
  mistake('association-unknown', 'DisassociateRouteTable', 'InvalidAssociationID.NotFound', 'routes §1.5', [], (_tracker, settings, n, it) => it({
    caller: viewer(settings, n),
    command: { type: 'DisassociateRouteTable', AssociationId: unboundId('rtbassoc', 0xbad) },
  })),
  mistake('already-associated', 'AssociateRouteTable', 'Resource.AlreadyAssociated', 'routes §1.5: a subnet has one association at a time', ['CreateVpc', 'CreateRouteTable', 'CreateSubnet', 'AssociateRouteTable'], (tracker, settings, n, it) => {
    const assoc = pickFrom(tracker.liveRtbAssocs(), n);
    const rtb = tracker.rtb(assoc?.rtb);
    if (assoc !== undefined && rtb !== undefined) return it({ caller: rtb.owner, command: { type: 'AssociateRouteTable', RouteTableId: rtb.symbol, SubnetId: assoc.subnet } });
    return withRouteTable(tracker, settings, n, undefined, (table) =>
      withSubnet(tracker, settings, n, tracker.vpc(table.vpc), (subnet) => ({ caller: table.owner, command: { type: 'AssociateRouteTable', RouteTableId: table.symbol, SubnetId: subnet.symbol } })),
    );
  }),
  mistake('subnet-of-another-vpc', 'AssociateRouteTable', 'InvalidParameterValue', 'routes §2.2: "belong to different networks" (for a subnet, our choice)', ['CreateVpc', 'CreateRouteTable', 'CreateSubnet'], (tracker, settings, n, it) =>
    withRouteTable(tracker, settings, n, undefined, (rtb) => {
      const elsewhere = tracker.liveSubnets().filter((subnet) => subnet.vpc !== rtb.vpc && subnet.owner.accountId === rtb.owner.accountId && subnet.owner.region === rtb.owner.region);
      const subnet = pickFrom(elsewhere, n);
      if (subnet !== undefined) return it({ caller: rtb.owner, command: { type: 'AssociateRouteTable', RouteTableId: rtb.symbol, SubnetId: subnet.symbol } });
      // A second VPC of the table's owner, then a subnet in it.
      const other = tracker.liveVpcs().find((vpc) => vpc.symbol !== rtb.vpc && vpc.owner.accountId === rtb.owner.accountId && vpc.owner.region === rtb.owner.region);
      if (other === undefined) return { caller: rtb.owner, command: { type: 'CreateVpc', CidrBlock: '10.200.0.0/16' } };
      return withSubnet(tracker, settings, n, other, (s) => it({ caller: rtb.owner, command: { type: 'AssociateRouteTable', RouteTableId: rtb.symbol, SubnetId: s.symbol } }));
    }),
  ),
  // ---- routes (routes §2) ----
  mistake('no-destination', 'CreateRoute', 'MissingParameter', 'routes §2.1', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, _p, pcx) => it(route(rtb, { VpcPeeringConnectionId: pcx }))),
  ),
  mistake('two-destinations', 'CreateRoute', 'InvalidParameterCombination', 'routes §2.1', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, peer, pcx) => it(route(rtb, { DestinationCidrBlock: peerDestination(peer, false, n), DestinationIpv6CidrBlock: '2600:1f00::/56', VpcPeeringConnectionId: pcx }))),
  ),
  mistake('not-a-cidr', 'CreateRoute', 'InvalidParameterValue', 'routes §2.1', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, _p, pcx) => it(route(rtb, { DestinationCidrBlock: n % 2 === 0 ? 'not-a-cidr' : '::/0', VpcPeeringConnectionId: pcx }))),
  ),
  mistake('no-target', 'CreateRoute', 'MissingParameter', 'routes §2.1', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, peer) => it(route(rtb, { DestinationCidrBlock: peerDestination(peer, false, n) }))),
  ),
  mistake('two-targets', 'CreateRoute', 'InvalidParameterCombination', 'routes §2.1', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, peer, pcx) => it(route(rtb, { DestinationCidrBlock: peerDestination(peer, false, n), VpcPeeringConnectionId: pcx, GatewayId: 'igw-0123456789abcdef0' }))),
  ),
  mistake('gateway-unknown', 'CreateRoute', 'InvalidGatewayID.NotFound', 'routes §1.2 (no gateway exists here)', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, peer) => it(route(rtb, { DestinationCidrBlock: peerDestination(peer, false, n), GatewayId: 'igw-0123456789abcdef0' }))),
  ),
  mistake('connection-unknown', 'CreateRoute', 'InvalidVpcPeeringConnectionID.NotFound', 'routes §2.2', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, peer) => it(route(rtb, { DestinationCidrBlock: peerDestination(peer, false, n), VpcPeeringConnectionId: unboundId('pcx', 0xbad) }))),
  ),
  mistake('different-networks', 'CreateRoute', 'InvalidParameterValue', 'routes §2.2', [...PEERED, 'CreateVpc'], (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _local, peer, pcx) => {
      // A table of the same owner whose VPC is not in the connection.
      const outside = tracker.liveRtbs().find((table) => table.owner.accountId === rtb.owner.accountId && table.owner.region === rtb.owner.region && !tracker.pcxs.some((p) => p.symbol === pcx && (p.requesterVpc === table.vpc || p.accepterVpc === table.vpc)));
      if (outside !== undefined) return it(route(outside, { DestinationCidrBlock: peerDestination(peer, false, n), VpcPeeringConnectionId: pcx }));
      const vpc = tracker.liveVpcs().find((entry) => entry.owner.accountId === rtb.owner.accountId && entry.owner.region === rtb.owner.region && !tracker.pcxs.some((p) => p.symbol === pcx && (p.requesterVpc === entry.symbol || p.accepterVpc === entry.symbol)));
      if (vpc === undefined) return { caller: rtb.owner, command: { type: 'CreateVpc', CidrBlock: '10.201.0.0/16' } };
      return { caller: vpc.owner, command: { type: 'CreateRouteTable', VpcId: vpc.symbol } };
    }),
  ),
  mistake('route-exists', 'CreateRoute', 'RouteAlreadyExists', 'routes §2.2', [...PEERED, 'CreateRoute'], (tracker, settings, n, it) =>
    withRoute(tracker, settings, n, (rtb, destination, pcx) => it(route(rtb, { DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx }))),
  ),
  mistake('equal-to-local', 'CreateRoute', 'RouteAlreadyExists', 'routes §2.2, §8.5', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, local, _p, pcx) => it(route(rtb, { DestinationCidrBlock: local.cidrs[0] ?? '10.0.0.0/16', VpcPeeringConnectionId: pcx }))),
  ),
  mistake('inside-local', 'CreateRoute', 'InvalidParameterValue', 'routes §2.2', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, local, _p, pcx) => it(route(rtb, { DestinationCidrBlock: subnetBlock(local.cidrs[0] ?? '10.0.0.0/16', 4, n), VpcPeeringConnectionId: pcx }))),
  ),
  mistake('reserved-destination', 'CreateRoute', 'InvalidParameterValue', 'routes §2.2', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, _p, pcx) => it(route(rtb, { DestinationCidrBlock: '169.254.169.0/24', VpcPeeringConnectionId: pcx }))),
  ),
  mistake('delete-absent', 'DeleteRoute', 'InvalidRoute.NotFound', 'routes §2.7', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb) => it(route(rtb, { DestinationCidrBlock: '203.0.113.0/24' }, 'DeleteRoute'))),
  ),
  mistake('replace-absent', 'ReplaceRoute', 'InvalidParameterValue', 'routes §2.6', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, _l, _p, pcx) => it(route(rtb, { DestinationCidrBlock: '203.0.113.0/24', VpcPeeringConnectionId: pcx }, 'ReplaceRoute'))),
  ),
  mistake('delete-local', 'DeleteRoute', 'InvalidParameterValue', 'routes §1.2', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, local) => it(route(rtb, { DestinationCidrBlock: local.cidrs[0] ?? '10.0.0.0/16' }, 'DeleteRoute'))),
  ),
  mistake('replace-local', 'ReplaceRoute', 'InvalidParameterValue', 'routes §1.2', PEERED, (tracker, settings, n, it) =>
    withPeeredTable(tracker, settings, n, (rtb, local, _p, pcx) => it(route(rtb, { DestinationCidrBlock: local.cidrs[0] ?? '10.0.0.0/16', VpcPeeringConnectionId: pcx }, 'ReplaceRoute'))),
  ),
  mistake('local-target-elsewhere', 'ReplaceRoute', 'InvalidParameterValue', 'routes §2.6', [...PEERED, 'CreateRoute'], (tracker, settings, n, it) =>
    withRoute(tracker, settings, n, (rtb, destination) => it(route(rtb, { DestinationCidrBlock: destination, LocalTarget: true }, 'ReplaceRoute'))),
  ),
];

/** The mistakes whose action and needs the settings allow (a sequence keeps to its actions). */
export const mistakesFor = (settings: Settings): RoutingMistake[] =>
  ROUTING_MISTAKES.filter((entry) => settings.allowed.has(entry.action) && entry.needs.every((action) => settings.allowed.has(action)));
