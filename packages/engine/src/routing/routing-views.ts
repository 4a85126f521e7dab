// What the caller sees of subnets and route tables: fresh SDK-shaped objects computed from the
// records (DESIGN: views, not copies). A route's state is read from its connection now.
import { parsePrefix, prefixSize } from '@pcxsim/cidr';
import { pget, pkeys } from '../pmap.js';
import { vpcById } from '../records.js';
import { tagsOutput } from '../views.js';
import type { World } from '../world.js';
import { localRoutes } from './local-routes.js';
import type { AssociationRecord, RouteRecord, RouteTableRecord, SubnetRecord } from './routing-records.js';
import { routeStateOf } from './route-state.js';
import type { RouteOutput, RouteTableAssociationOutput, RouteTableOutput, SubnetOutput } from './routing-outputs.js';

/** AWS reserves 5 addresses of every subnet (network, router, DNS, future use, broadcast) [doc]. */
export const RESERVED_ADDRESSES = 5;

/** The addresses a subnet's block has for instances: its size less the reserved five. */
export function availableAddresses(cidrBlock: string): number {
  const parsed = parsePrefix(cidrBlock);
  return parsed.ok ? Number(prefixSize(parsed.value)) - RESERVED_ADDRESSES : 0;
}

/** A subnet in SDK shape. */
export const subnetView = (subnet: SubnetRecord): SubnetOutput => ({
  SubnetId: subnet.subnetId,
  SubnetArn: `arn:aws:ec2:${subnet.region}:${subnet.ownerId}:subnet/${subnet.subnetId}`,
  VpcId: subnet.vpcId,
  OwnerId: subnet.ownerId,
  State: 'available',
  CidrBlock: subnet.cidrBlock,
  AvailabilityZone: subnet.availabilityZone,
  AvailabilityZoneId: subnet.availabilityZoneId,
  AvailableIpAddressCount: availableAddresses(subnet.cidrBlock),
  DefaultForAz: false,
  MapPublicIpOnLaunch: false,
  AssignIpv6AddressOnCreation: false,
  Ipv6CidrBlockAssociationSet:
    subnet.ipv6CidrBlock === null || subnet.ipv6AssociationId === null
      ? []
      : [{ AssociationId: subnet.ipv6AssociationId, Ipv6CidrBlock: subnet.ipv6CidrBlock, Ipv6CidrBlockState: { State: 'associated' } }],
  Ipv6Native: false,
  Tags: tagsOutput(subnet.tags),
});

/** A user route in SDK shape, its state read from its connection now. */
export function routeView(world: World, route: RouteRecord): RouteOutput {
  const state = routeStateOf(world, route.vpcPeeringConnectionId);
  const id = route.vpcPeeringConnectionId;
  return route.family === 4
    ? { DestinationCidrBlock: route.destination, VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: state }
    : { DestinationIpv6CidrBlock: route.destination, VpcPeeringConnectionId: id, Origin: 'CreateRoute', State: state };
}

/** The user routes of a table, in destination order: IPv4 before IPv6, then by address, then shorter first. */
export function userRoutes(table: RouteTableRecord): RouteRecord[] {
  const routes = (pkeys(table.routes) as string[]).map((key) => pget(table.routes, key)!);
  return routes.sort((a, b) => compareDestinations(a, b));
}

function compareDestinations(a: RouteRecord, b: RouteRecord): number {
  if (a.family !== b.family) return a.family - b.family;
  const x = parsePrefix(a.destination);
  const y = parsePrefix(b.destination);
  if (!x.ok || !y.ok) return a.destination < b.destination ? -1 : 1;
  for (let w = 0; w < x.value.words.length; w++) {
    if (x.value.words[w] !== y.value.words[w]) return x.value.words[w]! < y.value.words[w]! ? -1 : 1;
  }
  return x.value.length - y.value.length;
}

/** An association in SDK shape. */
export function associationView(association: AssociationRecord): RouteTableAssociationOutput {
  const out: RouteTableAssociationOutput = {
    Main: association.subnetId === null,
    RouteTableAssociationId: association.associationId,
    RouteTableId: association.routeTableId,
    AssociationState: { State: 'associated' },
  };
  if (association.subnetId !== null) out.SubnetId = association.subnetId;
  return out;
}

/** A route table in SDK shape: its local routes (from its VPC's blocks), then its user routes. */
export function routeTableView(world: World, table: RouteTableRecord): RouteTableOutput {
  const vpc = vpcById(world, table.vpcId);
  const routes: RouteOutput[] = [];
  if (vpc !== undefined) {
    for (const local of localRoutes(vpc)) {
      routes.push(
        local.family === 4
          ? { DestinationCidrBlock: local.destination, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }
          : { DestinationIpv6CidrBlock: local.destination, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      );
    }
  }
  for (const route of userRoutes(table)) routes.push(routeView(world, route));
  return {
    RouteTableId: table.routeTableId,
    VpcId: table.vpcId,
    OwnerId: table.ownerId,
    Routes: routes,
    Associations: table.associations.map(associationView),
    PropagatingVgws: [],
    Tags: tagsOutput(table.tags),
  };
}
