// The pieces the reachability walk (reachability.ts) builds its answer from: components with ARNs,
// routes in the analysis's shape, and what a lookup's winner says about a connection.
import { formatAddress, parseAddress, parsePrefix, prefixContains, type Address, type Prefix } from '@pcxsim/cidr';
import { peeringById, vpcById } from '../records.js';
import type { PeeringRecord, VpcRecord, World } from '../world.js';
import { localRoutes } from './local-routes.js';
import type { RouteMatch } from './longest-prefix-match.js';
import type { RouteTableRecord, SubnetRecord } from './routing-records.js';
import { routeStateOf } from './route-state.js';
import type { AnalysisComponentOutput, AnalysisRouteOutput } from './reachability-shapes.js';
import { routingIds, subnetById, subnetsOfVpc } from './routing-store.js';
import { mainTableOf, tableOfSubnet } from './route-tables.js';

const arn = (region: string, account: string, kind: string, id: string): string => `arn:aws:ec2:${region}:${account}:${kind}/${id}`;

/** A VPC as a component. */
export const vpcComponent = (vpc: VpcRecord): AnalysisComponentOutput => ({ Id: vpc.vpcId, Arn: arn(vpc.region, vpc.ownerId, 'vpc', vpc.vpcId) });

/** A subnet as a component. */
export const subnetComponent = (subnet: SubnetRecord): AnalysisComponentOutput => ({
  Id: subnet.subnetId,
  Arn: arn(subnet.region, subnet.ownerId, 'subnet', subnet.subnetId),
});

/** A route table as a component. */
export const tableComponent = (table: RouteTableRecord): AnalysisComponentOutput => ({
  Id: table.routeTableId,
  Arn: arn(table.region, table.ownerId, 'route-table', table.routeTableId),
});

/** A connection as a component: its ARN is the requester's (routes §5.4 [obs] form). */
export function peeringComponent(world: World, id: string): AnalysisComponentOutput {
  const record = peeringById(world, id);
  return record === undefined ? { Id: id, Arn: `arn:aws:ec2:::vpc-peering-connection/${id}` } : { Id: id, Arn: arn(record.requesterRegion, record.requesterOwnerId, 'vpc-peering-connection', id) };
}

/** The route a lookup chose, in the analysis's shape. */
export function analysisRoute(world: World, match: RouteMatch): AnalysisRouteOutput {
  if (match.kind === 'local') return { DestinationCidr: match.route.destination, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' };
  const id = match.route.vpcPeeringConnectionId;
  return { DestinationCidr: match.route.destination, VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: routeStateOf(world, id) };
}

/** The other VPC of a connection, seen from `vpcId` (a connection to itself: itself). */
export const otherSide = (record: PeeringRecord, vpcId: string): string => (record.requesterVpcId === vpcId ? record.accepterVpcId : record.requesterVpcId);

/** Whether the VPC's blocks hold the address. */
export const vpcHolds = (vpc: VpcRecord, address: Address): boolean => localRoutes(vpc).some((local) => prefixContains(local.prefix, address));

const subnetPrefixes = new WeakMap<SubnetRecord, readonly Prefix[]>();

/** A subnet's blocks (IPv4, and IPv6 if it has one) as prefixes; memoised per (frozen, never changed) record. */
function prefixesOfSubnet(subnet: SubnetRecord): readonly Prefix[] {
  let prefixes = subnetPrefixes.get(subnet);
  if (prefixes === undefined) {
    prefixes = [subnet.cidrBlock, subnet.ipv6CidrBlock].flatMap((cidr) => {
      const parsed = cidr === null ? null : parsePrefix(cidr);
      return parsed !== null && parsed.ok ? [parsed.value] : [];
    });
    subnetPrefixes.set(subnet, prefixes);
  }
  return prefixes;
}

/** Where an address of a VPC lives: the subnet holding it and the table that subnet uses, else the VPC's main table [?] (routing-choices.ts). */
export function placeOf(world: World, vpc: VpcRecord, address: Address): { readonly subnet: SubnetRecord | undefined; readonly table: RouteTableRecord | undefined } {
  for (const id of routingIds(world, subnetsOfVpc(vpc.vpcId))) {
    const subnet = subnetById(world, id)!;
    if (prefixesOfSubnet(subnet).some((prefix) => prefix.family === address.family && prefixContains(prefix, address))) {
      return { subnet, table: tableOfSubnet(world, subnet.subnetId) };
    }
  }
  return { subnet: undefined, table: mainTableOf(world, vpc.vpcId) };
}

/** The address `offset` after the start of a CIDR block's network (the first an instance may have is + 4). */
export function addressIn(cidr: string, offset: number): Address | undefined {
  const parsed = parseAddress(cidr.split('/')[0]!);
  if (!parsed.ok) return undefined;
  const words = [...parsed.value.words];
  words[words.length - 1] = (words[words.length - 1]! + offset) >>> 0;
  return { family: parsed.value.family, words };
}

/** Text of an address. */
export const addressText = (address: Address): string => formatAddress(address);

/** The VPC with this ID, if it still exists. */
export const liveVpc = (world: World, id: string): VpcRecord | undefined => vpcById(world, id);

/** The connections of a VPC whose other VPC holds `address`, active ones first, then by ID. */
export function peersHolding(world: World, connections: readonly PeeringRecord[], vpcId: string, address: Address): PeeringRecord[] {
  const out = connections.filter((record) => {
    const other = liveVpc(world, otherSide(record, vpcId));
    return other !== undefined && other.vpcId !== vpcId && vpcHolds(other, address);
  });
  return out.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active') || (a.id < b.id ? -1 : 1));
}

/** Whether the table has a route to `pcxId` that matches the address, among the matches. */
export const routeTo = (matches: readonly RouteMatch[], pcxId: string): RouteMatch | undefined =>
  matches.find((match) => match.kind === 'user' && match.route.vpcPeeringConnectionId === pcxId);

/** A route record's connection, if the world still holds it. */
export const connectionOf = (world: World, match: RouteMatch): PeeringRecord | undefined =>
  match.kind === 'user' ? peeringById(world, match.route.vpcPeeringConnectionId) : undefined;

