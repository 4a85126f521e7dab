// CreateSubnet (issue 13): an IPv4 subnet inside one of the VPC's blocks, in one Availability Zone
// of the caller's Region, with an IPv6 /64 of the VPC's IPv6 blocks if asked (routes §1.10).
import { parsePrefix, prefixContains, prefixOverlaps, formatPrefix, type Prefix } from '@pcxsim/cidr';
import { tagsFromSpecifications } from '@pcxsim/tags';
import type { CreateSubnetCommand } from '../routing/routing-commands.js';
import { fromTags, invalidCombination, missingParameter } from '../errors.js';
import { optionalString } from '../input.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { Tx } from '../tx.js';
import type { VpcRecord } from '../world.js';
import { zonesOf, type AvailabilityZone } from '../routing/availability-zones.js';
import type { CreateSubnetOutput } from '../routing/routing-outputs.js';
import type { SubnetRecord } from '../routing/routing-records.js';
import { nextRoutingId } from '../routing/route-tables.js';
import { invalidZone, notACidr, subnetConflict, subnetIpv6Conflict, subnetIpv6Invalid, subnetIpv6Range, subnetLimit, subnetRange } from '../routing/routing-errors.js';
import { routingIds, subnetById, subnetsOfVpc, vpcRouting, writeSubnet } from '../routing/routing-store.js';
import { subnetView } from '../routing/routing-views.js';

/** Subnet blocks are /16 to /28, as VPC blocks are [doc] (VPC User Guide, subnet sizing). */
const SHORTEST = 16;
const LONGEST = 28;
/** A subnet's IPv6 block is a /64 [doc] (routes §1.10). */
const SUBNET_IPV6_LENGTH = 64;

/** CreateSubnet. */
export function createSubnet(tx: Tx, command: CreateSubnetCommand): Outcome<CreateSubnetOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const text = optionalString(command.CidrBlock, 'CidrBlock');
  if (!text.ok) return text;
  if (text.value === undefined || text.value === '') return refuse(missingParameter('cidrBlock'));
  const zone = chooseZone(tx, command, vpc.value.vpcId);
  if (!zone.ok) return zone;
  const tags = tagsFromSpecifications('CreateSubnet', command.TagSpecifications);
  if (!tags.ok) return refuse(fromTags(tags.error));

  // [?] host bits are cleared, as for a VPC block (spec §6.1).
  const parsed = parsePrefix(text.value, { hostBits: 'clear' });
  if (!parsed.ok || parsed.value.family !== 4) return refuse(notACidr(text.value, 'cidrBlock'));
  const prefix = parsed.value;
  const cidr = formatPrefix(prefix);
  // [obs] InvalidSubnet.Range: out of /16–/28, or not inside a block of the VPC that is associated
  // (a block still `associating` cannot hold a subnet yet: hashicorp/terraform#21256 [obs]).
  if (prefix.length < SHORTEST || prefix.length > LONGEST) return refuse(subnetRange(cidr));
  const inside = vpc.value.ipv4Blocks.some((block) => {
    const outer = parsePrefix(block.cidrBlock);
    return block.state === 'associated' && outer.ok && prefixContains(outer.value, prefix);
  });
  if (!inside) return refuse(subnetRange(cidr));
  const siblings = routingIds(tx.w, subnetsOfVpc(vpc.value.vpcId));
  for (const id of siblings) {
    const other = parsePrefix(subnetById(tx.w, id)!.cidrBlock);
    if (other.ok && prefixOverlaps(other.value, prefix)) return refuse(subnetConflict(cidr)); // [obs]
  }
  const ipv6 = ipv6Block(tx, command, vpc.value, siblings);
  if (!ipv6.ok) return ipv6;
  const limit = tx.w.config.quotas.subnetsPerVpc;
  if ((vpcRouting(tx.w, vpc.value.vpcId)?.subnets ?? 0) >= limit) return refuse(subnetLimit(vpc.value.vpcId, limit));

  const subnet: SubnetRecord = Object.freeze({
    subnetId: nextRoutingId(tx, 'subnet-'),
    vpcId: vpc.value.vpcId,
    ownerId: vpc.value.ownerId,
    region: vpc.value.region,
    cidrBlock: cidr,
    ipv6CidrBlock: ipv6.value,
    ipv6AssociationId: ipv6.value === null ? null : nextRoutingId(tx, 'subnet-cidr-assoc-'),
    availabilityZone: zone.value.zoneName,
    availabilityZoneId: zone.value.zoneId,
    associationId: null,
    tags: tags.value,
  });
  writeSubnet(tx, undefined, subnet);
  tx.events.push({ type: 'RoutingChanged', resourceId: subnet.subnetId, change: 'subnet-created', at: tx.w.clock });
  return done({ Subnet: subnetView(subnet) });
}

/** The IPv6 /64 the request asks for, canonical, or `null` when it asks for none (routes §1.10). */
function ipv6Block(tx: Tx, command: CreateSubnetCommand, vpc: VpcRecord, siblings: readonly string[]): Outcome<string | null> {
  const text = optionalString(command.Ipv6CidrBlock, 'Ipv6CidrBlock');
  if (!text.ok) return text;
  if (text.value === undefined || text.value === '') return done(null);
  // [obs] not an IPv6 CIDR, or another length than /64: InvalidParameterValue. [?] host bits are
  // cleared, as for the IPv4 block.
  const parsed = parsePrefix(text.value, { hostBits: 'clear' });
  if (!parsed.ok || parsed.value.family !== 6 || parsed.value.length !== SUBNET_IPV6_LENGTH) return refuse(subnetIpv6Invalid(text.value));
  const prefix: Prefix = parsed.value;
  const cidr = formatPrefix(prefix);
  // [obs] a /64 outside every associated IPv6 block of the VPC: InvalidSubnet.Range.
  const inside = vpc.ipv6Blocks.some((block) => {
    const outer = parsePrefix(block.ipv6CidrBlock);
    return block.state === 'associated' && outer.ok && prefixContains(outer.value, prefix);
  });
  if (!inside) return refuse(subnetIpv6Range(cidr));
  for (const id of siblings) {
    const held = subnetById(tx.w, id)!.ipv6CidrBlock;
    const other = held === null ? null : parsePrefix(held);
    if (other !== null && other.ok && prefixOverlaps(other.value, prefix)) return refuse(subnetIpv6Conflict(cidr)); // [?]
  }
  return done(cidr);
}

/** The zone the request names (by name or by ID), or the one the simulator picks (routing-choices.ts). */
function chooseZone(tx: Tx, command: CreateSubnetCommand, vpcId: string): Outcome<AvailabilityZone> {
  const name = optionalString(command.AvailabilityZone, 'AvailabilityZone');
  if (!name.ok) return name;
  const id = optionalString(command.AvailabilityZoneId, 'AvailabilityZoneId');
  if (!id.ok) return id;
  const zones = zonesOf(tx.caller.region);
  const names = zones.map((zone) => zone.zoneName);
  // [?] both at once: the usual EC2 code for two exclusive members.
  if (name.value !== undefined && id.value !== undefined) return refuse(invalidCombination('AvailabilityZone', 'AvailabilityZoneId'));
  if (name.value !== undefined) {
    const zone = zones.find((one) => one.zoneName === name.value);
    return zone === undefined ? refuse(invalidZone(name.value, 'availabilityZone', names)) : done(zone);
  }
  if (id.value !== undefined) {
    const zone = zones.find((one) => one.zoneId === id.value);
    return zone === undefined ? refuse(invalidZone(id.value, 'availabilityZoneId', names)) : done(zone);
  }
  // routing-choices.ts DEFAULT_ZONE_SPREAD [?]: round robin over the VPC's subnets.
  return done(zones[(vpcRouting(tx.w, vpcId)?.subnets ?? 0) % zones.length]!);
}
