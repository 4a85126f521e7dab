// Templates of the routing actions (issue 13): CreateSubnet, DeleteSubnet, DescribeSubnets,
// CreateRouteTable, DeleteRouteTable, DescribeRouteTables, Associate/Disassociate/
// ReplaceRouteTableAssociation, and CreateRoute/ReplaceRoute/DeleteRoute to a peering connection.
// Each names what exists, as its owner; what it needs and lacks it creates first, one step at a time.
import { zonesOf, type Command } from '@pcxsim/engine';
import fc from 'fast-check';
import { symbolFor } from '../bindings.js';
import type { SequenceStep } from '../sequence-step.js';
import { withConnection } from './peering-steps.js';
import { formatNumeric, numericPrefix, sizeOf } from './prefix-math.js';
import { CIDR_POOL, pickFrom, viewer, type Settings } from './settings.js';
import { template, type WeightedTemplates } from './template.js';
import { blocksOverlap, type PcxEntry, type RtbEntry, type SubnetEntry, type Tracker, type VpcEntry } from './tracker.js';
import { withVpc } from './vpc-steps.js';

/** routes §1.1: a subnet's IPv4 block is /16 to /28. */
export const SUBNET_PREFIX = { min: 16, max: 28 } as const;

/**
 * The `index`-th block of `length` inside `vpcBlock` (counted round), `length` kept within the
 * VPC's block and /16–/28 (routes §1.1).
 */
export function subnetBlock(vpcBlock: string, extraBits: number, index: number): string {
  const outer = numericPrefix(vpcBlock, 'subnetBlock');
  const length = Math.min(SUBNET_PREFIX.max, Math.max(SUBNET_PREFIX.min, outer.length + extraBits));
  const count = 1n << BigInt(Math.max(0, length - outer.length));
  const network = outer.network + (BigInt(index) % count) * sizeOf(outer.family, length);
  return formatNumeric({ family: outer.family, network, length });
}

/** A block inside the VPC's primary block that no live subnet of the VPC overlaps, if one of the first few is free. */
export function freeSubnetBlock(tracker: Tracker, vpc: VpcEntry, extraBits: number, index: number): string | undefined {
  const primary = vpc.cidrs[0];
  if (primary === undefined) return undefined;
  const taken = tracker.liveSubnets().filter((subnet) => subnet.vpc === vpc.symbol).map((subnet) => subnet.cidr);
  for (let bits = extraBits; bits <= extraBits + 4; bits++) {
    for (let i = 0; i < 16; i++) {
      const block = subnetBlock(primary, bits, index + i);
      if (!blocksOverlap([block], taken)) return block;
    }
  }
  return undefined;
}

/** CreateSubnet in `vpc` as its owner: a free block, sometimes in a named zone of its Region. */
export function createSubnetStep(tracker: Tracker, vpc: VpcEntry, extraBits: number, index: number, zone: number | null): SequenceStep {
  const zones = zonesOf(vpc.owner.region);
  const block = freeSubnetBlock(tracker, vpc, extraBits, index) ?? subnetBlock(vpc.cidrs[0] ?? CIDR_POOL[0]!, extraBits, index);
  return {
    caller: vpc.owner,
    command: {
      type: 'CreateSubnet',
      VpcId: vpc.symbol,
      CidrBlock: block,
      ...(zone === null || zones.length === 0 ? {} : { AvailabilityZone: zones[zone % zones.length]!.zoneName }),
    },
  };
}

/** CreateRouteTable in `vpc` as its owner. */
export const createRouteTableStep = (vpc: VpcEntry): SequenceStep => ({ caller: vpc.owner, command: { type: 'CreateRouteTable', VpcId: vpc.symbol } });

/** The VPC of an entry's `vpc` symbol, or a stand-in (no blocks) when the VPC was never created. */
const vpcOf = (tracker: Tracker, symbol: string, settings: Settings, n: number): VpcEntry =>
  tracker.vpc(symbol) ?? { symbol, owner: viewer(settings, n), cidrs: [], deleted: false, dnsHostnames: false };

/**
 * A live route table (of `vpc` when given) to `use`; when there is none, CreateRouteTable in that
 * VPC (or any live one) if allowed, else an unbound `$rtbN`.
 */
export function withRouteTable(tracker: Tracker, settings: Settings, n: number, vpc: VpcEntry | undefined, use: (rtb: RtbEntry) => SequenceStep): SequenceStep {
  const rtb = pickFrom(
    tracker.liveRtbs().filter((entry) => vpc === undefined || entry.vpc === vpc.symbol),
    n,
  );
  if (rtb !== undefined) return use(rtb);
  if (settings.allowed.has('CreateRouteTable')) {
    if (vpc !== undefined && !vpc.deleted) return createRouteTableStep(vpc);
    if (vpc === undefined) return withVpc(tracker, settings, n, createRouteTableStep);
  }
  const owner = vpc ?? vpcOf(tracker, symbolFor('vpc', 0), settings, n);
  return use({ symbol: symbolFor('rtb', tracker.ids.count('rtb')), vpc: owner.symbol, owner: owner.owner, routes: new Map(), deleted: false });
}

/** A live subnet (of `vpc` when given) to `use`; when there is none, CreateSubnet if allowed, else an unbound `$subnetN`. */
export function withSubnet(tracker: Tracker, settings: Settings, n: number, vpc: VpcEntry | undefined, use: (subnet: SubnetEntry) => SequenceStep): SequenceStep {
  const subnet = pickFrom(
    tracker.liveSubnets().filter((entry) => vpc === undefined || entry.vpc === vpc.symbol),
    n,
  );
  if (subnet !== undefined) return use(subnet);
  if (settings.allowed.has('CreateSubnet')) {
    if (vpc !== undefined && !vpc.deleted) return createSubnetStep(tracker, vpc, 2, n, null);
    if (vpc === undefined) return withVpc(tracker, settings, n, (live) => createSubnetStep(tracker, live, 2, n, null));
  }
  const owner = vpc ?? vpcOf(tracker, symbolFor('vpc', 0), settings, n);
  return use({ symbol: symbolFor('subnet', tracker.ids.count('subnet')), vpc: owner.symbol, owner: owner.owner, cidr: '', deleted: false });
}

/** The side of a connection a route is made on: the table's VPC, the peer's blocks, the caller. */
export interface RouteSide {
  readonly local: VpcEntry;
  readonly peer: VpcEntry;
}

/** The two sides of a connection as route sides, `requester` first. */
export function sidesOf(tracker: Tracker, settings: Settings, pcx: PcxEntry, n: number): readonly [RouteSide, RouteSide] {
  const requester = tracker.vpc(pcx.requesterVpc) ?? { ...vpcOf(tracker, pcx.requesterVpc, settings, n), owner: pcx.requester };
  const accepter = tracker.vpc(pcx.accepterVpc) ?? { ...vpcOf(tracker, pcx.accepterVpc, settings, n), owner: pcx.accepter };
  return [
    { local: requester, peer: accepter },
    { local: accepter, peer: requester },
  ];
}

/** A destination in the peer's blocks: the whole primary block, or a /24 of it. */
export function peerDestination(peer: VpcEntry, narrow: boolean, index: number): string {
  const block = peer.cidrs[0] ?? CIDR_POOL[2]!;
  if (!narrow) return block;
  const outer = numericPrefix(block, 'peerDestination');
  return outer.length >= 24 ? block : subnetBlock(block, 24 - outer.length, index);
}

/** The routes of live tables, as (table, destination, `$pcxN`). */
const liveRoutes = (tracker: Tracker): { rtb: RtbEntry; destination: string; pcx: string }[] =>
  tracker.liveRtbs().flatMap((rtb) => [...rtb.routes].map(([destination, pcx]) => ({ rtb, destination, pcx })));

/** A filter of DescribeRouteTables aimed at what the sequence made. */
function routeTableFilter(kind: number, tracker: Tracker, n: number): { Name: string; Values: string[] } {
  const rtb = pickFrom(tracker.rtbs, n);
  const pcx = pickFrom(tracker.pcxs, n);
  const subnet = pickFrom(tracker.subnets, n);
  const filters = [
    { Name: 'vpc-id', Values: [rtb?.vpc ?? symbolFor('vpc', 0)] },
    { Name: 'route.vpc-peering-connection-id', Values: [pcx?.symbol ?? symbolFor('pcx', 0)] },
    { Name: 'association.subnet-id', Values: [subnet?.symbol ?? symbolFor('subnet', 0)] },
    { Name: 'association.main', Values: ['true'] },
    { Name: 'route.state', Values: [n % 2 === 0 ? 'active' : 'blackhole'] },
    { Name: 'route-table-id', Values: [rtb?.symbol ?? symbolFor('rtb', 0)] },
  ];
  return filters[kind % filters.length]!;
}

/** What a CreateRoute template asks for. */
interface RouteWish {
  readonly pcx: number;
  readonly side: number;
  readonly narrow: boolean;
  readonly index: number;
}

/**
 * CreateRoute from a table of one side of a pending or active connection to the other side's
 * block (routes §2.3: allowed while pending, blackhole until active), as the table's owner —
 * preferring a side that has a table already; else the steps towards one (a connection, a table).
 * An existing destination is replaced instead (routes §2.6).
 */
function planRoute(tracker: Tracker, settings: Settings, wish: RouteWish): SequenceStep {
  const usable = tracker.pcxs.flatMap((pcx) => {
    const state = tracker.statusOf(pcx);
    if (state !== 'pending-acceptance' && state !== 'active') return [];
    return sidesOf(tracker, settings, pcx, wish.pcx).flatMap((side) => {
      const tables = tracker.liveRtbs().filter((rtb) => rtb.vpc === side.local.symbol);
      return tables.length === 0 ? [] : [{ pcx, side, tables }];
    });
  });
  const ready = pickFrom(usable, wish.pcx);
  const route = (pcx: PcxEntry, peer: VpcEntry, rtb: RtbEntry): SequenceStep => {
    const destination = peerDestination(peer, wish.narrow, wish.index);
    const type = rtb.routes.has(destination) && settings.allowed.has('ReplaceRoute') ? 'ReplaceRoute' : 'CreateRoute';
    return { caller: rtb.owner, command: { type, RouteTableId: rtb.symbol, DestinationCidrBlock: destination, VpcPeeringConnectionId: pcx.symbol } };
  };
  if (ready !== undefined) return route(ready.pcx, ready.side.peer, pickFrom(ready.tables, wish.index)!);
  return withConnection(tracker, settings, wish.pcx, ['pending-acceptance', 'active'], (pcx) => {
    const { local, peer } = sidesOf(tracker, settings, pcx, wish.pcx)[wish.side % 2]!;
    return withRouteTable(tracker, settings, wish.pcx, local, (rtb) => route(pcx, peer, rtb));
  });
}

/** AssociateRouteTable of a table with a subnet of its VPC that has no association; what is missing first. */
function planAssociation(tracker: Tracker, settings: Settings, n: number): SequenceStep {
  return withRouteTable(tracker, settings, n, undefined, (rtb) => {
    const vpc = vpcOf(tracker, rtb.vpc, settings, n);
    const free = tracker.liveSubnets().filter((subnet) => subnet.vpc === rtb.vpc && !tracker.liveRtbAssocs().some((assoc) => assoc.subnet === subnet.symbol));
    const subnet = pickFrom(free, n);
    if (subnet === undefined && settings.allowed.has('CreateSubnet') && !vpc.deleted && vpc.cidrs.length > 0) return createSubnetStep(tracker, vpc, 2, n, null);
    return withSubnet(tracker, settings, n, vpc, (chosen) => ({
      caller: rtb.owner,
      command: { type: 'AssociateRouteTable', RouteTableId: rtb.symbol, SubnetId: (subnet ?? chosen).symbol },
    }));
  });
}

export function routingTemplates(settings: Settings): WeightedTemplates[] {
  const pick = fc.nat({ max: 63 });
  const weighted = <T>(action: Command['type'], weight: number, arbitrary: fc.Arbitrary<T>, plan: (value: T, tracker: Tracker) => SequenceStep): WeightedTemplates => ({
    action,
    weight,
    arbitrary: arbitrary.map((value) => template(action, (tracker) => plan(value, tracker))),
  });
  return [
    weighted('CreateSubnet', 20, fc.record({ vpc: pick, bits: fc.nat({ max: 8 }), index: pick, zone: fc.option(pick, { freq: 3 }) }), ({ vpc: n, bits, index, zone }, tracker) =>
      withVpc(tracker, settings, n, (vpc) => createSubnetStep(tracker, vpc, bits, index, zone)),
    ),
    weighted('DeleteSubnet', 5, pick, (n, tracker) =>
      withSubnet(tracker, settings, n, undefined, (subnet) => ({ caller: subnet.owner, command: { type: 'DeleteSubnet', SubnetId: subnet.symbol } })),
    ),
    weighted('CreateRouteTable', 15, pick, (n, tracker) => {
      // Mostly in a VPC of a connection, where routes to it can go.
      const pcx = pickFrom(tracker.pcxs, n);
      const vpc = pcx === undefined ? undefined : tracker.vpc(n % 2 === 0 ? pcx.requesterVpc : pcx.accepterVpc);
      return vpc !== undefined && !vpc.deleted ? createRouteTableStep(vpc) : withVpc(tracker, settings, n, createRouteTableStep);
    }),
    weighted('DeleteRouteTable', 5, pick, (n, tracker) => {
      const unused = tracker.liveRtbs().filter((rtb) => !tracker.liveRtbAssocs().some((assoc) => assoc.rtb === rtb.symbol));
      const rtb = pickFrom(unused, n);
      if (rtb !== undefined) return { caller: rtb.owner, command: { type: 'DeleteRouteTable', RouteTableId: rtb.symbol } };
      return withRouteTable(tracker, settings, n, undefined, (table) => ({ caller: table.owner, command: { type: 'DeleteRouteTable', RouteTableId: table.symbol } }));
    }),
    weighted('AssociateRouteTable', 25, pick, (n, tracker) => planAssociation(tracker, settings, n)),
    weighted('DisassociateRouteTable', 8, pick, (n, tracker) => {
      const assoc = pickFrom(tracker.liveRtbAssocs(), n);
      if (assoc === undefined && settings.allowed.has('AssociateRouteTable')) return planAssociation(tracker, settings, n);
      const owner = tracker.rtb(assoc?.rtb)?.owner ?? viewer(settings, n);
      return { caller: owner, command: { type: 'DisassociateRouteTable', AssociationId: assoc?.symbol ?? symbolFor('rtbassoc', tracker.ids.count('rtbassoc')) } };
    }),
    weighted('ReplaceRouteTableAssociation', 12, pick, (n, tracker) => {
      // Preferably an association whose VPC has another table to move to.
      const movable = tracker.liveRtbAssocs().filter((entry) => {
        const table = tracker.rtb(entry.rtb);
        return table !== undefined && tracker.liveRtbs().some((rtb) => rtb !== table && rtb.vpc === table.vpc);
      });
      const assoc = pickFrom(movable.length > 0 ? movable : tracker.liveRtbAssocs(), n);
      const current = tracker.rtb(assoc?.rtb);
      if ((assoc === undefined || current === undefined) && settings.allowed.has('AssociateRouteTable')) return planAssociation(tracker, settings, n);
      if (assoc === undefined || current === undefined) {
        return { caller: viewer(settings, n), command: { type: 'ReplaceRouteTableAssociation', AssociationId: symbolFor('rtbassoc', tracker.ids.count('rtbassoc')), RouteTableId: symbolFor('rtb', 0) } };
      }
      const others = tracker.liveRtbs().filter((rtb) => rtb.vpc === current.vpc && rtb !== current);
      const next = pickFrom(others, n);
      const vpc = tracker.vpc(current.vpc);
      if (next === undefined && vpc !== undefined && !vpc.deleted && settings.allowed.has('CreateRouteTable')) return createRouteTableStep(vpc);
      return { caller: current.owner, command: { type: 'ReplaceRouteTableAssociation', AssociationId: assoc.symbol, RouteTableId: (next ?? current).symbol } };
    }),
    weighted('CreateRoute', 35, fc.record({ pcx: pick, side: fc.nat({ max: 1 }), narrow: fc.boolean(), index: pick }), (wish, tracker) => planRoute(tracker, settings, wish)),
    weighted('ReplaceRoute', 8, pick, (n, tracker) => {
      const route = pickFrom(liveRoutes(tracker), n);
      if (route === undefined && settings.allowed.has('CreateRoute')) return planRoute(tracker, settings, { pcx: n, side: n, narrow: false, index: n });
      if (route === undefined) return { caller: viewer(settings, n), command: { type: 'ReplaceRoute', RouteTableId: symbolFor('rtb', 0), DestinationCidrBlock: CIDR_POOL[2]!, VpcPeeringConnectionId: symbolFor('pcx', 0) } };
      // Another connection of the same VPC, if any: the route moves to it.
      const others = tracker.pcxs.filter((pcx) => pcx.symbol !== route.pcx && (pcx.requesterVpc === route.rtb.vpc || pcx.accepterVpc === route.rtb.vpc));
      const target = pickFrom(others, n)?.symbol ?? route.pcx;
      return { caller: route.rtb.owner, command: { type: 'ReplaceRoute', RouteTableId: route.rtb.symbol, DestinationCidrBlock: route.destination, VpcPeeringConnectionId: target } };
    }),
    weighted('DeleteRoute', 8, pick, (n, tracker) => {
      const route = pickFrom(liveRoutes(tracker), n);
      if (route === undefined && settings.allowed.has('CreateRoute')) return planRoute(tracker, settings, { pcx: n, side: n, narrow: false, index: n });
      if (route === undefined) return { caller: viewer(settings, n), command: { type: 'DeleteRoute', RouteTableId: symbolFor('rtb', 0), DestinationCidrBlock: CIDR_POOL[2]! } };
      return { caller: route.rtb.owner, command: { type: 'DeleteRoute', RouteTableId: route.rtb.symbol, DestinationCidrBlock: route.destination } };
    }),
    weighted('DescribeRouteTables', 15, fc.record({ by: fc.constantFrom('all', 'id', 'filter'), n: pick, filter: pick }), ({ by, n, filter }, tracker) => {
      const rtb = pickFrom(tracker.rtbs, n);
      const caller = rtb?.owner ?? viewer(settings, n);
      if (by === 'id' && rtb !== undefined) return { caller, command: { type: 'DescribeRouteTables', RouteTableIds: [rtb.symbol] } };
      if (by === 'filter') return { caller, command: { type: 'DescribeRouteTables', Filters: [routeTableFilter(filter, tracker, n)] } };
      return { caller: viewer(settings, n), command: { type: 'DescribeRouteTables' } };
    }),
    weighted('DescribeSubnets', 8, fc.record({ by: fc.constantFrom('all', 'id', 'vpc', 'cidr'), n: pick }), ({ by, n }, tracker) => {
      const subnet = pickFrom(tracker.subnets, n);
      const caller = subnet?.owner ?? viewer(settings, n);
      switch (by) {
        case 'id':
          if (subnet === undefined) break;
          return { caller, command: { type: 'DescribeSubnets', SubnetIds: [subnet.symbol] } };
        case 'vpc':
          return { caller, command: { type: 'DescribeSubnets', Filters: [{ Name: 'vpc-id', Values: [subnet?.vpc ?? symbolFor('vpc', 0)] }] } };
        case 'cidr':
          return { caller, command: { type: 'DescribeSubnets', Filters: [{ Name: 'cidr-block', Values: [subnet?.cidr ?? CIDR_POOL[0]!] }] } };
        default:
          break;
      }
      return { caller: viewer(settings, n), command: { type: 'DescribeSubnets' } };
    }),
  ];
}
