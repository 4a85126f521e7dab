// The default security group AWS creates with every VPC, as a read model: it exists exactly while its
// VPC does (so DeleteVpc deletes it), its ID is derived from the VPC's (derived-ids.ts), its name,
// description and rules are AWS's defaults. Security-group rules across a peering are a later step.
import type { FilterValues } from './describe-filters.js';
import { holdsAddresses } from './block-states.js';
import { derivedId } from './derived-ids.js';
import type { IpPermissionOutput, SecurityGroupOutput } from './read-model-outputs.js';
import { partitionOf } from './regions.js';
import type { VpcRecord } from './world.js';

/** The ID of the VPC's default security group. */
export const defaultSecurityGroupId = (vpc: Pick<VpcRecord, 'vpcId'>): string => derivedId('sg-', vpc.vpcId);

/** The default group's name [doc]; it cannot be renamed or deleted. */
export const DEFAULT_GROUP_NAME = 'default';

/** Its description [obs] (every DescribeSecurityGroups output of a new VPC). */
export const DEFAULT_GROUP_DESCRIPTION = 'default VPC security group';

const allTraffic = (parts: Partial<IpPermissionOutput>): IpPermissionOutput => ({
  IpProtocol: '-1',
  IpRanges: [],
  Ipv6Ranges: [],
  PrefixListIds: [],
  UserIdGroupPairs: [],
  ...parts,
});

/**
 * The VPC's default security group as its owner sees it. Rules [doc] (VPC User Guide, "Default
 * security groups"): inbound, all traffic from the group itself; outbound, all traffic to 0.0.0.0/0,
 * and to ::/0 when the VPC has an IPv6 block (following its IPv6 blocks as they come and go [?]).
 */
export function defaultSecurityGroupView(vpc: VpcRecord): SecurityGroupOutput {
  const groupId = defaultSecurityGroupId(vpc);
  const ipv6 = vpc.ipv6Blocks.some(holdsAddresses);
  return {
    GroupId: groupId,
    GroupName: DEFAULT_GROUP_NAME,
    Description: DEFAULT_GROUP_DESCRIPTION,
    IpPermissions: [allTraffic({ UserIdGroupPairs: [{ UserId: vpc.ownerId, GroupId: groupId }] })],
    IpPermissionsEgress: [allTraffic({ IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: ipv6 ? [{ CidrIpv6: '::/0' }] : [] })],
    OwnerId: vpc.ownerId,
    VpcId: vpc.vpcId,
    SecurityGroupArn: `arn:${partitionOf(vpc.region)}:ec2:${vpc.region}:${vpc.ownerId}:security-group/${groupId}`,
    Tags: [],
  };
}

type Direction = 'IpPermissions' | 'IpPermissionsEgress';

const ruleValues =
  (direction: Direction, pick: (rule: IpPermissionOutput) => readonly string[]): FilterValues<SecurityGroupOutput> =>
  (group) =>
    group[direction].flatMap(pick);

// The filters on one direction's rules, under `ip-permission.` or `egress.ip-permission.` [doc]. The
// only group a rule here references is the default group itself, so its name is `default`. A rule
// for every protocol (`-1`) has no ports, so the port filters match nothing here.
function ruleFilters(prefix: string, direction: Direction): Record<string, FilterValues<SecurityGroupOutput>> {
  return {
    [`${prefix}cidr`]: ruleValues(direction, (rule) => rule.IpRanges.map((range) => range.CidrIp)),
    [`${prefix}from-port`]: () => [],
    [`${prefix}group-id`]: ruleValues(direction, (rule) => rule.UserIdGroupPairs.map((pair) => pair.GroupId)),
    [`${prefix}group-name`]: ruleValues(direction, (rule) => rule.UserIdGroupPairs.map(() => DEFAULT_GROUP_NAME)),
    [`${prefix}ipv6-cidr`]: ruleValues(direction, (rule) => rule.Ipv6Ranges.map((range) => range.CidrIpv6)),
    [`${prefix}prefix-list-id`]: ruleValues(direction, (rule) => rule.PrefixListIds.map((list) => list.PrefixListId)),
    [`${prefix}protocol`]: ruleValues(direction, (rule) => [rule.IpProtocol]),
    [`${prefix}to-port`]: () => [],
    [`${prefix}user-id`]: ruleValues(direction, (rule) => rule.UserIdGroupPairs.map((pair) => pair.UserId)),
  };
}

/** The DescribeSecurityGroups filters [doc] (the model's list): what a group shows under each name. */
export const SECURITY_GROUP_FILTERS: Readonly<Record<string, FilterValues<SecurityGroupOutput>>> = {
  description: (group) => [group.Description],
  ...ruleFilters('egress.ip-permission.', 'IpPermissionsEgress'),
  'group-id': (group) => [group.GroupId],
  'group-name': (group) => [group.GroupName],
  ...ruleFilters('ip-permission.', 'IpPermissions'),
  'owner-id': (group) => [group.OwnerId],
  'tag-key': (group) => group.Tags.map((tag) => tag.Key),
  'vpc-id': (group) => [group.VpcId],
};

/** What a group shows under `tag:<key>`. */
export const securityGroupTagValues: FilterValues<SecurityGroupOutput> = (group, key) =>
  group.Tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);
