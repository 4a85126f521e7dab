// The DescribeVpcs filters (the names the model documents for `Filter.N`, plus `cidr-block`, which
// Ansible's amazon.aws.ec2_vpc_net sends): what a VPC shows under each name. Each filter reads what
// Describe lists, a `disassociated` block included [?]; the association filters match any one
// association, not one association on every filter (as EC2's filters over lists do, spec §4.3).
import type { FilterValues } from './describe-filters.js';
import { defaultDhcpOptionsId } from './derived-ids.js';
import type { VpcRecord } from './world.js';

/** What a VPC shows under each DescribeVpcs filter name. */
export const VPC_FILTERS: Readonly<Record<string, FilterValues<VpcRecord>>> = {
  'vpc-id': (vpc) => [vpc.vpcId],
  // [doc] the primary block only, matched exactly.
  cidr: (vpc) => [vpc.ipv4Blocks[0]!.cidrBlock],
  // Undocumented, yet amazon.aws.ec2_vpc_net finds its VPCs with it on real AWS: the old name of
  // `cidr`, the primary block — as moto reads it [emu]; which blocks AWS matches is unsettled [?].
  'cidr-block': (vpc) => [vpc.ipv4Blocks[0]!.cidrBlock],
  'cidr-block-association.cidr-block': (vpc) => vpc.ipv4Blocks.map((block) => block.cidrBlock),
  'cidr-block-association.association-id': (vpc) => vpc.ipv4Blocks.map((block) => block.associationId),
  'cidr-block-association.state': (vpc) => vpc.ipv4Blocks.map((block) => block.state),
  'dhcp-options-id': (vpc) => [defaultDhcpOptionsId(vpc.ownerId, vpc.region)],
  'ipv6-cidr-block-association.ipv6-cidr-block': (vpc) => vpc.ipv6Blocks.map((block) => block.ipv6CidrBlock),
  // Every IPv6 block here is Amazon-provided: the pool `Amazon`, as `Ipv6Pool` shows it.
  'ipv6-cidr-block-association.ipv6-pool': (vpc) => vpc.ipv6Blocks.map(() => 'Amazon'),
  'ipv6-cidr-block-association.association-id': (vpc) => vpc.ipv6Blocks.map((block) => block.associationId),
  'ipv6-cidr-block-association.state': (vpc) => vpc.ipv6Blocks.map((block) => block.state),
  // Booleans as EC2 filters take them: `true` / `false`. No VPC here is a default VPC.
  'is-default': () => ['false'],
  'owner-id': (vpc) => [vpc.ownerId],
  // A VPC is `available` from its creation on (its `State` in every view).
  state: () => ['available'],
  'tag-key': (vpc) => vpc.tags.map((tag) => tag.Key),
};

/** What a VPC shows under `tag:<key>`: the value of its tag `key`. */
export const vpcTagValues: FilterValues<VpcRecord> = (vpc, key) => vpc.tags.filter((tag) => tag.Key === key).map((tag) => tag.Value);
