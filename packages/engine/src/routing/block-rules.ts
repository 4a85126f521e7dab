// The rules that couple a VPC's CIDR blocks to its subnets and routes (routes §1.2):
// - a block cannot be disassociated while a subnet lies in it [doc] (modify-vpcs.html);
// - a new block must not be the same as or larger than the destination of any route in the VPC's
//   route tables [doc] (vpc-cidr-blocks.html: with a route to 10.0.0.0/24 you may add 10.0.0.0/25
//   or smaller, not /24 or larger). The error codes are undocumented [?].
import { parsePrefix, prefixContains } from '@pcxsim/cidr';
import type { Ec2Error } from '../errors.js';
import { pget, pkeys } from '../pmap.js';
import type { World } from '../world.js';
import { blockCoversRoute, blockHasSubnets } from './routing-errors.js';
import { routingIds, subnetById, subnetsOfVpc, tableById, tablesOfVpc } from './routing-store.js';

/** The refusal of disassociating the block `cidr` (association `associationId`) of `vpcId`, or `null`. */
export function disassociationBlocked(world: World, vpcId: string, associationId: string, cidr: string): Ec2Error | null {
  const block = parsePrefix(cidr);
  if (!block.ok) return null;
  for (const id of routingIds(world, subnetsOfVpc(vpcId))) {
    const record = subnetById(world, id)!;
    // An IPv6 block holds the subnets whose /64 lies in it (routes §1.10), an IPv4 block their IPv4 block.
    const held = block.value.family === 4 ? record.cidrBlock : record.ipv6CidrBlock;
    const subnet = held === null ? null : parsePrefix(held);
    if (subnet !== null && subnet.ok && prefixContains(block.value, subnet.value)) return blockHasSubnets(associationId, id);
  }
  return null;
}

/** The refusal of associating `cidr` with `vpcId` because a route's destination lies within it, or `null`. */
export function associationBlocked(world: World, vpcId: string, cidr: string): Ec2Error | null {
  const block = parsePrefix(cidr);
  if (!block.ok) return null;
  for (const tableId of routingIds(world, tablesOfVpc(vpcId))) {
    const table = tableById(world, tableId)!;
    for (const key of pkeys(table.routes)) {
      const route = pget(table.routes, key)!;
      const destination = parsePrefix(route.destination);
      if (destination.ok && prefixContains(block.value, destination.value)) return blockCoversRoute(cidr, route.destination, tableId);
    }
  }
  return null;
}
