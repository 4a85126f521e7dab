// "Why can't A reach B?" (issue 13): a pure query that walks what Reachability Analyzer walks for a
// path over VPC peering (routes §3.1, §5) and answers in its shape and codes.
//
// The walk follows the packet, and the first thing that stops it is what the answer explains — the
// order routes §5.5 proposes, decided here as: (1) the source table's longest-prefix match for the
// destination (none: NO_ROUTE_TO_DESTINATION, or DISCONNECTED_VPCS when the address lies only beyond
// a second connection — peering is not transitive, §3.2); (2) a winner that is not the route meant
// for the address' VPC while such a route exists (MORE_SPECIFIC_ROUTE); (3) a winner whose connection
// is not active (BAD_STATE_ROUTE for the route, BAD_STATE for the connection, §2.3); (4) a
// destination outside the peer VPC's blocks (PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: transitive or
// edge-to-edge, §3.2–§3.3); (5) the same checks for the reply, in the destination's table, towards
// the source address (§3.1 rule 4; replies follow that table, not the way in: §3.4).
//
// Cost: two longest-prefix matches and a few record reads when the path is there; the explanations
// read the source VPC's connections (and their peers' for the transitive case) only when it is not.
import { parseAddress, type Address } from '@pcxsim/cidr';
import type { Result } from '../apply.js';
import { invalidValue, missingParameter } from '../errors.js';
import { hasIdForm } from '../ids.js';
import { ownVpcById } from '../lookup.js';
import { peeringById } from '../records.js';
import type { Caller } from '../tx.js';
import type { PeeringRecord, VpcRecord, World } from '../world.js';
import { peeringsOfVpc } from '../actions/vpc-peerings.js';
import { localRoutes } from './local-routes.js';
import { longestPrefixMatch, matchingRoutes, type RouteMatch } from './longest-prefix-match.js';
import type { RouteTableRecord, SubnetRecord } from './routing-records.js';
import {
  addressIn,
  addressText,
  analysisRoute,
  liveVpc,
  otherSide,
  peeringComponent,
  peersHolding,
  placeOf,
  routeTo,
  subnetComponent,
  tableComponent,
  vpcComponent,
  vpcHolds,
} from './reachability-parts.js';
import type { ExplanationOutput, PathComponentOutput, ReachabilityAnalysis, ReachabilityQuery } from './reachability-shapes.js';
import { ownSubnetById } from './routing-lookup.js';
import { mainTableOf, tableOfSubnet } from './route-tables.js';

/** One end of the path: a subnet (or a VPC standing for a subnet on its main table) and its table. */
interface End {
  readonly vpc: VpcRecord;
  readonly subnet: SubnetRecord | undefined;
  readonly table: RouteTableRecord | undefined;
}

const endComponent = (end: End): PathComponentOutput['Component'] => (end.subnet !== undefined ? subnetComponent(end.subnet) : vpcComponent(end.vpc));

/** Builds a path, numbering its hops. */
class Path {
  readonly hops: PathComponentOutput[] = [];
  add(hop: Omit<PathComponentOutput, 'SequenceNumber'>): void {
    this.hops.push({ SequenceNumber: this.hops.length + 1, ...hop });
  }
}

const fail = (error: ReturnType<typeof missingParameter>): Result<never> => ({ ok: false, error });

/**
 * Whether a packet from `query.source` reaches `query.destinationIp` and a reply comes back, and if
 * not, why, in Reachability Analyzer's codes. The source must be the caller's (a subnet, or a VPC
 * meaning its main table); the walk then reads the peer side as the analyzer does with the peer
 * account added to the analysis [?].
 *
 * @example
 * const answer = reachability(world, caller, { source: 'subnet-0…', destinationIp: '10.1.1.10' });
 * if (answer.ok && !answer.value.NetworkPathFound) answer.value.Explanations[0]!.Sentence;
 */
export function reachability(world: World, caller: Caller, query: ReachabilityQuery): Result<ReachabilityAnalysis> {
  if (typeof query !== 'object' || query === null) return fail(missingParameter('source'));
  if (typeof query.source !== 'string' || query.source === '') return fail(missingParameter('source'));
  if (typeof query.destinationIp !== 'string' || query.destinationIp === '') return fail(missingParameter('destinationIp'));
  const source = resolveSource(world, caller, query.source);
  if (!source.ok) return source;
  const destination = parseAddress(query.destinationIp);
  if (!destination.ok) return fail(invalidValue(query.destinationIp, 'destinationIp', 'This is not a valid IP address.'));
  const from = sourceAddress(source.value, destination.value, query.sourceIp);
  if (from === null) return fail(invalidValue(query.sourceIp, 'sourceIp', 'It must be an address of the source, of the destination\'s family.'));
  return { ok: true, value: walk(world, source.value, destination.value, from) };
}

function resolveSource(world: World, caller: Caller, id: string): Result<End> {
  if (hasIdForm(id, 'vpc-')) {
    const vpc = ownVpcById(world, caller, id);
    return vpc.ok ? { ok: true, value: { vpc: vpc.value, subnet: undefined, table: mainTableOf(world, id) } } : vpc;
  }
  if (id.startsWith('subnet-')) {
    const subnet = ownSubnetById(world, caller, id);
    if (!subnet.ok) return subnet;
    const vpc = liveVpc(world, subnet.value.vpcId)!;
    return { ok: true, value: { vpc, subnet: subnet.value, table: tableOfSubnet(world, id) } };
  }
  return fail(invalidValue(id, 'source', 'Expecting a subnet ID (subnet-…) or a VPC ID (vpc-…).'));
}

/** The address replies go back to: the one given, or the first an instance may have at the source [?]; `undefined` when the source has none of the family. */
function sourceAddress(source: End, destination: Address, given: string | undefined): Address | undefined | null {
  if (given !== undefined) {
    const parsed = typeof given === 'string' ? parseAddress(given) : undefined;
    if (parsed === undefined || !parsed.ok || parsed.value.family !== destination.family || !vpcHolds(source.vpc, parsed.value)) return null;
    return parsed.value;
  }
  if (destination.family === 4 && source.subnet !== undefined) return addressIn(source.subnet.cidrBlock, 4);
  const block = localRoutes(source.vpc).find((local) => local.family === destination.family);
  return block === undefined ? undefined : addressIn(block.destination, 4);
}

function walk(world: World, source: End, destination: Address, from: Address | undefined): ReachabilityAnalysis {
  const forward = new Path();
  const back = new Path();
  const explanations: ExplanationOutput[] = [];
  const answer = (found: boolean): ReachabilityAnalysis => ({
    NetworkPathFound: found,
    ForwardPathComponents: forward.hops,
    ReturnPathComponents: found ? back.hops : [],
    Explanations: explanations,
  });
  const d = addressText(destination);
  forward.add({ Component: endComponent(source), Vpc: vpcComponent(source.vpc) });
  const table = source.table!;
  const match = longestPrefixMatch(table, localRoutes(source.vpc), destination);

  if (match === null) {
    explanations.push(noRoute(world, source.vpc, table, destination));
    return answer(false);
  }
  forward.add({ Component: tableComponent(table), Vpc: vpcComponent(source.vpc), RouteTableRoute: analysisRoute(world, match) });

  if (match.kind === 'local') {
    // Inside the source VPC: the local route delivers it, and the reply comes back the same way.
    const place = placeOf(world, source.vpc, destination);
    forward.add({ Component: place.subnet !== undefined ? subnetComponent(place.subnet) : vpcComponent(source.vpc), Vpc: vpcComponent(source.vpc) });
    back.add({ Component: place.subnet !== undefined ? subnetComponent(place.subnet) : vpcComponent(source.vpc), Vpc: vpcComponent(source.vpc) });
    if (place.table !== undefined && from !== undefined) {
      const reply = longestPrefixMatch(place.table, localRoutes(source.vpc), from);
      if (reply !== null) back.add({ Component: tableComponent(place.table), Vpc: vpcComponent(source.vpc), RouteTableRoute: analysisRoute(world, reply) });
    }
    back.add({ Component: endComponent(source), Vpc: vpcComponent(source.vpc) });
    return answer(true);
  }

  const pcxId = match.route.vpcPeeringConnectionId;
  const record = peeringById(world, pcxId);
  const peer = record === undefined ? undefined : liveVpc(world, otherSide(record, source.vpc.vpcId));
  const intended = peer !== undefined && vpcHolds(peer, destination) ? undefined : meantRoute(world, source.vpc, table, destination, pcxId);
  if (intended !== undefined) {
    explanations.push(moreSpecific(world, source.vpc, table, match, intended, d, 'egress'));
    return answer(false);
  }
  if (record === undefined || record.status !== 'active' || peer === undefined) {
    explanations.push(...badState(world, source.vpc, table, match, pcxId, record, d));
    return answer(false);
  }
  forward.add({ Component: peeringComponent(world, pcxId), SourceVpc: vpcComponent(source.vpc), DestinationVpc: vpcComponent(peer) });
  if (!vpcHolds(peer, destination)) {
    explanations.push(notInPeer(world, source.vpc, peer, record, destination));
    return answer(false);
  }
  const place = placeOf(world, peer, destination);
  const end: End = { vpc: peer, subnet: place.subnet, table: place.table };
  forward.add({ Component: endComponent(end), Vpc: vpcComponent(peer) });

  // The reply (routes §3.1 rule 4): the destination's table, towards the source address.
  back.add({ Component: endComponent(end), Vpc: vpcComponent(peer) });
  const replyProblem = replyPath(world, end, source, from, record, back);
  if (replyProblem !== null) {
    explanations.push(replyProblem);
    return answer(false);
  }
  return answer(true);
}

/** The reply's walk; `null` when it gets back. */
function replyPath(world: World, end: End, source: End, from: Address | undefined, record: PeeringRecord, back: Path): ExplanationOutput | null {
  const table = end.table!;
  if (from === undefined) {
    return {
      ExplanationCode: 'NO_ROUTE_TO_DESTINATION',
      Direction: 'ingress',
      RouteTable: tableComponent(table),
      Vpc: vpcComponent(end.vpc),
      Destination: peeringComponent(world, record.id),
      Sentence: `${source.vpc.vpcId} has no address of this family, so no reply can come back.`,
    };
  }
  const f = addressText(from);
  const reply = longestPrefixMatch(table, localRoutes(end.vpc), from);
  if (reply === null) {
    return {
      ExplanationCode: 'NO_ROUTE_TO_DESTINATION',
      Direction: 'ingress',
      RouteTable: tableComponent(table),
      Vpc: vpcComponent(end.vpc),
      Destination: peeringComponent(world, record.id),
      Address: f,
      Sentence: `The reply cannot come back: ${table.routeTableId} in ${end.vpc.vpcId} has no route to ${f}; the owner of ${end.vpc.vpcId} must add a route to ${record.id} too.`,
    };
  }
  back.add({ Component: tableComponent(table), Vpc: vpcComponent(end.vpc), RouteTableRoute: analysisRoute(world, reply) });
  if (reply.kind === 'user' && reply.route.vpcPeeringConnectionId === record.id) {
    back.add({ Component: peeringComponent(world, record.id), SourceVpc: vpcComponent(end.vpc), DestinationVpc: vpcComponent(source.vpc) });
    back.add({ Component: endComponent(source), Vpc: vpcComponent(source.vpc) });
    return null;
  }
  const meant = routeTo(matchingRoutes(table, localRoutes(end.vpc), from), record.id);
  if (meant !== undefined) return moreSpecific(world, end.vpc, table, reply, meant, f, 'ingress');
  const elsewhere = reply.kind === 'local' ? 'local' : reply.route.vpcPeeringConnectionId;
  return {
    ExplanationCode: 'NO_ROUTE_TO_DESTINATION',
    Direction: 'ingress',
    RouteTable: tableComponent(table),
    RouteTableRoute: analysisRoute(world, reply),
    Vpc: vpcComponent(end.vpc),
    Destination: peeringComponent(world, record.id),
    Address: f,
    Sentence: `Replies to ${f} leave ${table.routeTableId} by ${reply.route.destination} → ${elsewhere}, not ${record.id}: AWS routes replies by the destination's table, not back the way they came (no unicast reverse path forwarding).`,
  };
}

/** A matching route of the table to a connection whose other VPC holds the address, other than the winner's. */
function meantRoute(world: World, vpc: VpcRecord, table: RouteTableRecord, address: Address, winner: string): RouteMatch | undefined {
  for (const match of matchingRoutes(table, localRoutes(vpc), address)) {
    if (match.kind !== 'user' || match.route.vpcPeeringConnectionId === winner) continue;
    const record = peeringById(world, match.route.vpcPeeringConnectionId);
    const other = record === undefined ? undefined : liveVpc(world, otherSide(record, vpc.vpcId));
    if (other !== undefined && vpcHolds(other, address)) return match;
  }
  return undefined;
}

function moreSpecific(world: World, vpc: VpcRecord, table: RouteTableRecord, winner: RouteMatch, meant: RouteMatch, address: string, direction: 'egress' | 'ingress'): ExplanationOutput {
  const meantPcx = meant.kind === 'user' ? meant.route.vpcPeeringConnectionId : 'local';
  const winnerTarget = winner.kind === 'user' ? winner.route.vpcPeeringConnectionId : 'local';
  return {
    ExplanationCode: 'MORE_SPECIFIC_ROUTE',
    Direction: direction,
    RouteTable: tableComponent(table),
    RouteTableRoute: analysisRoute(world, meant),
    Vpc: vpcComponent(vpc),
    Destination: peeringComponent(world, meantPcx),
    Address: address,
    Sentence: `${table.routeTableId} sends ${address} to ${winnerTarget} by the more specific route ${winner.route.destination}; the route ${meant.route.destination} → ${meantPcx} is not used.`,
  };
}

const WHY: Readonly<Record<string, string>> = {
  'initiating-request': 'it is still being requested',
  'pending-acceptance': 'the owner of the peer VPC has not accepted it yet',
  provisioning: 'it is still being provisioned',
  deleting: 'it is being deleted',
  deleted: 'it was deleted',
  rejected: 'it was rejected',
  expired: 'it expired before it was accepted',
  failed: 'it failed (overlapping CIDR blocks, or another check)',
};

function badState(world: World, vpc: VpcRecord, table: RouteTableRecord, match: RouteMatch, pcxId: string, record: PeeringRecord | undefined, address: string): ExplanationOutput[] {
  const status = record?.status;
  const why = status === undefined ? 'it no longer exists' : WHY[status] ?? status;
  const route: ExplanationOutput = {
    ExplanationCode: 'BAD_STATE_ROUTE',
    Direction: 'egress',
    RouteTable: tableComponent(table),
    RouteTableRoute: analysisRoute(world, match),
    Vpc: vpcComponent(vpc),
    VpcPeeringConnection: peeringComponent(world, pcxId),
    Address: address,
    Sentence: `The route ${match.route.destination} → ${pcxId} in ${table.routeTableId} is a blackhole: ${pcxId} is not active (${why}).`,
  };
  const component: ExplanationOutput = {
    ExplanationCode: 'BAD_STATE',
    Direction: 'egress',
    Component: peeringComponent(world, pcxId),
    VpcPeeringConnection: peeringComponent(world, pcxId),
    Sentence: `${pcxId} is ${status ?? 'gone'}: ${why}; routes to it carry traffic only while it is active.`,
  };
  if (status !== undefined) component.State = status;
  return [route, component];
}

/** The connection of a two-hop path to the address: peering is not transitive (routes §3.2). */
function transitiveHop(world: World, vpc: VpcRecord, address: Address): { via: PeeringRecord; peer: VpcRecord; next: PeeringRecord; far: VpcRecord } | undefined {
  for (const via of peeringsOfVpc(world, vpc.vpcId)) {
    if (via.status !== 'active') continue;
    const peer = liveVpc(world, otherSide(via, vpc.vpcId));
    if (peer === undefined) continue;
    for (const next of peeringsOfVpc(world, peer.vpcId)) {
      if (next.status !== 'active' || next.id === via.id) continue;
      const far = liveVpc(world, otherSide(next, peer.vpcId));
      if (far !== undefined && far.vpcId !== vpc.vpcId && vpcHolds(far, address)) return { via, peer, next, far };
    }
  }
  return undefined;
}

function noRoute(world: World, vpc: VpcRecord, table: RouteTableRecord, address: Address): ExplanationOutput {
  const d = addressText(address);
  const direct = peersHolding(world, peeringsOfVpc(world, vpc.vpcId), vpc.vpcId, address)[0];
  if (direct !== undefined) {
    const peer = otherSide(direct, vpc.vpcId);
    return {
      ExplanationCode: 'NO_ROUTE_TO_DESTINATION',
      Direction: 'egress',
      RouteTable: tableComponent(table),
      Vpc: vpcComponent(vpc),
      Destination: peeringComponent(world, direct.id),
      Address: d,
      Sentence: `${table.routeTableId} has no route to ${d}; ${d} is in ${peer}, peered by ${direct.id} (${direct.status}): add a route to ${direct.id}.`,
    };
  }
  const hop = transitiveHop(world, vpc, address);
  if (hop !== undefined) {
    return {
      ExplanationCode: 'DISCONNECTED_VPCS',
      Direction: 'egress',
      SourceVpc: vpcComponent(vpc),
      DestinationVpc: vpcComponent(hop.far),
      RouteTable: tableComponent(table),
      Vpc: vpcComponent(vpc),
      Address: d,
      Sentence: `${table.routeTableId} has no route to ${d}; peering is not transitive: ${hop.via.id} joins ${vpc.vpcId} and ${hop.peer.vpcId} only, and ${d} is in ${hop.far.vpcId} (peered with ${hop.peer.vpcId} by ${hop.next.id}). Peer ${vpc.vpcId} and ${hop.far.vpcId} directly.`,
    };
  }
  return {
    ExplanationCode: 'NO_ROUTE_TO_DESTINATION',
    Direction: 'egress',
    RouteTable: tableComponent(table),
    Vpc: vpcComponent(vpc),
    Address: d,
    Sentence: `${table.routeTableId} has no route to ${d}, and no VPC peered with ${vpc.vpcId} holds ${d}.`,
  };
}

function notInPeer(world: World, vpc: VpcRecord, peer: VpcRecord, record: PeeringRecord, address: Address): ExplanationOutput {
  const d = addressText(address);
  const hop = transitiveHop(world, vpc, address);
  const beyond =
    hop !== undefined && hop.via.id === record.id
      ? ` ${d} is in ${hop.far.vpcId}, peered with ${peer.vpcId} by ${hop.next.id}: peering is not transitive.`
      : ' Traffic to anything beyond the peer VPC (another peer, a gateway, a VPN) is dropped: no edge-to-edge routing.';
  return {
    ExplanationCode: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
    Direction: 'egress',
    VpcPeeringConnection: peeringComponent(world, record.id),
    Vpc: vpcComponent(peer),
    Cidrs: localRoutes(peer).map((local) => local.destination),
    Address: d,
    Sentence: `${record.id} joins ${vpc.vpcId} and ${peer.vpcId} only, and ${d} is not in ${peer.vpcId}'s CIDR blocks.${beyond}`,
  };
}
