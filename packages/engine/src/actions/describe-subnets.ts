// DescribeSubnets (issue 13): the caller's subnets in its Region, by ID and filters, paged, each in
// the version Describe shows now (spec §10.4, routing-versions.ts).
import type { DescribeSubnetsCommand } from '../routing/routing-commands.js';
import { parseFilters, passes, type FilterValues } from '../describe-filters.js';
import { viewKey } from '../indexes.js';
import { stringList } from '../input.js';
import { done, type Outcome } from '../outcome.js';
import { fingerprintOf, page, readPaging, sortByKey } from '../pagination.js';
import type { Tx } from '../tx.js';
import type { SubnetRecord } from '../routing/routing-records.js';
import type { DescribeSubnetsOutput } from '../routing/routing-outputs.js';
import { shownOwnSubnetById } from '../routing/routing-lookup.js';
import { shownSubnet, shownSubnetIds } from '../routing/routing-versions.js';
import { availableAddresses, subnetView } from '../routing/routing-views.js';

/** The DescribeSubnets filters (botocore's list, less the Outposts ones this model has no data for). */
const SUBNET_FILTERS: Readonly<Record<string, FilterValues<SubnetRecord>>> = {
  'availability-zone': (subnet) => [subnet.availabilityZone],
  availabilityZone: (subnet) => [subnet.availabilityZone],
  'availability-zone-id': (subnet) => [subnet.availabilityZoneId],
  availabilityZoneId: (subnet) => [subnet.availabilityZoneId],
  'available-ip-address-count': (subnet) => [String(availableAddresses(subnet.cidrBlock))],
  'cidr-block': (subnet) => [subnet.cidrBlock],
  cidr: (subnet) => [subnet.cidrBlock],
  cidrBlock: (subnet) => [subnet.cidrBlock],
  'default-for-az': () => ['false'],
  defaultForAz: () => ['false'],
  'ipv6-cidr-block-association.ipv6-cidr-block': (subnet) => (subnet.ipv6CidrBlock === null ? [] : [subnet.ipv6CidrBlock]),
  'ipv6-cidr-block-association.association-id': (subnet) => (subnet.ipv6AssociationId === null ? [] : [subnet.ipv6AssociationId]),
  'ipv6-cidr-block-association.state': (subnet) => (subnet.ipv6CidrBlock === null ? [] : ['associated']),
  'ipv6-native': () => ['false'],
  'map-public-ip-on-launch': () => ['false'],
  'owner-id': (subnet) => [subnet.ownerId],
  state: () => ['available'],
  'subnet-arn': (subnet) => [`arn:aws:ec2:${subnet.region}:${subnet.ownerId}:subnet/${subnet.subnetId}`],
  'subnet-id': (subnet) => [subnet.subnetId],
  'tag-key': (subnet) => subnet.tags.map((tag) => tag.Key),
  'vpc-id': (subnet) => [subnet.vpcId],
};

const subnetTagValues: FilterValues<SubnetRecord> = (subnet, key) => subnet.tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);

/** DescribeSubnets. */
export function describeSubnets(tx: Tx, command: DescribeSubnetsCommand): Outcome<DescribeSubnetsOutput> {
  const ids = stringList(command.SubnetIds, 'SubnetId');
  if (!ids.ok) return ids;
  const filters = parseFilters(command.Filters, SUBNET_FILTERS, subnetTagValues);
  if (!filters.ok) return filters;
  const paging = readPaging(command.MaxResults, command.NextToken, () => fingerprintOf([ids.value, command.Filters]));
  if (!paging.ok) return paging;
  const candidates: SubnetRecord[] = [];
  if (ids.value.length > 0) {
    for (const id of new Set(ids.value)) {
      const subnet = shownOwnSubnetById(tx.w, tx.caller, id);
      if (!subnet.ok) return subnet;
      candidates.push(subnet.value);
    }
  } else {
    for (const id of shownSubnetIds(tx.w, viewKey(tx.caller.accountId, tx.caller.region))) {
      const subnet = shownSubnet(tx.w, id);
      if (subnet !== undefined) candidates.push(subnet);
    }
  }
  const matched = sortByKey(candidates.filter((subnet) => passes(filters.value, subnet)), (subnet) => subnet.subnetId);
  const { items, nextToken } = page(matched, (subnet) => subnet.subnetId, paging.value);
  const out: DescribeSubnetsOutput = { Subnets: items.map(subnetView) };
  if (nextToken !== undefined) out.NextToken = nextToken;
  return done(out);
}
