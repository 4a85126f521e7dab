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

/** The association of a network ACL with a subnet. */
export interface NetworkAclAssociationOutput {
  /** `aclassoc-…`. */
  NetworkAclAssociationId: string;
  /** The ACL. */
  NetworkAclId: string;
  /** The subnet. */
  SubnetId: string;
}

/** A network ACL. */
export interface NetworkAclOutput {
  /** Its subnet associations. */
  Associations: NetworkAclAssociationOutput[];
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

/** An IPv4 range of a security-group rule. */
export interface IpRangeOutput {
  /** The range. */
  CidrIp: string;
}

/** An IPv6 range of a security-group rule. */
export interface Ipv6RangeOutput {
  /** The range. */
  CidrIpv6: string;
}

/** A prefix list of a security-group rule. */
export interface PrefixListIdOutput {
  /** `pl-…`. */
  PrefixListId: string;
}

/** One rule of a security group (ingress or egress). */
export interface IpPermissionOutput {
  /** `-1`: every protocol. */
  IpProtocol: string;
  /** IPv4 ranges. */
  IpRanges: IpRangeOutput[];
  /** IPv6 ranges. */
  Ipv6Ranges: Ipv6RangeOutput[];
  /** Prefix lists. */
  PrefixListIds: PrefixListIdOutput[];
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

/** A VPC's ClassicLink status. */
export interface VpcClassicLinkOutput {
  /** The VPC. */
  VpcId: string;
  /** Whether ClassicLink is enabled. */
  ClassicLinkEnabled: boolean;
  /** The VPC's tags. */
  Tags: TagOutput[];
}

/** A VPC's ClassicLink DNS support. */
export interface ClassicLinkDnsSupportOutput {
  /** The VPC. */
  VpcId: string;
  /** Whether ClassicLink DNS support is enabled. */
  ClassicLinkDnsSupported: boolean;
}

/** The output of DescribeVpcClassicLink (never produced: the action is refused, see describe-vpc-classic-link.ts). */
export interface DescribeVpcClassicLinkOutput {
  /** The VPCs. */
  Vpcs: VpcClassicLinkOutput[];
}

/** The output of DescribeVpcClassicLinkDnsSupport (never produced, as above). */
export interface DescribeVpcClassicLinkDnsSupportOutput {
  /** The VPCs. */
  Vpcs: ClassicLinkDnsSupportOutput[];
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

/** One value of an account attribute. */
export interface AccountAttributeValueOutput {
  /** The value. */
  AttributeValue: string;
}

/** One account attribute. */
export interface AccountAttributeOutput {
  /** Its name. */
  AttributeName: string;
  /** Its values. */
  AttributeValues: AccountAttributeValueOutput[];
}

/** The output of DescribeAccountAttributes. */
export interface DescribeAccountAttributesOutput {
  /** The attributes. */
  AccountAttributes: AccountAttributeOutput[];
}
