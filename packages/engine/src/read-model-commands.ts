// The read-only commands around VPCs that infrastructure tools call on their way to a peering
// (Terraform's aws_vpc, Ansible's amazon.aws.ec2_vpc_net and ec2_vpc_net_info, provider set-up): the
// VPC attributes, ClassicLink, the default network ACL and security group, Regions and account
// attributes. Like every command, each is the action's SDK input plus a `type`.
import type { DryRunnable, FilterInput, Paged } from './commands.js';

/** DescribeVpcAttribute: one attribute of one VPC. */
export interface DescribeVpcAttributeCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DescribeVpcAttribute';
  /** `enableDnsSupport`, `enableDnsHostnames` or `enableNetworkAddressUsageMetrics`. */
  readonly Attribute?: string | undefined;
  /** The VPC. */
  readonly VpcId?: string | undefined;
}

/** DescribeVpcClassicLink: answered as AWS answers it since EC2-Classic's retirement. */
export interface DescribeVpcClassicLinkCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DescribeVpcClassicLink';
  /** The VPCs. */
  readonly VpcIds?: readonly string[] | undefined;
  /** Filters. */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** DescribeVpcClassicLinkDnsSupport: answered as AWS answers it since EC2-Classic's retirement. */
export interface DescribeVpcClassicLinkDnsSupportCommand extends Paged {
  /** Discriminant. */
  readonly type: 'DescribeVpcClassicLinkDnsSupport';
  /** The VPCs. */
  readonly VpcIds?: readonly string[] | undefined;
  /** The model has no DryRun for this action; accepted for uniformity. */
  readonly DryRun?: boolean | undefined;
}

/** DescribeNetworkAcls over the caller's default network ACLs. */
export interface DescribeNetworkAclsCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeNetworkAcls';
  /** Only these ACLs; an unknown one is `InvalidNetworkAclID.NotFound`. */
  readonly NetworkAclIds?: readonly string[] | undefined;
  /** Filters (see network-acl-filters in default-network-acl.ts). */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** DescribeSecurityGroups over the caller's default security groups. */
export interface DescribeSecurityGroupsCommand extends DryRunnable, Paged {
  /** Discriminant. */
  readonly type: 'DescribeSecurityGroups';
  /** Only these groups; an unknown one is `InvalidGroup.NotFound`. */
  readonly GroupIds?: readonly string[] | undefined;
  /** Groups of the default VPC by name; the accounts here have no default VPC. */
  readonly GroupNames?: readonly string[] | undefined;
  /** Filters (see default-security-group.ts). */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** DescribeRegions: the world's Regions. */
export interface DescribeRegionsCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DescribeRegions';
  /** Only these Regions. */
  readonly RegionNames?: readonly string[] | undefined;
  /** Also the Regions not enabled for the account (every Region of the world is). */
  readonly AllRegions?: boolean | undefined;
  /** Filters: `endpoint`, `opt-in-status`, `region-name`. */
  readonly Filters?: readonly FilterInput[] | undefined;
}

/** DescribeAccountAttributes. */
export interface DescribeAccountAttributesCommand extends DryRunnable {
  /** Discriminant. */
  readonly type: 'DescribeAccountAttributes';
  /** Only these attributes (`supported-platforms`, `default-vpc`, …). */
  readonly AttributeNames?: readonly string[] | undefined;
}

/** Every read-model command. */
export type ReadModelCommand =
  | DescribeVpcAttributeCommand
  | DescribeVpcClassicLinkCommand
  | DescribeVpcClassicLinkDnsSupportCommand
  | DescribeNetworkAclsCommand
  | DescribeSecurityGroupsCommand
  | DescribeRegionsCommand
  | DescribeAccountAttributesCommand;
