// The outputs of the read-model commands (read-model-commands.ts), in @aws-sdk/client-ec2's shapes
// as fresh objects (test/sdk-types.test.ts keeps them assignable to the SDK's result types).
import type { TagOutput } from './outputs.js';

/** A boolean attribute value. */
export interface AttributeBooleanOutput {
  /** The value. */
  Value: boolean;
}

/** The output of DescribeVpcAttribute: the VPC and the one attribute asked for. */
export interface DescribeVpcAttributeOutput {
  /** The VPC. */
  VpcId: string;
  /** When `enableDnsSupport` was asked for. */
  EnableDnsSupport?: AttributeBooleanOutput;
  /** When `enableDnsHostnames` was asked for. */
  EnableDnsHostnames?: AttributeBooleanOutput;
  /** When `enableNetworkAddressUsageMetrics` was asked for. */
  EnableNetworkAddressUsageMetrics?: AttributeBooleanOutput;
}

/** One entry (rule) of a network ACL. */
export interface NetworkAclEntryOutput {
  /** The IPv4 range, for an IPv4 rule. */
  CidrBlock?: string;
  /** The IPv6 range, for an IPv6 rule. */
  Ipv6CidrBlock?: string;
  /** Outbound (`true`) or inbound. */
  Egress: boolean;
  /** `-1`: every protocol. */
  Protocol: string;
  /** `allow` or `deny`. */
  RuleAction: 'allow' | 'deny';
  /** The rule number; the rules apply in ascending order. */
  RuleNumber: number;
}

/** A network ACL. */
export interface NetworkAclOutput {
  /** Its subnet associations. */
  Associations: { NetworkAclAssociationId: string; NetworkAclId: string; SubnetId: string }[];
  /** Its rules. */
  Entries: NetworkAclEntryOutput[];
  /** Whether it is its VPC's default ACL. */
  IsDefault: boolean;
  /** `acl-…`. */
  NetworkAclId: string;
  /** Its tags. */
  Tags: TagOutput[];
  /** Its VPC. */
  VpcId: string;
  /** The owning account. */
  OwnerId: string;
}

/** The output of DescribeNetworkAcls. */
export interface DescribeNetworkAclsOutput {
  /** The page. */
  NetworkAcls: NetworkAclOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** A security group referenced by a rule. */
export interface UserIdGroupPairOutput {
  /** The group's account. */
  UserId: string;
  /** The group. */
  GroupId: string;
}

/** One rule of a security group (ingress or egress). */
export interface IpPermissionOutput {
  /** `-1`: every protocol. */
  IpProtocol: string;
  /** IPv4 ranges. */
  IpRanges: { CidrIp: string }[];
  /** IPv6 ranges. */
  Ipv6Ranges: { CidrIpv6: string }[];
  /** Prefix lists. */
  PrefixListIds: { PrefixListId: string }[];
  /** Groups. */
  UserIdGroupPairs: UserIdGroupPairOutput[];
}

/** A security group. */
export interface SecurityGroupOutput {
  /** `sg-…`. */
  GroupId: string;
  /** Its name. */
  GroupName: string;
  /** Its description. */
  Description: string;
  /** Inbound rules. */
  IpPermissions: IpPermissionOutput[];
  /** Outbound rules. */
  IpPermissionsEgress: IpPermissionOutput[];
  /** The owning account. */
  OwnerId: string;
  /** Its VPC. */
  VpcId: string;
  /** `arn:<partition>:ec2:<region>:<account>:security-group/<id>`. */
  SecurityGroupArn: string;
  /** Its tags. */
  Tags: TagOutput[];
}

/** The output of DescribeSecurityGroups. */
export interface DescribeSecurityGroupsOutput {
  /** The page. */
  SecurityGroups: SecurityGroupOutput[];
  /** Where the next page starts; absent on the last. */
  NextToken?: string;
}

/** The output of DescribeVpcClassicLink (never produced: the action is refused, see describe-vpc-classic-link.ts). */
export interface DescribeVpcClassicLinkOutput {
  /** The VPCs. */
  Vpcs: { VpcId: string; ClassicLinkEnabled: boolean; Tags: TagOutput[] }[];
}

/** The output of DescribeVpcClassicLinkDnsSupport (never produced, as above). */
export interface DescribeVpcClassicLinkDnsSupportOutput {
  /** The VPCs. */
  Vpcs: { VpcId: string; ClassicLinkDnsSupported: boolean }[];
}

/** A Region. */
export interface RegionOutput {
  /** `us-east-1`, …. */
  RegionName: string;
  /** `ec2.<region>.amazonaws.com` (the partition's DNS suffix). */
  Endpoint: string;
  /** `opt-in-not-required` or `opted-in`. */
  OptInStatus: 'opt-in-not-required' | 'opted-in';
}

/** The output of DescribeRegions. */
export interface DescribeRegionsOutput {
  /** The Regions. */
  Regions: RegionOutput[];
}

/** One account attribute. */
export interface AccountAttributeOutput {
  /** Its name. */
  AttributeName: string;
  /** Its values. */
  AttributeValues: { AttributeValue: string }[];
}

/** The output of DescribeAccountAttributes. */
export interface DescribeAccountAttributesOutput {
  /** The attributes. */
  AccountAttributes: AccountAttributeOutput[];
}
